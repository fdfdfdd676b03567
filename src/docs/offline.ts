/**
 * Redoc 3 renders "API docs by <Redocly logo>" in every page's sidebar and loads that logo from
 * cdn.redoc.ly, with no option to turn it off. The pages must make no request at view time, so
 * the logo URLs in the built page are replaced by an inline SVG wordmark: same attribution, no
 * fetch. (Google Fonts are no longer loaded by build-docs 2.x; `--inlineBundle` embeds Redoc.)
 */
export const REDOC_CDN_LOGOS: Readonly<Record<string, string>> = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": wordmark("Redocly", 58),
  "https://cdn.redoc.ly/redoc/logo-mini.svg": wordmark("R", 12),
};

function wordmark(text: string, width: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16"><text x="0" y="12.5" font-family="system-ui,sans-serif" font-size="12" font-weight="600" fill="#0044D4">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Replaces every CDN logo URL in a built page by its inline wordmark. */
export function inlineRedocLogos(html: string): string {
  let out = html;
  for (const [url, inline] of Object.entries(REDOC_CDN_LOGOS)) out = out.split(url).join(inline);
  return out;
}

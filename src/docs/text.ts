/**
 * Escaping for the two outputs of the docs build: Markdown (appended to a spec's
 * `info.description`, rendered by Redoc) and HTML (the index page).
 */

const MARKDOWN_SPECIAL = /([\\`*_[\]<>|])/g;
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, " ").trim();

/** A literal value (a wire value: an error message, a code) for a Markdown table cell: shown exactly as is. */
export function markdownLiteral(text: string): string {
  return oneLine(text).replace(MARKDOWN_SPECIAL, "\\$1");
}

/**
 * Prose from the spec (a description, a summary) for a Markdown table cell: one line, no pipes,
 * emphasis, links or HTML, but its `code spans` stay code.
 */
export function markdownProse(text: string): string {
  return oneLine(text)
    .split(/(`[^`|]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(MARKDOWN_SPECIAL, "\\$1")))
    .join("");
}

/** A Markdown code span (for identifiers: example names, status values). */
export function markdownCode(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${text}${fence}`;
}

/** A GitHub-flavoured Markdown table; cells are already escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Escapes text for HTML, rendering Markdown-style `code spans` (as the specs' summaries use them) as <code>. */
export function inlineHtml(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (part.length > 2 && part.startsWith("`") && part.endsWith("`") ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join("");
}

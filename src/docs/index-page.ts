/**
 * index.html of the docs: what the package is, a link to each provider's page and bundled
 * spec, and the status table. Static HTML with inline CSS: no script, no request of its own.
 */
import type { StatusTable } from "./status-table.js";
import { escapeHtml, inlineHtml } from "./text.js";

export interface IndexProvider {
  name: string;
  /** Spec `info.title` and `info.summary`. */
  title: string;
  summary: string | undefined;
  operations: ReadonlyArray<{ method: string; path: string; summary: string | undefined }>;
  /** File names relative to index.html. */
  page: string;
  spec: string;
  errorCount: number;
}

export interface IndexPageInput {
  packageName: string;
  version: string;
  description: string;
  providers: readonly IndexProvider[];
  statusTable: StatusTable;
}

const STYLE = `
  :root { color-scheme: light; --fg: #1d1d1f; --muted: #5b5b66; --line: #d9d9e0; --accent: #0044d4; }
  body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
  main { max-width: 1100px; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
  h1 { font-size: 2rem; margin: 0 0 .25rem; } h1 small { font-size: 1rem; color: var(--muted); font-weight: normal; }
  h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
  th, td { text-align: left; vertical-align: top; padding: .5rem .65rem; border-bottom: 1px solid var(--line); }
  th { background: #f5f5f8; }
  code { font: .88em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f0f0f4; padding: .1em .3em; border-radius: 4px; }
  a { color: var(--accent); } .muted { color: var(--muted); }
`;

export function renderIndexPage(input: IndexPageInput): string {
  const providerRows = input.providers
    .map(
      (p) => `      <tr>
        <td><a href="${escapeHtml(p.page)}">${escapeHtml(p.name)}</a><br><span class="muted">${inlineHtml(p.summary ?? p.title)}</span></td>
        <td>${p.operations.map((o) => `<code>${escapeHtml(`${o.method} ${o.path}`)}</code><br>${inlineHtml(o.summary ?? "")}`).join("<br>")}</td>
        <td><a href="${escapeHtml(p.page)}">${escapeHtml(p.page)}</a></td>
        <td><a href="${escapeHtml(p.spec)}">${escapeHtml(p.spec)}</a></td>
        <td>${p.errorCount}</td>
      </tr>`,
    )
    .join("\n");
  const t = input.statusTable;
  const statusRows = t.rows.map((r) => `      <tr>${r.map((c) => `<td>${inlineHtml(c)}</td>`).join("")}</tr>`).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(input.packageName)} — API reference</title>
  <link rel="icon" href="data:,">
  <style>${STYLE}</style>
</head>
<body>
<main>
  <h1>${escapeHtml(input.packageName)} <small>${escapeHtml(input.version)}</small></h1>
  <p>${inlineHtml(input.description)}</p>
  <p>One reference page per provider, built from its OpenAPI 3.1 spec: the operation, its status
  values, the error catalogue and where the spec decides what the provider's own documentation
  leaves open or contradicts. Each spec is published beside its page as one YAML file for other tools.</p>

  <h2>Providers</h2>
  <table>
    <thead><tr><th>Provider</th><th>Operation</th><th>Reference</th><th>OpenAPI 3.1 (YAML)</th><th>Documented errors</th></tr></thead>
    <tbody>
${providerRows}
    </tbody>
  </table>

  <h2>${escapeHtml(t.heading)}</h2>
  <p>${inlineHtml(t.intro)}</p>
  <table>
    <thead><tr>${t.columns.map((c) => `<th>${inlineHtml(c)}</th>`).join("")}</tr></thead>
    <tbody>
${statusRows}
    </tbody>
  </table>
</main>
</body>
</html>
`;
}

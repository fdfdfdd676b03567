/**
 * The table of mock scenarios (docs/twins.md): every named example of every operation, the `Prefer`
 * header that selects it on a Prism mock, and which one Prism serves unasked. Derived from the
 * bundled specs (listScenarios, prismDefaults), never typed by hand.
 */
import { prismDefaults } from "../src/mock/prism-defaults.js";
import { providers, type ProviderSlug } from "../src/providers.js";
import type { OpenApiDocument } from "../src/spec/load.js";
import { listScenarios, type Scenario } from "../src/spec/scenarios.js";
import { listOperations } from "../src/spec/walk.js";

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const same = (a: Scenario | undefined, b: Scenario): boolean => a?.path === b.path && a.method === b.method && a.prefer === b.prefer;

export function renderScenariosMarkdown(specs: readonly { slug: ProviderSlug; doc: OpenApiDocument }[]): string {
  const rows: string[] = [];
  for (const { slug, doc } of specs) {
    const defaults = listOperations(doc).map((op) => prismDefaults(doc, op));
    let operation = "";
    for (const s of listScenarios(doc)) {
      const first = `${s.method} ${s.path}` !== operation;
      operation = `${s.method} ${s.path}`;
      const unasked = [
        defaults.some((d) => same(d.valid, s)) ? "by default" : undefined,
        defaults.some((d) => same(d.missingCredentials, s)) ? "without credentials" : undefined,
        defaults.some((d) => same(d.invalidRequest, s)) ? "to an invalid request" : undefined,
      ].filter((x) => x !== undefined);
      const where = first ? `${providers[slug].name} \`${operation}\`` : "";
      rows.push(`| ${where} | ${s.status} | \`${s.prefer}\` | ${unasked.join(", ")} | ${cell(s.summary ?? "")} |`);
    }
  }
  return ["| Operation | Status | `Prefer:` header | Served unasked | Shows |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

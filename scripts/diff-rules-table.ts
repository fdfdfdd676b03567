/**
 * The rules tables of docs/contract-evolution.md, rendered from the registry
 * (src/evolution/rules.ts) by `npm run generate`, between the `diff-rules` markers; a test
 * (test/contract-evolution-docs.test.ts) fails when the guide's tables differ.
 */
import { diffRules, type ChangeDirection, type DiffRule } from "../src/evolution/rules.js";

export const DIFF_RULES_SECTION = "diff-rules";

const directions: readonly ChangeDirection[] = ["response", "webhook", "request"];
const cell = (s: string): string => s.replace(/\|/g, "\\|");
const verdict = (r: DiffRule): string => `${r.level}${r.level === "info" ? ` (${r.bump})` : ""}`;

/** Rules that exist in all three directions (one row, a level per direction), then the others. */
export function renderDiffRulesMarkdown(): string {
  const rules = [...diffRules.values()];
  const keys: string[] = [];
  const single: DiffRule[] = [];
  for (const rule of rules) {
    const direction = directions.find((d) => rule.id.startsWith(`${d}-`));
    const key = direction ? rule.id.slice(direction.length + 1) : undefined;
    if (key !== undefined && directions.every((d) => diffRules.has(`${d}-${key}`))) {
      if (!keys.includes(key)) keys.push(key);
    } else single.push(rule);
  }
  const byKey = (d: ChangeDirection, key: string): DiffRule => diffRules.get(`${d}-${key}`)!;
  return [
    "Schema, parameter, header, media-type and example rules: the id is `<direction>-<rule>` (`response-enum-value-added`, `webhook-…`, `request-…`).",
    "",
    "| Rule | response | webhook | request | What changed |",
    "| --- | --- | --- | --- | --- |",
    ...keys.map((key) => `| \`${key}\` | ${directions.map((d) => verdict(byKey(d, key))).join(" | ")} | ${cell(byKey("response", key).summary)} |`),
    "",
    "Operation, server, security, webhook and domain rules:",
    "",
    "| Rule | Level | Direction | What changed |",
    "| --- | --- | --- | --- |",
    ...single.map((r) => `| \`${r.id}\` | ${verdict(r)} | ${r.direction} | ${cell(r.summary)} |`),
    "",
    "Bumps: breaking → major, warning → minor, info → minor when it adds something (shown as info (minor)), patch when it only changes text (info (patch)).",
  ].join("\n");
}

/**
 * Output of `proxy` and `check-har`: a live line per finding (human), and the end report as
 * human text, JSON, JUnit XML (one test case per exchange and check, named after the check) or
 * GitHub workflow annotations. Every string here has been scrubbed by the traffic checker.
 */
import type { Violation } from "./checker.js";
import { githubAnnotation } from "./github-annotations.js";
import { CONTRADICTION_NOTE } from "./semantic.js";
import type { ExchangeReport, TrafficSummary } from "./traffic.js";

export const TRAFFIC_REPORTERS = ["human", "json", "junit", "github"] as const;
export type TrafficReporterName = (typeof TRAFFIC_REPORTERS)[number];

const line = (v: Violation): string => `[${v.check}] at ${v.pointer || "(response)"}: expected ${v.expected}, got ${v.actual}. ${v.message}`;
const title = (r: ExchangeReport): string => `#${r.index} ${r.method} ${r.path} → ${r.status}${r.provider ? ` (${r.provider})` : ""}`;

/** What to print as soon as an exchange was checked (human and github reporters). */
export function liveLines(r: ExchangeReport, reporter: TrafficReporterName): string {
  if (reporter === "github") {
    return [
      ...r.violations.map((v) => githubAnnotation("error", `${v.check}: ${title(r)}`, line(v))),
      ...r.contradictions.map((v) => githubAnnotation("warning", `contradicts a spec decision (${v.check}): ${title(r)}`, line(v))),
      ...r.warnings.map((v) => githubAnnotation("warning", `${v.check}: ${title(r)}`, line(v))),
    ].join("");
  }
  if (reporter !== "human") return "";
  if (!r.provider) return `  ? ${title(r)}: matches no provider operation (not checked)\n`;
  const out = [r.violations.length === 0 ? `  ✓ ${title(r)}\n` : `  ✗ ${title(r)}\n`];
  for (const v of r.violations) out.push(`      ✗ ${line(v)}\n`);
  for (const v of r.contradictions) out.push(`      ≠ contradicts a spec decision: ${line(v)}\n`);
  for (const v of r.warnings) out.push(`      ⚠ warning: ${line(v)}\n`);
  return out.join("");
}

function summaryText(s: TrafficSummary, reports: readonly ExchangeReport[]): string {
  const per = Object.entries(s.byProvider)
    .map(([p, n]) => `${p} ${n}`)
    .join(", ");
  const out = [`\nChecked ${s.checked} of ${s.exchanges} exchange(s)${per ? ` (${per})` : ""}: ${s.passed} passed, ${s.failed} failed`];
  if (s.contradictions > 0) out.push(`${s.contradictions} finding(s) contradict a spec decision. ${CONTRADICTION_NOTE}`);
  if (s.warnings > 0) out.push(`${s.warnings} warning(s)`);
  const unmatched = reports.filter((r) => !r.provider);
  if (unmatched.length > 0) {
    out.push(`${unmatched.length} exchange(s) match no provider operation and were not checked:`);
    for (const r of unmatched.slice(0, 50)) out.push(`  ${title(r)}`);
    if (unmatched.length > 50) out.push(`  … and ${unmatched.length - 50} more`);
  }
  if (s.checked === 0) out.push("Nothing was checked: no exchange matches a provider operation. Is --provider right, or is this the traffic to the provider?");
  return `${out.join("\n")}\n`;
}

/** The whole report in one format, for the end of a run. */
export function renderReport(reporter: TrafficReporterName, s: TrafficSummary, reports: readonly ExchangeReport[], suiteName: string): string {
  switch (reporter) {
    case "human":
      return summaryText(s, reports);
    case "github":
      return `${summaryText(s, reports).trim().split("\n")[0]}\n`;
    case "json":
      return `${JSON.stringify({ summary: s, exchanges: reports }, null, 2)}\n`;
    case "junit":
      return junit(s, reports, suiteName);
  }
}

/** Escapes text for XML attributes and content (and drops characters XML 1.0 cannot carry). */
export const xml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/g, "");

/** One `<testcase>` per exchange and check, named after the check; a violation is a `<failure>`. */
function junit(s: TrafficSummary, reports: readonly ExchangeReport[], suiteName: string): string {
  const cases: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const r of reports) {
    const classname = xml(title(r));
    if (!r.provider) {
      tests++;
      skipped++;
      cases.push(`    <testcase classname="${classname}" name="operation-documented"><skipped message="matches no provider operation"/></testcase>`);
      continue;
    }
    for (const check of r.checks) {
      tests++;
      const failed = r.violations.filter((v) => v.check === check);
      const notes = [...r.contradictions.map((v) => ["contradicts a spec decision", v] as const), ...r.warnings.map((v) => ["warning", v] as const)].filter(([, v]) => v.check === check);
      const props = notes.length ? `<properties>${notes.map(([k, v]) => `<property name="${k}" value="${xml(line(v))}"/>`).join("")}</properties>` : "";
      if (failed.length > 0) {
        failures++;
        cases.push(`    <testcase classname="${classname}" name="${xml(check)}">${props}<failure message="${xml(line(failed[0]!))}">${xml(failed.map(line).join("\n"))}</failure></testcase>`);
      } else {
        cases.push(`    <testcase classname="${classname}" name="${xml(check)}">${props}</testcase>`);
      }
    }
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${xml(suiteName)}" tests="${tests}" failures="${failures}" skipped="${skipped}">`,
    `  <testsuite name="${xml(suiteName)}" tests="${tests}" failures="${failures}" skipped="${skipped}">`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}

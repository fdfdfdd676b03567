/**
 * A DiffReport in each output format of `kyc-contracts diff` (human, json, markdown, junit,
 * github), and the exit verdict of `--fail-on`. Markdown is also what `npm run release:spec`
 * writes into CHANGELOG.md. Escaping comes from the conformance reporters (one implementation).
 */
import { githubAnnotation, type AnnotationLevel } from "../conformance/github-annotations.js";
import { xml } from "../conformance/traffic-report.js";
import { providers } from "../providers.js";
import type { DiffReport, ProviderDiff, SpecChange } from "./diff.js";
import { alwaysFailingRules, levelRank, type ChangeLevel } from "./rules.js";

export const DIFF_FORMATS = ["human", "json", "markdown", "junit", "github"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export const FAIL_ON = ["breaking", "warning", "info", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** A change fails the run: at or above `failOn`, or a rule that always fails (an unmapped KYC status). */
export function failsOn(change: Pick<SpecChange, "id" | "level">, failOn: FailOn): boolean {
  if (alwaysFailingRules.has(change.id)) return true;
  return failOn !== "never" && levelRank[change.level] >= levelRank[failOn];
}

export const reportFails = (report: DiffReport, failOn: FailOn): boolean => report.providers.some((p) => p.changes.some((c) => failsOn(c, failOn)));

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function countLine(changes: readonly SpecChange[]): string {
  const count = (level: ChangeLevel): number => changes.filter((c) => c.level === level).length;
  return `${count("breaking")} breaking, ${count("warning")} warning, ${count("info")} info`;
}

/** "myaza 1.0.0 → 1.1.0: 2 changes (…); needs a minor bump: version ok". */
function headline(p: ProviderDiff): string {
  if (p.changes.length === 0) return `${p.provider} ${p.oldVersion} → ${p.newVersion}: no change`;
  const verdict = p.versionOk ? "version ok" : `version NOT ok: ${p.oldVersion} → ${p.newVersion} is not a ${p.recommendedBump} bump`;
  return `${p.provider} ${p.oldVersion} → ${p.newVersion}: ${plural(p.changes.length, "change")} (${countLine(p.changes)}); needs a ${p.recommendedBump} bump: ${verdict}`;
}

function human(report: DiffReport): string {
  const lines: string[] = [];
  for (const p of report.providers) {
    lines.push(headline(p));
    for (const c of p.changes) {
      lines.push(`  ${c.level.toUpperCase().padEnd(8)} ${c.id}  ${c.where}`, `           ${c.message}`, `           at ${c.pointer || "/"}`);
    }
  }
  lines.push(`Total: ${report.counts.breaking} breaking, ${report.counts.warning} warning, ${report.counts.info} info.`);
  return `${lines.join("\n")}\n`;
}

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** One section per provider: a headline and a table of its changes. `headingLevel` 3 gives `###`. */
export function markdownReport(report: DiffReport, headingLevel = 3): string {
  const hashes = "#".repeat(headingLevel);
  const parts: string[] = [];
  for (const p of report.providers) {
    parts.push(`${hashes} ${providers[p.provider].name} spec ${p.oldVersion} → ${p.newVersion}`, "");
    if (p.changes.length === 0) {
      parts.push("No change.", "");
      continue;
    }
    parts.push(`${plural(p.changes.length, "change")} (${countLine(p.changes)}); the changes ask for a **${p.recommendedBump}** bump${p.versionOk ? "." : `, and ${p.newVersion} is not one.`}`, "");
    parts.push("| Level | Rule | Where | Change |", "| --- | --- | --- | --- |");
    for (const c of p.changes) parts.push(`| ${c.level} | \`${c.id}\` | ${cell(c.where)} | ${cell(c.message)} |`);
    parts.push("");
  }
  return parts.join("\n");
}

function junit(report: DiffReport, failOn: FailOn): string {
  let tests = 0;
  let failures = 0;
  const suites = report.providers.map((p) => {
    const cases = p.changes.map((c) => {
      const name = `${xml(c.id)} ${xml(c.where)}`;
      const props = `<properties><property name="level" value="${c.level}"/><property name="pointer" value="${xml(c.pointer)}"/><property name="fingerprint" value="${c.fingerprint}"/></properties>`;
      if (!failsOn(c, failOn)) return `    <testcase classname="${p.provider}" name="${name}">${props}</testcase>`;
      failures++;
      return `    <testcase classname="${p.provider}" name="${name}">${props}<failure message="${xml(c.message)}">${xml(`${c.level} ${c.id} at ${c.pointer}: ${c.message}`)}</failure></testcase>`;
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${p.provider}" name="no change"></testcase>`);
    tests += cases.length;
    const suiteFailures = p.changes.filter((c) => failsOn(c, failOn)).length;
    return [`  <testsuite name="${p.provider} ${xml(p.oldVersion)} → ${xml(p.newVersion)}" tests="${cases.length}" failures="${suiteFailures}">`, ...cases, "  </testsuite>"].join("\n");
  });
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="kyc-contracts diff" tests="${tests}" failures="${failures}">`, ...suites, `</testsuites>`, ""].join("\n");
}

const annotationLevel: Record<ChangeLevel, AnnotationLevel> = { breaking: "error", warning: "warning", info: "notice" };

function github(report: DiffReport): string {
  return report.providers.map((p) => p.changes.map((c) => githubAnnotation(annotationLevel[c.level], `${p.provider}: ${c.id}`, `${c.where}: ${c.message} (${c.pointer})`)).join("")).join("");
}

export function renderDiffReport(report: DiffReport, format: DiffFormat, failOn: FailOn = "breaking"): string {
  switch (format) {
    case "human":
      return human(report);
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "markdown":
      return markdownReport(report);
    case "junit":
      return junit(report, failOn);
    case "github":
      return github(report);
  }
}

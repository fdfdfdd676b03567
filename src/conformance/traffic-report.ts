/**
 * Output of `proxy` and `check-har`: a live line per finding (human), and the end report as
 * human text, JSON, JUnit XML (one test case per exchange and check, named after the check) or
 * GitHub workflow annotations, written exchange by exchange (nothing grows with the run). Every string here has been scrubbed by the traffic checker.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
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

/** What the human summary lists of the exchanges that matched no operation: the first 50 and a count. */
const UNMATCHED_LISTED = 50;

function summaryText(s: TrafficSummary, unmatched: readonly string[]): string {
  const per = Object.entries(s.byProvider)
    .map(([p, n]) => `${p} ${n}`)
    .join(", ");
  const out = [`\nChecked ${s.checked} of ${s.exchanges} exchange(s)${per ? ` (${per})` : ""}: ${s.passed} passed, ${s.failed} failed`];
  if (s.contradictions > 0) out.push(`${s.contradictions} finding(s) contradict a spec decision. ${CONTRADICTION_NOTE}`);
  if (s.warnings > 0) out.push(`${s.warnings} warning(s)`);
  if (s.forgottenIds > 0) out.push(`${s.forgottenIds} id(s) were forgotten by the lifecycle check (more ids than it keeps at once; see --lifecycle-ids): their next observation was not compared with the one before.`);
  if (s.unmatched > 0) {
    out.push(`${s.unmatched} exchange(s) match no provider operation and were not checked:`);
    for (const t of unmatched) out.push(`  ${t}`);
    if (s.unmatched > unmatched.length) out.push(`  … and ${s.unmatched - unmatched.length} more`);
  }
  if (s.checked === 0) out.push("Nothing was checked: no exchange matches a provider operation. Is --provider right, or is this the traffic to the provider?");
  return `${out.join("\n")}\n`;
}

/** Where a report goes: a file (opened now, written as the run goes), or the command's stdout. */
export interface ReportTarget {
  file?: string;
  stdout: (text: string) => void;
}

/** The end report of a run, written exchange by exchange: nothing but the summary's counts and the first unmatched exchanges is held. */
export interface TrafficReportWriter {
  add(report: ExchangeReport): Promise<void>;
  /** Writes the summary (and, for JUnit, the whole document) and closes the file. */
  end(summary: TrafficSummary): Promise<void>;
  /** Stops without a report (the run failed): closes and removes the report file, if any. */
  abort(): Promise<void>;
}

/** Text written in chunks of about 64 KiB to a file handle, or to stdout. */
interface TextSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
  /** Closes without writing what is buffered, and removes the file. */
  discard(): Promise<void>;
}

const CHUNK_CHARS = 64 * 1024;

async function textSink(target: ReportTarget): Promise<TextSink> {
  const handle = target.file === undefined ? undefined : await open(target.file, "w");
  let parts: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (parts.length === 0) return;
    const text = parts.join("");
    parts = [];
    size = 0;
    if (handle) await handle.write(text);
    else target.stdout(text);
  };
  return {
    async write(text) {
      parts.push(text);
      size += text.length;
      if (size >= CHUNK_CHARS) await flush();
    },
    async close() {
      await flush();
      await handle?.close();
    },
    async discard() {
      parts = [];
      await handle?.close();
      if (target.file !== undefined) await rm(target.file, { force: true });
    },
  };
}

/**
 * Opens the end report of a run. human and github write only at the end (their findings are the
 * live lines); json streams `{"exchanges": [...], "summary": {...}}`; junit writes its test cases to
 * a temporary file as they come (the root element's counts come first in the document), then
 * the document around them at the end.
 */
export async function openReportWriter(reporter: TrafficReporterName, suiteName: string, target: ReportTarget): Promise<TrafficReportWriter> {
  const sink = await textSink(target);
  if (reporter === "human" || reporter === "github") {
    const unmatched: string[] = [];
    return {
      add(r) {
        if (!r.provider && unmatched.length < UNMATCHED_LISTED) unmatched.push(title(r));
        return Promise.resolve();
      },
      async end(summary) {
        const text = summaryText(summary, unmatched);
        await sink.write(reporter === "human" ? text : `${text.trim().split("\n")[0]}\n`);
        await sink.close();
      },
      abort: () => sink.discard(),
    };
  }
  if (reporter === "json") {
    let first = true;
    await sink.write('{\n  "exchanges": [');
    return {
      async add(r) {
        await sink.write(`${first ? "\n" : ",\n"}    ${JSON.stringify(r)}`);
        first = false;
      },
      async end(summary) {
        await sink.write(`${first ? "" : "\n  "}],\n  "summary": ${JSON.stringify(summary)}\n}\n`);
        await sink.close();
      },
      abort: () => sink.discard(),
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), "kyc-contracts-junit-"));
  const casesFile = path.join(dir, "cases.xml");
  const cases = await textSink({ file: casesFile, stdout: () => undefined });
  const counts = { tests: 0, failures: 0, skipped: 0 };
  return {
    async add(r) {
      for (const c of junitCases(r)) {
        counts.tests++;
        if (c.failed) counts.failures++;
        if (c.skipped) counts.skipped++;
        await cases.write(`${c.xml}\n`);
      }
    },
    async end() {
      try {
        await cases.close();
        const attrs = `tests="${counts.tests}" failures="${counts.failures}" skipped="${counts.skipped}"`;
        await sink.write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(suiteName)}" ${attrs}>\n  <testsuite name="${xml(suiteName)}" ${attrs}>\n`);
        for await (const chunk of createReadStream(casesFile, { encoding: "utf8" })) await sink.write(chunk as string);
        await sink.write("  </testsuite>\n</testsuites>\n");
        await sink.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async abort() {
      await cases.discard();
      await sink.discard();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Escapes text for XML attributes and content (and drops characters XML 1.0 cannot carry). */
export const xml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/g, "");

/** One `<testcase>` per exchange and check, named after the check; a violation is a `<failure>`. */
function junitCases(r: ExchangeReport): { xml: string; failed: boolean; skipped: boolean }[] {
  const classname = xml(title(r));
  if (!r.provider) return [{ xml: `    <testcase classname="${classname}" name="operation-documented"><skipped message="matches no provider operation"/></testcase>`, failed: false, skipped: true }];
  return r.checks.map((check) => {
    const failed = r.violations.filter((v) => v.check === check);
    const notes = [...r.contradictions.map((v) => ["contradicts a spec decision", v] as const), ...r.warnings.map((v) => ["warning", v] as const)].filter(([, v]) => v.check === check);
    const props = notes.length ? `<properties>${notes.map(([k, v]) => `<property name="${k}" value="${xml(line(v))}"/>`).join("")}</properties>` : "";
    if (failed.length > 0) return { xml: `    <testcase classname="${classname}" name="${xml(check)}">${props}<failure message="${xml(line(failed[0]!))}">${xml(failed.map(line).join("\n"))}</failure></testcase>`, failed: true, skipped: false };
    return { xml: `    <testcase classname="${classname}" name="${xml(check)}">${props}</testcase>`, failed: false, skipped: false };
  });
}

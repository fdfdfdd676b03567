/**
 * The `--reporter human` output of `kyc-contracts conform`: one line per case as it finishes
 * (progress), then every failed check with its details, a one-line summary and a coverage line.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, SerializedError, TestCase, TestModule } from "vitest/node";
import { SEVERITY_LABEL } from "./semantic.js";
import type { SuiteReport } from "./suite.js";

const NOTE_TYPES = new Set<string>([SEVERITY_LABEL.contradiction, SEVERITY_LABEL.warning]);

export interface HumanReporterOptions {
  write: (text: string) => void;
  /** Where the suites write their reports (coverage). */
  reportDir: string;
}

export class HumanReporter implements Reporter {
  private readonly failed: TestCase[] = [];
  private passed = 0;
  private skipped = 0;
  private readonly notes: string[] = [];

  constructor(private readonly options: HumanReporterOptions) {}

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    const name = test.fullName;
    const notes = test.annotations().filter((a) => NOTE_TYPES.has(a.type));
    if (result.state === "passed") {
      this.passed++;
      this.options.write(`  ✓ ${name}\n`);
    } else if (result.state === "failed") {
      this.failed.push(test);
      this.options.write(`  ✗ ${name}\n`);
    } else if (result.state === "skipped") {
      this.skipped++;
      this.options.write(`  - ${name} (skipped${result.note ? `: ${result.note}` : ""})\n`);
    }
    for (const note of notes) {
      this.notes.push(note.type);
      this.options.write(`      ${note.type === SEVERITY_LABEL.warning ? "⚠ warning" : "≠ contradicts a spec decision"}: ${note.message}\n`);
    }
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    const w = this.options.write;
    // Errors outside any test: a module that failed to load, a suite whose set-up (beforeAll) failed.
    const moduleErrors = modules.flatMap((m) => [
      ...m.errors().map((e) => `${m.relativeModuleId}: ${e.message}`),
      ...[...m.children.allSuites()].flatMap((suite) => suite.errors().map((e) => `${suite.fullName}: ${e.message}`)),
    ]);
    if (this.failed.length > 0 || moduleErrors.length > 0 || unhandled.length > 0) {
      w("\nFailed checks:\n");
      for (const test of this.failed) {
        w(`\n✗ ${test.fullName}\n`);
        const result = test.result();
        for (const error of result.state === "failed" ? result.errors : []) w(`${indent(error.message)}\n`);
      }
      for (const e of [...moduleErrors, ...unhandled.map((u) => u.message)]) w(`\n✗ ${e}\n`);
    }
    const failed = this.failed.length + moduleErrors.length + unhandled.length;
    w(`\nConformance: ${this.passed} passed, ${failed} failed, ${this.skipped} skipped\n`);
    const contradictions = this.notes.filter((t) => t === SEVERITY_LABEL.contradiction).length;
    const warnings = this.notes.length - contradictions;
    if (contradictions > 0) w(`${contradictions} response(s) contradict a spec decision (an assumption in the spec, not a provider failure; correct the spec from this evidence)\n`);
    if (warnings > 0) w(`${warnings} warning(s)\n`);
    w(`${coverageLine(this.options.reportDir)}\n`);
  }
}

const indent = (text: string): string =>
  text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");

/** The reports the suites wrote to `reportDir`, by provider order of their file names. */
export function readSuiteReports(reportDir: string): SuiteReport[] {
  let files: string[];
  try {
    files = readdirSync(reportDir).filter((f) => f.endsWith(".json"));
  } catch {
    files = [];
  }
  return files.sort().map((f) => JSON.parse(readFileSync(path.join(reportDir, f), "utf8")) as SuiteReport);
}

/** "Coverage: proof 2/7 statuses, 4/16 examples; …" from the suites' reports. */
export function coverageLine(reportDir: string): string {
  const reports = readSuiteReports(reportDir);
  if (reports.length === 0) return "Coverage: no suite report (the suites did not finish).";
  const parts = reports.map((r) => {
    const { statuses, examples } = r.coverage;
    return `${r.provider} ${statuses.seen.length}/${statuses.documented.length} documented statuses, ${examples.seen.length}/${examples.documented.length} named examples`;
  });
  return `Coverage: ${parts.join("; ")}`;
}

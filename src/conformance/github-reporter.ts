/**
 * `kyc-contracts conform --reporter github`: one workflow annotation per failed check (titled with
 * the check's name), a warning per contradiction of a spec decision or warning, and a summary
 * line. Failure messages name their checks as `✗ [check-name]` (see suite.ts).
 */
import type { Reporter, SerializedError, TestCase, TestModule } from "vitest/node";
import { githubAnnotation } from "./github-annotations.js";
import { SEVERITY_LABEL } from "./semantic.js";

const CHECK_LINE = /^✗ \[([\w-]+)\]/;

export class GithubReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  constructor(private readonly write: (text: string) => void) {}

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    if (result.state === "passed") this.passed++;
    if (result.state === "skipped") this.skipped++;
    for (const note of test.annotations()) {
      if (note.type === SEVERITY_LABEL.contradiction || note.type === SEVERITY_LABEL.warning) this.write(githubAnnotation("warning", `${note.type}: ${test.fullName}`, note.message));
    }
    if (result.state !== "failed") return;
    this.failed++;
    for (const error of result.errors) {
      const lines = error.message.split("\n");
      const named = lines.flatMap((line) => {
        const check = CHECK_LINE.exec(line)?.[1];
        return check ? [{ check, line }] : [];
      });
      if (named.length === 0) this.write(githubAnnotation("error", test.fullName, error.message));
      for (const { check, line } of named) this.write(githubAnnotation("error", `${check}: ${test.fullName}`, `${lines[0] ?? ""}\n${line}`));
    }
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    const errors = [...modules.flatMap((m) => m.errors().map((e) => `${m.relativeModuleId}: ${e.message}`)), ...unhandled.map((u) => u.message)];
    for (const e of errors) this.write(githubAnnotation("error", "conformance run", e));
    this.write(`Conformance: ${this.passed} passed, ${this.failed + errors.length} failed, ${this.skipped} skipped\n`);
  }
}

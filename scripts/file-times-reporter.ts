/**
 * A vitest reporter for .ci/run: writes `reports/file-times.json`, each test file's wall time
 * including its hooks (a beforeAll that packs and installs the package counts; vitest's JSON
 * report only spans the tests themselves). scripts/ci-summary.ts prints the slowest from it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import type { FileTime } from "./ci-summary-line.js";

export default class FileTimesReporter implements Reporter {
  private readonly outputFile: string;

  constructor(options: { outputFile?: string } = {}) {
    this.outputFile = typeof options.outputFile === "string" ? options.outputFile : "reports/file-times.json";
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const times: FileTime[] = modules.map((m) => {
      const d = m.diagnostic();
      return { file: m.relativeModuleId, ms: Math.round(d.prepareDuration + d.environmentSetupDuration + d.setupDuration + d.collectDuration + d.duration) };
    });
    mkdirSync(path.dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, `${JSON.stringify(times, null, 1)}\n`);
  }
}

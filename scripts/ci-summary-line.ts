/** The summary lines of .ci/run, derived from vitest's JSON reports (see ci-summary.ts). */
export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}

export function summarize(report: unknown, exitStatus: number): Summary {
  const r = (report ?? {}) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number };
  const passed = r.numPassedTests ?? 0;
  let failed = r.numFailedTests ?? 0;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (exitStatus !== 0 && failed === 0) failed = 1; // a gate failed outside the test counts
  if (passed === 0 && failed === 0) failed = 1; // an empty run is not a pass
  return { passed, failed, skipped };
}

export const formatSummary = (s: Summary): string => `${s.passed} passed, ${s.failed} failed${s.skipped > 0 ? `, ${s.skipped} skipped` : ""}`;

/** One test file's wall time from vitest's JSON report. */
export interface FileTime {
  file: string;
  ms: number;
}

/**
 * The `count` slowest test files, slowest first: from the file-times reporter's list when there
 * is one (hooks included), else from vitest's JSON report (first test start to last test end;
 * paths made relative to `root`).
 */
export function slowestFiles(report: unknown, root: string, count = 10, fileTimes?: unknown): FileTime[] {
  const prefix = root.endsWith("/") ? root : `${root}/`;
  const isFileTime = (t: unknown): t is FileTime => typeof t === "object" && t !== null && typeof (t as FileTime).file === "string" && typeof (t as FileTime).ms === "number";
  const fromTimes = Array.isArray(fileTimes) ? (fileTimes as unknown[]).filter(isFileTime) : undefined;
  const results = (report as { testResults?: { name?: unknown; startTime?: unknown; endTime?: unknown }[] } | undefined)?.testResults ?? [];
  const fromReport = results.flatMap((r) =>
    typeof r.name === "string" && typeof r.startTime === "number" && typeof r.endTime === "number"
      ? [{ file: r.name.startsWith(prefix) ? r.name.slice(prefix.length) : r.name, ms: r.endTime - r.startTime }]
      : [],
  );
  return [...(fromTimes ?? fromReport)].sort((a, b) => b.ms - a.ms || a.file.localeCompare(b.file)).slice(0, count);
}

/** The lines printed before the closing line: a heading, then one `   12.3 s  test/file.test.ts` per file. */
export function formatSlowest(files: readonly FileTime[]): string[] {
  if (files.length === 0) return [];
  return [`Slowest ${files.length} test files:`, ...files.map((f) => `${(f.ms / 1000).toFixed(1).padStart(7)} s  ${f.file}`)];
}

/** One run of the matrix, e.g. `node 22.23.5: 310 passed, 0 failed, 3 skipped`. */
export const formatRun = (node: string, s: Summary): string => `node ${node}: ${formatSummary(s)}`;

/**
 * The sum of the matrix's runs. A run that left no summary (`undefined`: its Node did not
 * install, or it died before reporting) counts as one failure, and so does an empty matrix.
 */
export function total(runs: readonly (Summary | undefined)[]): Summary {
  const sum: Summary = { passed: 0, failed: 0, skipped: 0 };
  for (const run of runs) {
    const s = run ?? { passed: 0, failed: 1, skipped: 0 };
    sum.passed += s.passed;
    sum.failed += s.failed;
    sum.skipped += s.skipped;
  }
  if (runs.length === 0 || sum.passed + sum.failed === 0) sum.failed = Math.max(sum.failed, 1);
  return sum;
}

/** The closing line of .ci/run: exactly `N passed, N failed`. */
export const formatTotal = (s: Summary): string => `${s.passed} passed, ${s.failed} failed`;

/** A run summary read back from JSON, or undefined when it is not one. */
export function parseSummary(value: unknown): Summary | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { passed, failed, skipped } = value as Record<string, unknown>;
  const count = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  return count(passed) && count(failed) && count(skipped) ? { passed, failed, skipped } : undefined;
}

/**
 * One Node run's time per stage, e.g. `node 22.23.5 stages: npm ci 41.2 s, lint:specs 8.0 s, …,
 * vitest 140.3 s`, from `npm ci`'s milliseconds and reports/stage-times.json (scripts/test-stages.ts;
 * absent when npm test did not get to write it).
 */
export function formatStages(node: string, npmCiMs: number, stageTimes: unknown): string {
  const isStage = (s: unknown): s is { name: string; ms: number; ok: boolean } => typeof s === "object" && s !== null && typeof (s as { name?: unknown }).name === "string" && typeof (s as { ms?: unknown }).ms === "number";
  const stages = Array.isArray(stageTimes) ? (stageTimes as unknown[]).filter(isStage) : [];
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const parts = [`npm ci ${seconds(npmCiMs)}`, ...stages.map((s) => `${s.name} ${seconds(s.ms)}${s.ok ? "" : " (failed)"}`)];
  return `node ${node} stages: ${parts.join(", ")}${stages.length === 0 ? " (npm test wrote no stage times)" : ""}`;
}

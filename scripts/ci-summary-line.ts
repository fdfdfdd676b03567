/** The closing line of .ci/run, derived from vitest's JSON report (see ci-summary.ts). */
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

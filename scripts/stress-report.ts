/** The pure parts of scripts/stress.ts: which tests failed in a vitest JSON report, and durations. */

/** `file > test name` of every failed test in vitest's JSON report (paths relative to `root`), in report order. */
export function failedTests(report: unknown, root: string): string[] {
  const prefix = root.endsWith("/") ? root : `${root}/`;
  const files = (report as { testResults?: { name?: unknown; message?: unknown; assertionResults?: { status?: unknown; fullName?: unknown }[] }[] } | undefined)?.testResults ?? [];
  return files.flatMap((f) => {
    const file = typeof f.name === "string" ? (f.name.startsWith(prefix) ? f.name.slice(prefix.length) : f.name) : "?";
    const tests = (f.assertionResults ?? []).filter((a) => a.status === "failed").map((a) => `${file} > ${String(a.fullName)}`);
    // A file that failed outside its tests (an import error, a failing beforeAll) has no failed assertion.
    if (tests.length === 0 && typeof f.message === "string" && f.message !== "") return [`${file} > ${f.message.split("\n")[0]}`];
    return tests;
  });
}

/** `4 min 05 s` / `12 s`. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

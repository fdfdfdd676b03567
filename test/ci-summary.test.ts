import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatRun, formatSlowest, formatStages, formatSummary, formatTotal, parseSummary, slowestFiles, summarize, total } from "../scripts/ci-summary-line.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

describe(".ci/run summary of one run", () => {
  it("reports vitest's counts for a green run", () => {
    expect(formatSummary(summarize({ numPassedTests: 120, numFailedTests: 0, numPendingTests: 2, numTodoTests: 0 }, 0))).toBe("120 passed, 0 failed, 2 skipped");
  });

  it("keeps vitest's failure count", () => {
    expect(formatSummary(summarize({ numPassedTests: 10, numFailedTests: 3 }, 1))).toBe("10 passed, 3 failed");
  });

  it("never says 0 failed when npm test failed outside vitest (lint, drift, tsc)", () => {
    expect(summarize(undefined, 1).failed).toBeGreaterThan(0);
    expect(summarize({ numPassedTests: 50, numFailedTests: 0 }, 1).failed).toBe(1);
  });

  it("never says 0 failed for an empty run", () => {
    expect(summarize({ numPassedTests: 0, numFailedTests: 0 }, 0).failed).toBe(1);
  });

  it("names the Node version of the run", () => {
    expect(formatRun("22.23.5", { passed: 7, failed: 0, skipped: 1 })).toBe("node 22.23.5: 7 passed, 0 failed, 1 skipped");
  });
});

describe(".ci/run closing line over the Node matrix", () => {
  const green = { passed: 300, failed: 0, skipped: 2 };

  it("sums every run, exactly `N passed, N failed`", () => {
    expect(formatTotal(total([green, green, { passed: 299, failed: 1, skipped: 2 }]))).toBe("899 passed, 1 failed");
  });

  it("counts a run that left no summary (Node not installed, run died) as a failure", () => {
    expect(total([green, undefined, green])).toMatchObject({ passed: 600, failed: 1 });
  });

  it("never says 0 failed for an empty matrix or runs that ran nothing", () => {
    expect(total([]).failed).toBe(1);
    expect(total([{ passed: 0, failed: 0, skipped: 0 }]).failed).toBe(1);
  });

  it("reads back only well-formed run summaries", () => {
    expect(parseSummary({ passed: 1, failed: 0, skipped: 0 })).toEqual({ passed: 1, failed: 0, skipped: 0 });
    for (const bad of [undefined, null, "1 passed", { passed: 1, failed: -1, skipped: 0 }, { passed: 1.5, failed: 0, skipped: 0 }, { passed: 1, failed: 0 }]) {
      expect(parseSummary(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});

describe("scripts/ci-summary.ts (as .ci/run calls it)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ci-summary-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]): string => execFileSync(process.execPath, ["--import", "tsx", "scripts/ci-summary.ts", ...args], { cwd: root, encoding: "utf8" }).trim();

  it("writes each run's summary and sums them, a missing or broken one counting as failed", () => {
    const report = path.join(dir, "vitest.json");
    writeFileSync(report, JSON.stringify({ numPassedTests: 5, numFailedTests: 0, numPendingTests: 1 }));
    expect(cli("run", "20.20.2", report, "0", path.join(dir, "a.json"))).toBe("node 20.20.2: 5 passed, 0 failed, 1 skipped");
    expect(cli("run", "22.23.5", path.join(dir, "no-report.json"), "1", path.join(dir, "b.json"))).toBe("node 22.23.5: 0 passed, 1 failed");
    writeFileSync(path.join(dir, "broken.json"), "{");
    expect(cli("total", path.join(dir, "a.json"), path.join(dir, "b.json"))).toBe("5 passed, 1 failed");
    expect(cli("total", path.join(dir, "a.json"), path.join(dir, "missing.json"), path.join(dir, "broken.json"))).toBe("5 passed, 2 failed");
    expect(cli("total", path.join(dir, "a.json"))).toBe("5 passed, 0 failed");
  });
  it("prints a run's time per stage from npm test's stage-times.json", () => {
    const times = path.join(dir, "stage-times.json");
    writeFileSync(times, JSON.stringify([{ name: "build", ms: 12_345, ok: true }]));
    expect(cli("stages", "20.20.2", "40000", times)).toBe("node 20.20.2 stages: npm ci 40.0 s, build 12.3 s");
  });
});

describe(".ci/run time per stage", () => {
  it("lists npm ci, then each stage of npm test with its seconds, a failed one marked", () => {
    const stages = [{ name: "lint:specs", ms: 8_040, ok: true }, { name: "drift", ms: 6_000, ok: true }, { name: "vitest", ms: 140_260, ok: false }];
    expect(formatStages("22.23.5", 41_234, stages)).toBe("node 22.23.5 stages: npm ci 41.2 s, lint:specs 8.0 s, drift 6.0 s, vitest 140.3 s (failed)");
  });
  it("says when npm test wrote no stage times (npm ci failed, or the file is broken)", () => {
    for (const value of [undefined, {}, [{ name: 1 }]]) expect(formatStages("20.20.2", 500, value)).toBe("node 20.20.2 stages: npm ci 0.5 s (npm test wrote no stage times)");
  });
});

describe(".ci/run slowest test files", () => {
  const report = {
    testResults: [
      { name: "/repo/test/a.test.ts", startTime: 1_000, endTime: 3_500 },
      { name: "/repo/test/b.test.ts", startTime: 1_000, endTime: 61_000 },
      { name: "/repo/conformance/c.test.ts", startTime: 2_000, endTime: 2_100 },
      { name: "/elsewhere/d.test.ts", startTime: 0, endTime: 12_345 },
      { name: "/repo/test/no-times.test.ts" },
    ],
  };

  it("lists files by wall time, slowest first, relative to the root, at most `count`", () => {
    expect(slowestFiles(report, "/repo", 3)).toEqual([
      { file: "test/b.test.ts", ms: 60_000 },
      { file: "/elsewhere/d.test.ts", ms: 12_345 },
      { file: "test/a.test.ts", ms: 2_500 },
    ]);
    expect(slowestFiles(undefined, "/repo")).toEqual([]);
  });

  it("prefers the file-times reporter's list (hooks included) when there is one", () => {
    const times = [
      { file: "test/package.test.ts", ms: 90_000 },
      { file: "test/a.test.ts", ms: 2_600 },
      { file: "broken" },
    ];
    expect(slowestFiles(report, "/repo", 10, times)).toEqual([
      { file: "test/package.test.ts", ms: 90_000 },
      { file: "test/a.test.ts", ms: 2_600 },
    ]);
  });

  it("formats a heading and one aligned line per file, nothing for an empty report", () => {
    expect(formatSlowest(slowestFiles(report, "/repo/", 2))).toEqual(["Slowest 2 test files:", "   60.0 s  test/b.test.ts", "   12.3 s  /elsewhere/d.test.ts"]);
    expect(formatSlowest([])).toEqual([]);
  });
});

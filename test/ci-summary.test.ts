import { describe, expect, it } from "vitest";
import { formatSlowest, formatSummary, slowestFiles, summarize } from "../scripts/ci-summary-line.js";

describe(".ci/run closing line", () => {
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

import { describe, expect, it } from "vitest";
import { formatSummary, summarize } from "../scripts/ci-summary-line.js";

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

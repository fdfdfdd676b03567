/**
 * Prints the end of .ci/run from vitest's JSON report: the 10 slowest test files (so the time
 * budget of `npm test` stays visible), then the closing line `N passed, N failed[, N skipped]`. A failing or empty run never prints `0 failed`: if `npm test` failed before or
 * outside vitest (lint, drift, tsc), or no test ran at all, that counts as a failure.
 *
 * Usage: tsx scripts/ci-summary.ts <reports/vitest.json> <npm test exit status>
 */
import { existsSync, readFileSync } from "node:fs";
import { formatSlowest, formatSummary, slowestFiles, summarize } from "./ci-summary-line.js";

const [file = "reports/vitest.json", status = "1"] = process.argv.slice(2);
let report: unknown;
if (existsSync(file)) {
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    report = undefined; // a truncated report counts as no report
  }
}
for (const line of formatSlowest(slowestFiles(report, process.cwd()))) console.log(line);
// The closing line stays last: CI reads it.
console.log(formatSummary(summarize(report, Number(status))));

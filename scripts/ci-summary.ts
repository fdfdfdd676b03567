/**
 * Prints the end of .ci/run from vitest's JSON report: the 10 slowest test files (so the time
 * budget of `npm test` stays visible), then the closing line `N passed, N failed[, N skipped]`. A failing or empty run never prints `0 failed`: if `npm test` failed before or
 * outside vitest (lint, drift, tsc), or no test ran at all, that counts as a failure.
 *
 * Usage: tsx scripts/ci-summary.ts <reports/vitest.json> <npm test exit status> [reports/file-times.json]
 */
import { existsSync, readFileSync } from "node:fs";
import { formatSlowest, formatSummary, slowestFiles, summarize } from "./ci-summary-line.js";

const [file = "reports/vitest.json", status = "1", timesFile = "reports/file-times.json"] = process.argv.slice(2);

/** A JSON file's content; undefined when missing or truncated (a truncated report counts as no report). */
function readJson(name: string): unknown {
  if (!existsSync(name)) return undefined;
  try {
    return JSON.parse(readFileSync(name, "utf8"));
  } catch {
    return undefined;
  }
}

const report = readJson(file);
for (const line of formatSlowest(slowestFiles(report, process.cwd(), 10, readJson(timesFile)))) console.log(line);
// The closing line stays last: CI reads it.
console.log(formatSummary(summarize(report, Number(status))));

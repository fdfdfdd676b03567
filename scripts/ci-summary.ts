/**
 * The summary lines of .ci/run. A failing or empty run never prints `0 failed`: if `npm test`
 * failed before or outside vitest (install, lint, drift, tsc), or no test ran at all, that
 * counts as a failure.
 *
 * Usage:
 *   tsx scripts/ci-summary.ts run <node version> <reports/vitest.json> <npm test exit status> <summary.json>
 *       prints `node <version>: N passed, N failed[, N skipped]` and writes that run's summary
 *   tsx scripts/ci-summary.ts stages <node version> <npm ci ms> <reports/stage-times.json>
 *       prints `node <version> stages: npm ci 41.2 s, lint:specs 8.0 s, …, vitest 140.3 s`
 *   tsx scripts/ci-summary.ts total <summary.json>...
 *       prints the closing line, exactly `N passed, N failed`, summed over the runs; a summary
 *       file that is missing or unreadable counts as a failed run
 *   tsx scripts/ci-summary.ts slowest <reports/vitest.json> [reports/file-times.json]
 *       prints the 10 slowest test files of a run (hooks included when the file-times reporter
 *       wrote its list), so the time budget of `npm test` stays visible; .ci/run prints it
 *       before the closing line
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { formatRun, formatSlowest, formatStages, formatTotal, parseSummary, slowestFiles, summarize, total } from "./ci-summary-line.js";

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined; // a truncated file counts as none
  }
}

const [command, ...args] = process.argv.slice(2);
if (command === "run" && args.length === 4) {
  const [node = "", report = "", status = "1", out = ""] = args;
  const exit = /^\d+$/.test(status) ? Number(status) : 1;
  const summary = summarize(readJson(report), exit);
  writeFileSync(out, `${JSON.stringify(summary)}\n`);
  console.log(formatRun(node, summary));
} else if (command === "slowest" && args.length >= 1) {
  for (const line of formatSlowest(slowestFiles(readJson(args[0] ?? ""), process.cwd(), 10, args[1] === undefined ? undefined : readJson(args[1])))) console.log(line);
} else if (command === "stages" && args.length === 3) {
  const [node = "", npmCiMs = "0", stageTimes = ""] = args;
  console.log(formatStages(node, Number(npmCiMs) || 0, readJson(stageTimes)));
} else if (command === "total") {
  console.log(formatTotal(total(args.map((file) => parseSummary(readJson(file))))));
} else {
  console.error("Usage: tsx scripts/ci-summary.ts run <node version> <vitest.json> <exit status> <summary.json>\n       tsx scripts/ci-summary.ts stages <node version> <npm ci ms> <stage-times.json>\n       tsx scripts/ci-summary.ts total <summary.json>...\n       tsx scripts/ci-summary.ts slowest <vitest.json> [file-times.json]");
  process.exitCode = 2;
}

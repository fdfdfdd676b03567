/**
 * `npm run test:stress`: runs `npm test` several times in a row (default 10) while a CPU-heavy
 * process it starts keeps one core busy, as on a loaded CI machine. Stops at the first failing
 * run and says which run and which tests failed (or, when the run failed before vitest, the end
 * of its output). The CPU hog is always stopped: on success, on failure, on Ctrl+C, and, should
 * this script be killed outright, by the hog itself when it notices its parent is gone.
 *
 * Usage: tsx scripts/stress.ts [--runs N] [--hogs N] [--command "<cmd>"] [--out DIR]
 * Each run's output goes to DIR/run-<n>.log (default reports/stress), its vitest JSON report
 * next to it (the command gets `-- --reporter=default --reporter=json --outputFile.json=<file>`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { failedTests, formatDuration } from "./stress-report.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "10" }, hogs: { type: "string", default: "1" }, command: { type: "string", default: "npm test" }, out: { type: "string", default: path.join("reports", "stress") }, help: { type: "boolean", short: "h" } },
  strict: true,
});
if (values.help) {
  console.log("Usage: npm run test:stress -- [--runs N] [--hogs N] [--command \"npm test\"] [--out DIR]\nRuns the command N times in a row (default 10) beside CPU hogs (default 1); stops at the first failure.");
  process.exit(0);
}
const runs = Number(values.runs);
const hogCount = Number(values.hogs);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(hogCount) || hogCount < 0) {
  console.error("test:stress: --runs must be a whole number ≥ 1 and --hogs ≥ 0.");
  process.exit(2);
}

/** Spins until its parent (this script) is gone; checks every few million iterations. */
const HOG_SOURCE = `const parent = process.ppid; let n = 0; for (;;) { if (++n % 5e6 === 0 && process.ppid !== parent) process.exit(0); }`;
const hogs: ChildProcess[] = [];
const stopHogs = (): void => {
  for (const hog of hogs.splice(0)) if (hog.exitCode === null && hog.signalCode === null) hog.kill("SIGKILL");
};
process.on("exit", stopHogs);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopHogs();
    console.error(`\ntest:stress: ${signal}, CPU hog stopped.`);
    process.exit(130);
  });
}
for (let i = 0; i < hogCount; i++) hogs.push(spawn(process.execPath, ["-e", HOG_SOURCE], { stdio: "ignore", env: { ...process.env, KYC_STRESS_HOG: String(process.pid) } }));

const dir = path.resolve(values.out);
mkdirSync(dir, { recursive: true });
console.log(`test:stress: ${runs} runs of \`${values.command}\` beside ${hogCount} CPU hog${hogCount === 1 ? "" : "s"} (pid ${hogs.map((h) => h.pid).join(", ") || "none"}). Logs in ${path.relative(process.cwd(), dir)}/.`);

for (let run = 1; run <= runs; run++) {
  const report = path.join(dir, `run-${run}.json`);
  const log = path.join(dir, `run-${run}.log`);
  writeFileSync(report, "");
  const started = Date.now();
  const status = await runOnce(`${values.command} -- --reporter=default --reporter=json --outputFile.json=${JSON.stringify(report)}`, log);
  const took = formatDuration(Date.now() - started);
  if (status === 0) {
    console.log(`  run ${run}/${runs}: passed (${took})`);
    continue;
  }
  console.log(`  run ${run}/${runs}: FAILED (exit ${status}, ${took})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(report, "utf8"));
  } catch {
    parsed = undefined;
  }
  const failed = failedTests(parsed, process.cwd());
  if (failed.length > 0) for (const f of failed) console.log(`    ✗ ${f}`);
  else console.log(`    (no failed test in the vitest report: the run failed before or outside vitest). The end of its output:\n${tail(readFileSync(log, "utf8"), 25)}`);
  console.log(`test:stress: stopped at run ${run} of ${runs}; full output in ${path.relative(process.cwd(), log)}.`);
  stopHogs();
  process.exit(1);
}
stopHogs();
console.log(`test:stress: all ${runs} runs passed.`);

function runOnce(command: string, logFile: string): Promise<number> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(command, { shell: true, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.stderr.on("data", (d: Buffer) => chunks.push(d));
    child.on("close", (code, signal) => {
      writeFileSync(logFile, Buffer.concat(chunks));
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function tail(text: string, lines: number): string {
  return text
    // eslint-disable-next-line no-control-regex -- ANSI colour codes are what this removes
    .replace(/\u001b\[[0-9;]*m/g, "")
    .trimEnd()
    .split("\n")
    .slice(-lines)
    .map((l) => `    ${l}`)
    .join("\n");
}

/**
 * `bench/run.ts` as `npm run bench` runs it (tsx, a child process): a --quick run over one
 * provider completes every group and writes a well-formed results file; Ctrl+C stops it with
 * nothing left running; usage errors exit 2. Figures are never asserted (no timing in tests).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResults, groupNames, type BenchResults } from "../bench/results.js";
import { processesWithEnv, waitFor } from "./support/processes.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MARKER = "KYC_BENCH_TEST_RUN";

interface Bench {
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
  /** Resolves when stderr has printed a line matching `pattern`. */
  progress(pattern: RegExp): Promise<void>;
  marker: string;
}

function bench(args: string[]): Bench {
  const marker = randomUUID();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts", ...args], { cwd: root, env: { ...process.env, [MARKER]: marker }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiters.filter((x) => x.pattern.test(stderr))) w.resolve();
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return {
    done,
    kill: (signal) => child.kill(signal),
    progress: (pattern) => (pattern.test(stderr) ? Promise.resolve() : new Promise((resolve) => waiters.push({ pattern, resolve }))),
    marker,
  };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), "kyc-bench-test-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("npm run bench --quick", () => {
  it("runs every group against one provider, prints a table per group and writes a results file that passes the shape check", async () => {
    const out = path.join(tmp, "results.json");
    const run = bench(["--quick", "--providers", "myaza", "--out", out]);
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    // assert one Markdown table per group, ratios printed
    for (const title of ["### Mocks", "### Twins", "### Conformance", "### Client", "### Validation", "### Traffic at volume"]) expect(r.stdout).toContain(title);
    expect(r.stdout).toMatch(/\| myaza \| [\d,.]+ \| [\d,.]+ \| [\d.]+× \|/);
    // assert the results file: well-formed, every group, every figure a median of the one quick run
    const results = JSON.parse(readFileSync(out, "utf8")) as BenchResults;
    expect(checkResults(results)).toEqual([]);
    expect(results.groups.map((g) => g.name)).toEqual([...groupNames]);
    expect(results.settings).toMatchObject({ quick: true, providers: ["myaza"], runs: 1 });
    expect(results.groups.flatMap((g) => g.figures).every((f) => f.medianOf >= 1)).toBe(true);
    expect(results.machine.node).toBe(process.version);
    // assert the client group's per-call columns are derived from the raw fetch and the paired ratios beside them (not from each task's own median)
    const perCall = new Map(results.groups.find((g) => g.name === "client")!.figures.filter((f) => f.subject === "myaza" && f.table.startsWith("Per call")).map((f) => [f.metric, f.value]));
    const figure = (metric: string): number => {
      const value = perCall.get(metric);
      if (value === undefined) throw new Error(`no "${metric}" figure for myaza in the client group; figures: ${[...perCall.keys()].join(", ")}`);
      return value;
    };
    expect(figure("typed client")).toBeCloseTo(figure("raw fetch") * figure("client / fetch"), 6);
    expect(figure("fetch + timeout")).toBeCloseTo(figure("raw fetch") * figure("(fetch + timeout) / fetch"), 6);
    expect(figure("overhead")).toBeCloseTo(figure("typed client") - figure("raw fetch"), 6);
    // assert nothing the bench started is still running
    expect(processesWithEnv(MARKER, run.marker)).toEqual([]);
    // A bound for a hung run, not a timing assertion: seven groups, each starting processes, on a shared 2-core machine, beside other test files.
  }, 300_000);

  it("stops every server it started on Ctrl+C (SIGINT) and exits 130", async () => {
    const out = path.join(tmp, "interrupted.json");
    const run = bench(["--only", "twins", "--providers", "myaza", "--duration", "30", "--out", out]);
    await run.progress(/\[twins\] myaza: warm-up/); // the twin's and the replay server's processes are up, autocannon is loading them
    expect(processesWithEnv(MARKER, run.marker).length).toBeGreaterThan(1);
    run.kill("SIGINT");
    const r = await run.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/SIGINT: stopping \d+ server/);
    await waitFor("every process the bench started to exit", () => processesWithEnv(MARKER, run.marker).length === 0);
  }, 120_000);
});

describe("npm run bench usage", () => {
  it("--help explains the flags; a bad flag exits 2 naming it", async () => {
    const help = await bench(["--help"]).done;
    expect(help.code).toBe(0);
    for (const flag of ["--quick", "--only", "--providers", "--duration", "--runs", "--out", "--save"]) expect(help.stdout).toContain(flag);
    const bad = await bench(["--only", "disk"]).done;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--only: unknown "disk"');
    // assert --save refuses a smoke run before measuring anything, leaving the committed files alone
    const before = [readFileSync(path.join(root, "bench/results.json"), "utf8"), readFileSync(path.join(root, "docs/performance.md"), "utf8")];
    const smoke = await bench(["--save", "--quick"]).done;
    expect(smoke.code).toBe(2);
    expect(smoke.stderr).toContain("--save records a full, comparable run");
    expect([readFileSync(path.join(root, "bench/results.json"), "utf8"), readFileSync(path.join(root, "docs/performance.md"), "utf8")]).toEqual(before);
  });
});

/**
 * Group 7, traffic: recorded traffic at volume and the proxy over a long session (issue 28).
 * All from the built package (dist/), each command in its own process, peak RSS read by the
 * process itself at exit (`process.resourceUsage().maxRSS`, worker threads included):
 * - a 100,000-exchange recording (bench/recording.ts: the twins' answers written with harEntry)
 *   checked by `check-har` with the default workers and with `--workers 1`: exchanges/s and the
 *   ratio (target ≥ 1.6× on 2 cores);
 * - end to end per worker (read, parse, check, report with `--workers 1`) vs the in-process
 *   traffic checker alone on the same exchanges already in memory (target ≥ 0.5×);
 * - CPU time of both runs (all threads): on 2 cores the ratio above is at most 2 / this one;
 * - peak RSS of the 100,000-exchange check over the fixed base (a 1,000-exchange recording:
 *   every thread has compiled its checkers and grown the heap it checks with, and nothing of
 *   size is held), over an empty recording (the runtime alone) and over one 10,000-exchange
 *   segment, all with the same workers, in units of the segment's file size (target: ≤ 2 over
 *   the fixed base);
 * - the same number of exchanges as a folder of segments named as the proxy names them (one
 *   check, one summary): exchanges/s and peak RSS over the fixed base;
 * - one recording of over 600 MB (550,000 exchanges, written for the run and removed after it):
 *   its wall time and peak RSS (target ≤ 400 MB);
 * - `proxy --record` in front of the Myaza twin (one id, as in the issue): RSS after 25,000
 *   exchanges minus RSS after 5,000 (target ≤ 40 MB).
 * One run each (the recording check alone takes tens of seconds); ratios within one run.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { harHead, HAR_TAIL } from "../../src/conformance/har.js";
import { segmentPath } from "../../src/conformance/har-recorder.js";
import { readHarFile } from "../../src/conformance/har-stream.js";
import type { ObservedExchange } from "../../src/conformance/traffic.js";
import type * as TrafficModule from "../../src/conformance/traffic.js";
import { twinExampleRequest } from "../../src/twin/describe.js";
import { writeRecording } from "../recording.js";
import type { Figure } from "../results.js";
import { startTwinProcess } from "../twins.js";
import { figureRow, type GroupRunner } from "./context.js";
import { benchFixtures } from "./twins.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const cli = path.join(root, "dist", "src", "cli.js");
/** Loaded before the CLI: prints the process's peak RSS (KiB, all threads) on exit. */
const PEAK_RSS_HOOK = `data:text/javascript,${encodeURIComponent("process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`\\npeak-rss-kib ${u.maxRSS} cpu-us ${u.userCPUTime + u.systemCPUTime}\\n`); });")}`;

interface CliRun {
  seconds: number;
  peakRssMb: number;
  /** CPU time of every thread of the process (user + system). */
  cpuSeconds: number;
  stderr: string;
}

/** Runs the built CLI in its own process; resolves with its wall time and peak RSS. */
function runCli(args: string[], cleanup: Parameters<GroupRunner>[0]["cleanup"]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", PEAK_RSS_HOOK, cli, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    const forget = cleanup.add(`kyc-contracts ${args[0]} (pid ${child.pid})`, () => void child.kill("SIGKILL"));
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => {
      forget();
      const seconds = (performance.now() - started) / 1000;
      const m = /peak-rss-kib (\d+) cpu-us (\d+)/.exec(stderr);
      if (code !== 0 || !m) reject(new Error(`kyc-contracts ${args.join(" ")} exited ${code}: ${stderr.slice(-500)}`));
      else resolve({ seconds, peakRssMb: Number(m[1]) / 1024, cpuSeconds: Number(m[2]) / 1e6, stderr });
    });
  });
}

/** The resident set of a process now, from /proc (Linux), in MB. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

export const benchTraffic: GroupRunner = async (ctx) => {
  const quick = ctx.options.quick;
  const figures: Figure[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "kyc-bench-traffic-"));
  const forgetDir = ctx.cleanup.add("traffic bench files", () => rmSync(dir, { recursive: true, force: true }));
  try {
    // --quick: a smoke run of every step, small enough for the bench's own test.
    const count = quick ? 800 : 100_000;
    const segment = quick ? 200 : 10_000;
    const small = quick ? 50 : 1_000;
    const recording = path.join(dir, "recording.har");
    const segmentFile = path.join(dir, "segment.har");
    const smallFile = path.join(dir, "small.har");
    const empty = path.join(dir, "empty.har");
    ctx.progress(`[traffic] writing a ${count}-exchange recording`);
    const bytes = await writeRecording(recording, count);
    const segmentBytes = await writeRecording(segmentFile, segment);
    await writeRecording(smallFile, small);
    writeFileSync(empty, `${harHead("bench")}${HAR_TAIL}`);
    const report = path.join(dir, "report.json");
    const check = (file: string, workers?: number): Promise<CliRun> => runCli(["check-har", file, "--reporter", "json", "--output", report, ...(workers === undefined ? [] : ["--workers", String(workers)])], ctx.cleanup);

    const cores = availableParallelism();
    // Like with like: the small inputs with as many workers as the default gives the big one.
    // --quick leaves out the two reference runs below that only add figures (the steps are the ones the other runs take).
    const runtime = quick ? undefined : await check(empty, cores);
    // The fixed base: every thread has compiled its checkers and reached the heap it checks with, on a recording too small to hold anything of size.
    const base = await check(smallFile, cores);
    const baseOne = quick ? undefined : await check(smallFile, 1);
    const oneSegment = await check(segmentFile, cores);
    const one = await check(recording, 1);
    ctx.progress(`[traffic] check-har --workers 1: ${(count / one.seconds).toFixed(0)} exchanges/s, peak RSS ${one.peakRssMb.toFixed(0)} MB`);
    const all = await check(recording);
    ctx.progress(`[traffic] check-har (default: ${cores} workers): ${(count / all.seconds).toFixed(0)} exchanges/s, peak RSS ${all.peakRssMb.toFixed(0)} MB`);

    // A folder of segments, named as the proxy names them, holding as many exchanges as the recording: one check, one summary.
    const segments = path.join(dir, "segments");
    mkdirSync(segments);
    const segmentCount = count / segment;
    for (let n = 1; n <= segmentCount; n++) copyFileSync(segmentFile, segmentPath(path.join(segments, "session.har"), n));
    const folder = await check(segments);
    ctx.progress(`[traffic] check-har on a folder of ${segmentCount} segments: ${(count / folder.seconds).toFixed(0)} exchanges/s, peak RSS ${folder.peakRssMb.toFixed(0)} MB`);
    rmSync(segments, { recursive: true, force: true });

    // A recording of over 600 MB in one file (issue 28: checked within 400 MB RSS), written here and removed after its check.
    const largeCount = quick ? 2_000 : 550_000;
    const large = path.join(dir, "large.har");
    ctx.progress(`[traffic] writing a ${largeCount}-exchange recording`);
    const largeBytes = await writeRecording(large, largeCount);
    const largeRun = await check(large);
    rmSync(large, { force: true });
    ctx.progress(`[traffic] check-har on ${(largeBytes / 1e6).toFixed(0)} MB: ${largeRun.seconds.toFixed(1)} s, peak RSS ${largeRun.peakRssMb.toFixed(0)} MB`);

    // The in-process checker alone (the built one, as the CLI runs it) on the recording's first exchanges, read into memory first: a warm-up pass over a tenth, then all of them, one checker.
    const inMemory: ObservedExchange[] = [];
    for await (const item of readHarFile(recording)) {
      if (item.kind === "exchange") inMemory.push(item.exchange);
      if (inMemory.length === Math.min(count, 20_000)) break;
    }
    const built = (await import(pathToFileURL(path.join(root, "dist", "src", "conformance", "traffic.js")).href)) as typeof TrafficModule;
    const traffic = built.createTrafficChecker({ keepReports: false });
    for (const x of inMemory.slice(0, inMemory.length / 10)) traffic.check(x);
    const started = performance.now();
    for (const x of inMemory) traffic.check(x);
    const checkerRate = inMemory.length / ((performance.now() - started) / 1000);

    const segmentMb = segmentBytes / 1024 / 1024;
    const row = figureRow(`check-har on a ${count.toLocaleString("en")}-exchange recording (${(bytes / 1e6).toFixed(0)} MB)`, "check-har");
    const label = "one run";
    figures.push(
      row("--workers 1", count / one.seconds, "exchanges/s", 1, label),
      row(`default (${cores} workers)`, count / all.seconds, "exchanges/s", 1, label),
      row("default / --workers 1 (target ≥ 1.6)", one.seconds / all.seconds, "×", 1, label),
      row("CPU time, --workers 1 (every thread of the process)", one.cpuSeconds, "s", 1, label),
      row(`CPU time, default (${cores} threads checking)`, all.cpuSeconds, "s", 1, label),
      row("CPU time, default / --workers 1 (the split's cost: at most 2 / this is reachable on 2 cores)", all.cpuSeconds / one.cpuSeconds, "×", 1, label),
      row("in-process checker alone", checkerRate, "exchanges/s", 1, `${inMemory.length} exchanges in memory, read from the recording, one pass after a warm-up over a tenth, dist/`),
      row("end to end per worker / checker alone (target ≥ 0.5)", count / one.seconds / checkerRate, "×", 1, label),
      row(`one segment's file (${segment.toLocaleString("en")} exchanges)`, segmentMb, "MB", 1, label),
      ...(runtime ? [row("peak RSS, empty recording (the runtime and the threads, nothing checked)", runtime.peakRssMb, "MB", 1, label)] : []),
      row(`peak RSS, ${small.toLocaleString("en")} exchanges (the fixed base)`, base.peakRssMb, "MB", 1, label),
      row("peak RSS, one segment", oneSegment.peakRssMb, "MB", 1, label),
      row("peak RSS, whole recording", all.peakRssMb, "MB", 1, label),
      row("(peak RSS − fixed base) / one segment (target ≤ 2)", (all.peakRssMb - base.peakRssMb) / segmentMb, "×", 1, label),
      row("peak RSS, --workers 1", one.peakRssMb, "MB", 1, label),
      ...(baseOne
        ? [
            row(`peak RSS, --workers 1, ${small.toLocaleString("en")} exchanges (its fixed base)`, baseOne.peakRssMb, "MB", 1, label),
            row("(peak RSS − fixed base) / one segment, --workers 1", (one.peakRssMb - baseOne.peakRssMb) / segmentMb, "×", 1, label),
          ]
        : []),
      ...(runtime ? [row("(peak RSS − empty recording) / one segment", (all.peakRssMb - runtime.peakRssMb) / segmentMb, "×", 1, label)] : []),
      row("(peak RSS − peak RSS of one segment) / one segment", (all.peakRssMb - oneSegment.peakRssMb) / segmentMb, "×", 1, label),
    );
    const folderRow = figureRow(`check-har on a folder of ${segmentCount} segments (${segment.toLocaleString("en")} exchanges each, the proxy's names)`, "check-har");
    figures.push(
      folderRow(`default (${cores} workers)`, count / folder.seconds, "exchanges/s", 1, label),
      folderRow("peak RSS", folder.peakRssMb, "MB", 1, label),
      folderRow("(peak RSS − fixed base) / one segment (target ≤ 2)", (folder.peakRssMb - base.peakRssMb) / segmentMb, "×", 1, label),
    );
    const largeRow = figureRow(`check-har on one ${(largeBytes / 1e6).toFixed(0)} MB recording (${largeCount.toLocaleString("en")} exchanges)`, "check-har");
    figures.push(
      largeRow(`default (${cores} workers)`, largeCount / largeRun.seconds, "exchanges/s", 1, label),
      largeRow("wall time", largeRun.seconds, "s", 1, label),
      largeRow("peak RSS (target ≤ 400 MB for 600 MB)", largeRun.peakRssMb, "MB", 1, label),
    );

    // The proxy in front of the Myaza twin, recording, for a long session of one id.
    const [early, late] = quick ? [50, 200] : [5_000, 25_000];
    const fixtures = benchFixtures();
    const request = twinExampleRequest("myaza", fixtures as never)!;
    const twin = await startTwinProcess("myaza", fixtures, ctx.cleanup);
    const proxy = spawn(process.execPath, [cli, "proxy", "--provider", "myaza", "--upstream", twin.url, "--record", path.join(dir, "session.har"), "--segment", String(segment), "--reporter", "json", "--output", path.join(dir, "proxy.json")], { stdio: ["ignore", "ignore", "pipe"] });
    const forgetProxy = ctx.cleanup.add(`kyc-contracts proxy (pid ${proxy.pid})`, () => void proxy.kill("SIGKILL"));
    try {
      let stderr = "";
      const url = await new Promise<string>((resolve, reject) => {
        proxy.stderr.on("data", (d: Buffer) => {
          stderr += d.toString();
          const m = /kyc-contracts proxy: (http:\/\/127\.0\.0\.1:\d+) →/.exec(stderr);
          if (m) resolve(m[1]!);
        });
        proxy.once("exit", (code) => reject(new Error(`the proxy exited (${code}) before listening: ${stderr}`)));
      });
      let sent = 0;
      const drive = async (until: number): Promise<void> => {
        const worker = async (): Promise<void> => {
          while (sent < until) {
            sent++;
            const r = await fetch(`${url}${request.path}`, { headers: request.headers });
            await r.arrayBuffer();
            if (!r.ok) throw new Error(`proxy bench: HTTP ${r.status} from ${request.path}`);
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));
      };
      const t0 = performance.now();
      await drive(early);
      const rssEarly = await rssMb(proxy.pid!);
      await drive(late);
      const rssLate = await rssMb(proxy.pid!);
      const rate = late / ((performance.now() - t0) / 1000);
      ctx.progress(`[traffic] proxy: RSS ${rssEarly.toFixed(0)} MB after ${early} exchanges, ${rssLate.toFixed(0)} MB after ${late} (${rate.toFixed(0)} exchanges/s)`);
      const prow = figureRow(`proxy --record in front of the Myaza twin, one id, 8 connections`, "proxy");
      figures.push(
        prow(`RSS after ${early.toLocaleString("en")}`, rssEarly, "MB", 1, label),
        prow(`RSS after ${late.toLocaleString("en")}`, rssLate, "MB", 1, label),
        prow(`RSS growth ${early.toLocaleString("en")} → ${late.toLocaleString("en")} (target ≤ 40)`, rssLate - rssEarly, "MB", 1, label),
        prow("exchanges/s through the proxy", rate, "exchanges/s", 1, label),
      );
    } finally {
      proxy.kill("SIGINT");
      await new Promise((resolve) => (proxy.exitCode === null && proxy.signalCode === null ? proxy.once("exit", resolve) : resolve(undefined)));
      forgetProxy();
      await twin.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    forgetDir();
  }
  return {
    name: "traffic",
    title: "Traffic at volume",
    method: [
      "The built CLI in its own process per figure; peak RSS is the process's own maxRSS at exit (worker threads included), the proxy's RSS is read from /proc while it runs. The recording: the twins' real answers (every built-in record of each provider) repeated over 1,000 users each, written with harEntry() exactly as the proxy records.",
      "Targets (issue 28): default workers ≥ 1.6× --workers 1 on 2 cores; end to end per worker ≥ 0.5× the checker alone; (peak RSS − the fixed base of a 1,000-exchange check) ≤ 2 segments; a recording over 600 MB within 400 MB peak RSS; proxy RSS growth 5,000 → 25,000 exchanges ≤ 40 MB.",
    ].join("\n"),
    figures,
  };
};

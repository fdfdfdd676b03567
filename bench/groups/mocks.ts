/**
 * Group 1, mocks: each provider's Prism mock under load beside a raw node:http server replaying
 * the very response Prism gave (status, headers, body bytes; verified equal before measuring),
 * both in their own process, and the start-up time of the mocks.
 */
import { exampleRequest, startMocks, type RunningMocks } from "../../src/mock/index.js";
import type { ProviderSlug } from "../../src/providers.js";
import { loadSpec } from "../../src/spec/index.js";
import type { Cleanup } from "../cleanup.js";
import { formatValue } from "../format.js";
import { runLoad, type LoadRun } from "../load.js";
import { captureResponse, responseDifferences, startReplayServer } from "../replay.js";
import type { Figure } from "../results.js";
import { median, medianRatio } from "../stats.js";
import { measureTasks } from "../tiny.js";
import { figureRow, type GroupContext, type GroupRunner } from "./context.js";

/** The untimed warm-up before a provider's runs (never longer than a run: a --quick smoke run stays short). */
const WARMUP_SECONDS = 1;

async function startRegistered<P extends ProviderSlug>(providers: P[], cleanup: Cleanup): Promise<{ mocks: RunningMocks<P>; stop(): Promise<void> }> {
  const mocks = await startMocks({ providers });
  const unregister = cleanup.add(`Prism mocks (${providers.join(", ")})`, () => mocks.stop());
  return {
    mocks,
    stop: async () => {
      await mocks.stop();
      unregister();
    },
  };
}

export const benchMocks: GroupRunner = async (ctx) => {
  const { providers, runs, durationSeconds, connections } = ctx.options;
  const figures: Figure[] = [];
  const failedRuns: string[] = [];
  const runsLabel = `runs of ${durationSeconds} s`;
  const warmUpSeconds = Math.min(WARMUP_SECONDS, durationSeconds);
  ctx.progress(`[mocks] starting Prism for ${providers.join(", ")}`);
  const started = await startRegistered(providers, ctx.cleanup);
  try {
    for (const slug of providers) {
      const request = exampleRequest(await loadSpec(slug));
      const prismUrl = `${started.mocks.urls[slug]}${request.path}`;
      const captured = await captureResponse(prismUrl, request.headers);
      if (captured.status < 200 || captured.status > 299) throw new Error(`Prism answered ${slug}'s example request with HTTP ${captured.status}, not a 2xx: ${captured.body.toString("utf8").slice(0, 200)}`);
      const raw = await startReplayServer(captured, ctx.cleanup);
      try {
        const rawUrl = `${raw.url}${request.path}`;
        const differences = responseDifferences(captured, await captureResponse(rawUrl, request.headers));
        if (differences.length > 0) throw new Error(`The raw server does not replay Prism's ${slug} response: ${differences.join("; ")} (bench bug).`);
        const load = (url: string, seconds: number): Promise<LoadRun> => runLoad({ url, headers: request.headers, connections, durationSeconds: seconds }, ctx.cleanup);
        ctx.progress(`[mocks] ${slug}: warm-up ${warmUpSeconds} s each, then ${runs} × ${durationSeconds} s on Prism and raw at ${connections} connections (${captured.body.length}-byte body)`);
        await load(prismUrl, warmUpSeconds);
        await load(rawUrl, warmUpSeconds);
        const prism: LoadRun[] = [];
        const rawRuns: LoadRun[] = [];
        for (let i = 0; i < runs; i++) {
          // Alternate which goes first, so drift of a shared machine does not favour one side.
          if (i % 2 === 0) {
            prism.push(await load(prismUrl, durationSeconds));
            rawRuns.push(await load(rawUrl, durationSeconds));
          } else {
            rawRuns.push(await load(rawUrl, durationSeconds));
            prism.push(await load(prismUrl, durationSeconds));
          }
          const [p, r] = [prism[i]!, rawRuns[i]!];
          ctx.progress(`[mocks] ${slug} run ${i + 1}/${runs}: Prism ${formatValue(p.requestsPerSecond, "req/s")} req/s p50 ${formatValue(p.p50Ms, "ms")} ms, raw ${formatValue(r.requestsPerSecond, "req/s")} req/s p50 ${formatValue(r.p50Ms, "ms")} ms`);
          for (const [side, run] of [["Prism", p], ["raw", r]] as const) if (run.failures > 0) failedRuns.push(`${slug} ${side} run ${i + 1}: ${run.failures} of ${run.responses + run.failures}`);
        }
        const row = figureRow(`Throughput at ${connections} connections, Prism vs raw node:http (same response bytes)`, slug);
        const latencyRow = figureRow(`Latency at ${connections} connections, Prism vs raw node:http`, slug);
        const pick = (runsOf: LoadRun[], key: keyof LoadRun): number[] => runsOf.map((x) => x[key]);
        figures.push(
          row("Prism req/s", median(pick(prism, "requestsPerSecond")), "req/s", runs, runsLabel),
          row("raw req/s", median(pick(rawRuns, "requestsPerSecond")), "req/s", runs, runsLabel),
          row("Prism / raw req/s", medianRatio(pick(prism, "requestsPerSecond"), pick(rawRuns, "requestsPerSecond")), "×", runs, runsLabel),
          latencyRow("Prism p50", median(pick(prism, "p50Ms")), "ms", runs, runsLabel),
          latencyRow("raw p50", median(pick(rawRuns, "p50Ms")), "ms", runs, runsLabel),
          latencyRow("Prism / raw p50", medianRatio(pick(prism, "p50Ms"), pick(rawRuns, "p50Ms")), "×", runs, runsLabel),
          latencyRow("Prism p99", median(pick(prism, "p99Ms")), "ms", runs, runsLabel),
          latencyRow("raw p99", median(pick(rawRuns, "p99Ms")), "ms", runs, runsLabel),
          latencyRow("Prism / raw p99", medianRatio(pick(prism, "p99Ms"), pick(rawRuns, "p99Ms")), "×", runs, runsLabel),
        );
      } finally {
        await raw.stop();
      }
    }
  } finally {
    await started.stop();
  }

  figures.push(...(await startUpTimes(ctx)));
  return {
    name: "mocks",
    title: "Mocks",
    method: [
      `autocannon, ${connections} connections, against each provider's example request (the one \`kyc-contracts mock\` prints), ${durationSeconds} s per run after a ${warmUpSeconds} s warm-up, Prism and raw alternating.`,
      "Raw: a node:http server in its own process (like Prism) answering every request with the status, headers and body bytes captured from one Prism response, checked identical before measuring.",
      "req/s: completed requests over the run; p50/p99: of every 2xx response time autocannon reported. Ratios are the median of the per-run ratios (Prism and raw measured back to back in each run).",
      "Start-up: `startMocks()` resolving (every Prism answering HTTP), measured by tinybench; each start is stopped before the next.",
      failedRuns.length === 0 ? "Every response in every run was a 2xx." : `Runs with non-2xx responses, errors or timeouts (their latencies count 2xx only): ${failedRuns.join("; ")}.`,
    ].join("\n"),
    figures,
  };
};

/** Start-up of the selected mocks together (what `npm start` and a globalSetup wait for) and of each alone (what one conformance suite waits for). */
async function startUpTimes(ctx: GroupContext): Promise<Figure[]> {
  const { providers, runs } = ctx.options;
  const sets: { subject: string; providers: ProviderSlug[] }[] = [
    ...(providers.length > 1 ? [{ subject: `${providers.length === 4 ? "all four" : providers.join(" + ")}, together`, providers }] : []),
    ...providers.map((p) => ({ subject: p, providers: [p] })),
  ];
  const figures: Figure[] = [];
  for (const set of sets) {
    ctx.progress(`[mocks] start-up of ${set.subject}: ${runs} start(s)`);
    let running: { stop(): Promise<void> } | undefined;
    const stats = await measureTasks(
      [
        {
          name: set.subject,
          fn: async () => {
            running = await startRegistered(set.providers, ctx.cleanup);
          },
          options: {
            afterEach: async () => {
              await running?.stop();
              running = undefined;
            },
          },
        },
      ],
      { timeMs: 0, iterations: runs, warmup: false },
    );
    const s = stats.get(set.subject)!;
    figures.push(figureRow("Mock start-up", set.subject)("start-up", s.p50Ms, "ms", s.samples, "start-ups"));
  }
  return figures;
}

/**
 * Group twins: each provider's twin (its own process, node:http transport) under load beside a
 * raw node:http server replaying one response the twin gave (same status, headers and body
 * length; Proof's request id and Nyota Imara's signatures differ per response by design), and
 * the start-up of the twins, beside the Prism figures of the mocks group when it ran.
 */
import type { ProviderSlug } from "../../src/providers.js";
import { defaultFixtures, startTwins, type RunningTwins, type TwinFixtures } from "../../src/twin/index.js";
import { twinExampleRequest } from "../../src/twin/describe.js";
import { formatValue } from "../format.js";
import { runLoad, type LoadRun } from "../load.js";
import { captureResponse, startReplayServer, type CapturedResponse } from "../replay.js";
import type { Figure } from "../results.js";
import { median, medianRatio } from "../stats.js";
import { measureTasks } from "../tiny.js";
import { startTwinProcess } from "../twins.js";
import { figureRow, type GroupContext, type GroupRunner } from "./context.js";

/** The untimed warm-up before a provider's runs (never longer than a run: a --quick smoke run stays short). */
const WARMUP_SECONDS = 1;
const THROUGHPUT_TABLE = (connections: number) => `Throughput at ${connections} connections, twin vs raw node:http (same response shape)`;

/** The built-in fixtures with Myaza's rate limit out of the way (a load run sends far more than 100 requests). */
export function benchFixtures(): TwinFixtures {
  const fixtures = defaultFixtures();
  return { ...fixtures, myaza: { ...fixtures.myaza, rateLimit: { limit: 1_000_000_000, windowMs: 900_000 } } };
}

/** How `b` differs from `a` beyond the values a twin makes fresh per response. */
function shapeDifferences(a: CapturedResponse, b: CapturedResponse): string[] {
  const out: string[] = [];
  if (a.status !== b.status) out.push(`status ${a.status} vs ${b.status}`);
  const names = (r: CapturedResponse) => r.headers.map(([k]) => k.toLowerCase()).sort().join(",");
  if (names(a) !== names(b)) out.push(`headers ${names(a)} vs ${names(b)}`);
  if (a.body.length !== b.body.length) out.push(`body ${a.body.length} vs ${b.body.length} bytes`);
  return out;
}

export const benchTwins: GroupRunner = async (ctx) => {
  const { providers, runs, durationSeconds, connections } = ctx.options;
  const figures: Figure[] = [];
  const failedRuns: string[] = [];
  const runsLabel = `runs of ${durationSeconds} s`;
  const warmUpSeconds = Math.min(WARMUP_SECONDS, durationSeconds);
  const fixtures = benchFixtures();
  for (const slug of providers) {
    const request = twinExampleRequest(slug, fixtures as never);
    if (!request) throw new Error(`The bench fixtures have no request with a 2xx answer for ${slug} (bench bug).`);
    const twin = await startTwinProcess(slug, fixtures, ctx.cleanup);
    try {
      const twinUrl = `${twin.url}${request.path}`;
      const captured = await captureResponse(twinUrl, request.headers);
      if (captured.status !== 200) throw new Error(`The ${slug} twin answered its example request with HTTP ${captured.status}: ${captured.body.toString("utf8").slice(0, 200)}`);
      const raw = await startReplayServer(captured, ctx.cleanup);
      try {
        const rawUrl = `${raw.url}${request.path}`;
        const differences = shapeDifferences(captured, await captureResponse(twinUrl, request.headers));
        if (differences.length > 0) throw new Error(`The ${slug} twin's answers differ in shape between two requests: ${differences.join("; ")} (bench bug).`);
        const load = (url: string, seconds: number): Promise<LoadRun> => runLoad({ url, headers: request.headers, connections, durationSeconds: seconds }, ctx.cleanup);
        ctx.progress(`[twins] ${slug}: warm-up ${warmUpSeconds} s each, then ${runs} × ${durationSeconds} s on the twin and raw at ${connections} connections (${captured.body.length}-byte body)`);
        await load(twinUrl, warmUpSeconds);
        await load(rawUrl, warmUpSeconds);
        const twinRuns: LoadRun[] = [];
        const rawRuns: LoadRun[] = [];
        for (let i = 0; i < runs; i++) {
          // Alternate which goes first, so drift of a shared machine does not favour one side.
          if (i % 2 === 0) {
            twinRuns.push(await load(twinUrl, durationSeconds));
            rawRuns.push(await load(rawUrl, durationSeconds));
          } else {
            rawRuns.push(await load(rawUrl, durationSeconds));
            twinRuns.push(await load(twinUrl, durationSeconds));
          }
          const [t, r] = [twinRuns[i]!, rawRuns[i]!];
          ctx.progress(`[twins] ${slug} run ${i + 1}/${runs}: twin ${formatValue(t.requestsPerSecond, "req/s")} req/s p50 ${formatValue(t.p50Ms, "ms")} ms, raw ${formatValue(r.requestsPerSecond, "req/s")} req/s p50 ${formatValue(r.p50Ms, "ms")} ms`);
          for (const [side, run] of [["twin", t], ["raw", r]] as const) if (run.failures > 0) failedRuns.push(`${slug} ${side} run ${i + 1}: ${run.failures} of ${run.responses + run.failures}`);
        }
        const row = figureRow(THROUGHPUT_TABLE(connections), slug);
        const pick = (of: LoadRun[], key: keyof LoadRun): number[] => of.map((x) => x[key]);
        figures.push(
          row("twin req/s", median(pick(twinRuns, "requestsPerSecond")), "req/s", runs, runsLabel),
          row("raw req/s", median(pick(rawRuns, "requestsPerSecond")), "req/s", runs, runsLabel),
          row("twin / raw req/s", medianRatio(pick(twinRuns, "requestsPerSecond"), pick(rawRuns, "requestsPerSecond")), "×", runs, runsLabel),
          row("twin p50", median(pick(twinRuns, "p50Ms")), "ms", runs, runsLabel),
          row("twin p99", median(pick(twinRuns, "p99Ms")), "ms", runs, runsLabel),
        );
        const prism = ctx.earlier?.flatMap((g) => g.figures).find((f) => f.subject === slug && f.metric === "Prism / raw req/s");
        if (prism) figures.push({ ...row("Prism / raw req/s (mocks group)", prism.value, "×", prism.medianOf, prism.runs) });
      } finally {
        await raw.stop();
      }
    } finally {
      await twin.stop();
    }
  }
  figures.push(...(await startUpTimes(ctx)));
  return {
    name: "twins",
    title: "Twins",
    method: [
      `autocannon, ${connections} connections, against each provider's twin answering the request \`kyc-contracts mock --engine twin\` prints (built-in fixtures; Myaza's rate limit raised for the run), ${durationSeconds} s per run after a ${warmUpSeconds} s warm-up, twin and raw alternating.`,
      "Twin: `startTwins()` of the built package (dist/) in its own process (node:http transport around `handle`). Raw: a node:http server in its own process replaying one twin response (status, headers, body bytes; the twin makes Proof's X-Request-Id and Nyota Imara's URL signatures fresh per response, same length).",
      "Target: twin / raw ≥ 0.5 per provider. The Prism / raw column is the mocks group's figure from the same run, when it ran.",
      "Start-up: `startTwins()` resolving (every twin listening), in this process with the modules loaded, each start stopped before the next; target for all four < 300 ms. Prism's start-up is in the mocks group.",
      failedRuns.length === 0 ? "Every response in every run was a 2xx." : `Runs with non-2xx responses, errors or timeouts: ${failedRuns.join("; ")}.`,
    ].join("\n"),
    figures,
  };
};

async function startUpTimes(ctx: GroupContext): Promise<Figure[]> {
  const { providers, runs } = ctx.options;
  const sets: { subject: string; providers: ProviderSlug[]; fixtures?: TwinFixtures }[] = [
    ...(providers.length > 1 ? [{ subject: `${providers.length === 4 ? "all four" : providers.join(" + ")}, together`, providers }] : []),
    ...providers.map((p) => ({ subject: p, providers: [p] })),
    { subject: `${providers.length === 4 ? "all four" : providers.join(" + ")}, with a fixtures object (validated)`, providers, fixtures: benchFixtures() },
  ];
  const figures: Figure[] = [];
  const iterations = Math.max(runs, 5);
  for (const set of sets) {
    ctx.progress(`[twins] start-up of ${set.subject}: ${iterations} start(s)`);
    let running: RunningTwins | undefined;
    const stats = await measureTasks(
      [
        {
          name: set.subject,
          fn: async () => {
            running = await startTwins<ProviderSlug>({ providers: set.providers, ...(set.fixtures ? { fixtures: set.fixtures } : {}) });
          },
          options: {
            afterEach: async () => {
              await running?.stop();
              running = undefined;
            },
          },
        },
      ],
      { timeMs: 0, iterations, warmup: false },
    );
    const s = stats.get(set.subject)!;
    figures.push(figureRow("Twin start-up", set.subject)("start-up", s.p50Ms, "ms", s.samples, "start-ups"));
  }
  return figures;
}

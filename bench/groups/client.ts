/**
 * Group 3, client: one status call of each typed client (URL, credential headers, timeout, body
 * read under the cap, validation, normalization) against a raw `fetch` + `response.json()` of
 * exactly the request the client sends, and against the same raw fetch with a timeout that
 * aborts it (an AbortController and a timer, as any client with a timeout needs), all to the
 * same local server (its own process) serving the spec's default 2xx example; measured in
 * paired alternating blocks (bench/paired.ts). Then the cold start (bench/client-cold.ts).
 */
import type { ProviderSlug } from "../../src/providers.js";
import { listOperations, listResponses, loadSpec } from "../../src/spec/index.js";
import { measureColdStart, RAW_WARM_UP_CALLS, type ColdStart } from "../client-cold.js";
import { statusCalls } from "../clients.js";
import { startReplayServer, type CapturedResponse } from "../replay.js";
import type { Figure } from "../results.js";
import { median } from "../stats.js";
import { measurePairedBlocks, pairedFigures, type BlockTask, type PairedBlocks } from "../paired.js";
import { DEFAULT_TIMEOUT_MS } from "../../src/clients/core.js";
import { figureRow, type GroupRunner } from "./context.js";

type PerCallTask = "fetch" | "fetch + timeout" | "client";
/** Calls per block, and rounds per run at least (bench/paired.ts); --quick: a smoke run of the same steps. */
const BLOCK_CALLS = 100;
const MIN_ROUNDS = 10;
const QUICK_BLOCKS = { blockCalls: 20, minRounds: 3 } as const;

/** The response a Prism mock serves by default: the lowest 2xx's first example, as JSON. */
export async function defaultSuccess(slug: ProviderSlug): Promise<CapturedResponse> {
  const doc = await loadSpec(slug);
  const op = listOperations(doc)[0];
  const success = op ? listResponses(doc, op).filter((r) => /^2\d\d$/.test(r.status)).sort((a, b) => Number(a.status) - Number(b.status))[0] : undefined;
  const media = success?.media.find((m) => m.examples.length > 0);
  if (!success || !media) throw new Error(`${slug}: the spec's first operation has no 2xx response with an example to serve.`);
  const body = Buffer.from(JSON.stringify(media.examples[0]!.value));
  return { status: Number(success.status), headers: [["Content-Type", media.mediaType], ["Content-Length", String(body.length)]], body };
}

export const benchClient: GroupRunner = async (ctx) => {
  const { providers, runs, taskTimeMs, quick } = ctx.options;
  const { blockCalls, minRounds } = quick ? QUICK_BLOCKS : { blockCalls: BLOCK_CALLS, minRounds: MIN_ROUNDS };
  const figures: Figure[] = [];
  const runsLabel = `runs of ≥${minRounds} rounds and ≥${taskTimeMs} ms per task (ratios: per run the median of the rounds' paired ratios; times: the raw fetch's median × those ratios)`;
  for (const slug of providers) {
    const server = await startReplayServer(await defaultSuccess(slug), ctx.cleanup);
    try {
      // The exact request the client sends, for the raw fetch to repeat.
      let sent: { url: string; headers: Headers } | undefined;
      const first = await statusCalls[slug](server.url, (request) => {
        sent = { url: request.url, headers: request.headers };
        return fetch(request);
      })();
      if (!first.ok || !sent) throw new Error(`${slug}: the typed client's call to the bench server failed: ${first.ok ? "no request was sent" : first.error.message}`);
      const { url, headers } = sent;
      const clientCall = statusCalls[slug](server.url);
      const rawFetch = async (signal?: AbortSignal) => {
        const res = await fetch(url, signal ? { headers, signal } : { headers });
        if (!res.ok) throw new Error(`raw fetch of ${url}: HTTP ${res.status}`);
        await res.json();
      };
      const tasks: Record<PerCallTask, BlockTask> = {
        fetch: () => rawFetch(),
        // What any caller whose timeout aborts the request pays, as the client's does (its default timeout).
        "fetch + timeout": async () => {
          const timeout = new AbortController();
          const timer = setTimeout(() => timeout.abort(), DEFAULT_TIMEOUT_MS);
          try {
            await rawFetch(timeout.signal);
          } finally {
            clearTimeout(timer);
          }
        },
        client: async () => {
          const result = await clientCall();
          if (!result.ok) throw new Error(`${slug} client: ${result.error.kind}: ${result.error.message}`);
        },
      };
      // Untimed rounds first, as long as a timed run: a new server, new connections and a cold
      // client path make the first blocks outliers, and V8 tiers up the larger generated validators
      // (Nyota Imara's, Myaza's) later than undici's code, so a short warm-up charged that to the client.
      const blockOptions = { blockCalls, minRounds, timeMs: taskTimeMs };
      await measurePairedBlocks(tasks, blockOptions);
      const runsOf: PairedBlocks[] = [];
      for (let i = 0; i < runs; i++) {
        const run = await measurePairedBlocks(tasks, blockOptions);
        runsOf.push(run);
        const one = pairedFigures<PerCallTask>([run], "fetch");
        const runUs = (name: PerCallTask) => (one.timeMs(name) * 1000).toFixed(0);
        ctx.progress(`[client] ${slug} run ${i + 1}/${runs}: fetch ${runUs("fetch")} µs, fetch + timeout ${runUs("fetch + timeout")} µs, client ${runUs("client")} µs per call (${run.rounds} rounds of ${blockCalls} calls each)`);
      }
      // Times: the raw fetch's own; the others its time × their paired ratio to it (bench/paired.ts).
      const per = pairedFigures<PerCallTask>(runsOf, "fetch");
      const us = (name: PerCallTask) => per.timeMs(name) * 1000;
      const row = figureRow("Per call against a local server, typed client vs raw fetch + json()", slug);
      figures.push(
        row("raw fetch", us("fetch"), "µs", runs, runsLabel),
        row("fetch + timeout", us("fetch + timeout"), "µs", runs, runsLabel),
        row("typed client", us("client"), "µs", runs, runsLabel),
        row("overhead", us("client") - us("fetch"), "µs", runs, runsLabel),
        row("client / fetch", per.ratio("client"), "×", runs, runsLabel),
        row("(fetch + timeout) / fetch", per.ratio("fetch + timeout"), "×", runs, runsLabel),
        row("client / (fetch + timeout)", per.ratio("client", "fetch + timeout"), "×", runs, runsLabel),
      );
      // Cold start: a fresh process per run imports the built package and makes a new client's first call.
      // A cold start varies more than a warm call (one process, one sample): twice the runs, plus one.
      // (--quick: one, a smoke run of the step)
      const coldRuns = ctx.options.quick ? 1 : runs * 2 + 1;
      const colds: ColdStart[] = [];
      for (let i = 0; i < coldRuns; i++) {
        const cold = await measureColdStart(slug, server.url, { url, headers: Object.fromEntries(headers) }, ctx.cleanup);
        colds.push(cold);
        ctx.progress(`[client] ${slug} cold start ${i + 1}/${coldRuns}: import ${cold.importMs.toFixed(1)} ms, first raw fetch ${cold.fetchFirstMs.toFixed(1)} ms, raw fetch after warm-up ${cold.fetchWarmMs.toFixed(2)} ms, client first call ${cold.firstMs.toFixed(1)} ms, warm call ${cold.warmMs.toFixed(2)} ms, second client's first call ${cold.secondClientMs.toFixed(2)} ms CPU${cold.unquietWaits > 0 ? ` (${cold.unquietWaits} timed call(s) started before the process was quiet)` : ""}`);
      }
      const coldRow = figureRow("Cold start in a fresh process (CPU time, process.cpuUsage)", slug);
      const coldLabel = "fresh node processes (warm: the median of 25 calls after 200)";
      const ms = (key: keyof ColdStart): number[] => colds.map((c) => c[key]);
      figures.push(
        coldRow("import", median(ms("importMs")), "ms", coldRuns, coldLabel),
        coldRow("first raw fetch", median(ms("fetchFirstMs")), "ms", coldRuns, coldLabel),
        coldRow("raw fetch after warm-up", median(ms("fetchWarmMs")), "ms", coldRuns, coldLabel),
        coldRow("client first call", median(ms("firstMs")), "ms", coldRuns, coldLabel),
        coldRow("warm call", median(ms("warmMs")), "ms", coldRuns, coldLabel),
        coldRow("first − warm", median(colds.map((c) => c.firstMs - c.warmMs)), "ms", coldRuns, coldLabel),
        coldRow("second client first call", median(ms("secondClientMs")), "ms", coldRuns, coldLabel),
      );
    } finally {
      await server.stop();
    }
  }
  return {
    name: "client",
    title: "Client",
    method: [
      `Paired alternating blocks (bench/paired.ts): per round, ${blockCalls} calls of each task back to back, one at a time, keep-alive (Node's fetch, as the clients use by default), the order rotated per round; a run is ≥${minRounds} rounds and ≥ --task-time ms per task, after one untimed run of the same length per provider. Server: a node:http server in its own process serving the spec's default 2xx example (what a Prism mock serves unasked).`,
      "raw fetch: `fetch(url, { headers })` + `response.json()` of exactly the URL and headers the typed client sent; fetch + timeout: the same with an AbortController whose timer (the clients' default, 10 s) aborts it, cleared after the body (the floor for any client whose timeout aborts the request: on Node's fetch the signal alone costs several per cent); typed client: `getKycStatus(…)` (URL from the generated path, credential headers from the spec, timeout, body read under the cap and validated against the spec, status normalized).",
      "Ratios: per run the median of the rounds' paired ratios, then the median over runs. Times: the raw fetch's median per call; fetch + timeout and typed client are that time × their ratio to it, and the overhead is typed client − raw fetch, so the columns agree with the ratios (each task's own median would come from different rounds when the load drifts). client / (fetch + timeout) is its own paired median, so it can differ a little from the quotient of the two columns.",
      `Cold start: per run a fresh \`node\` process imports the built package (dist/src/index.js); CPU time (user + system, \`process.cpuUsage\`) of the import, of a first raw \`fetch\` + \`json()\` of the client's request (Node loads its fetch lazily: that cost is the platform's, paid once per process by any caller), then ${RAW_WARM_UP_CALLS} untimed raw calls (Node's own 2nd and 3rd fetch still cost several ms of CPU each while V8 compiles undici: also the platform's) and one timed raw call after them, then of a new client's first \`getKycStatus\` (client creation included) of a warm call (median of 25 after 200 untimed) and of a second client's first call, against the same server. Before each timed single call the process waits until it is quiet (a 10 ms timer wait using < 0.3 ms CPU: \`process.cpuUsage\` also counts V8's background compiling and collecting after a warm-up, which otherwise lands on whatever is timed next). Target: client first call − warm ≤ 5 ms.`,
    ].join("\n"),
    figures,
  };
};

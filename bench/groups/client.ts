/**
 * Group 3, client: one status call of each typed client (openapi-fetch, auth middleware, timeout,
 * body validation, normalization) against a raw `fetch` + `response.json()` of exactly the
 * request the client sends, both to the same local server (its own process) serving the spec's
 * default 2xx example.
 */
import type { ProviderSlug } from "../../src/providers.js";
import { listOperations, listResponses, loadSpec } from "../../src/spec/index.js";
import { measureColdStart, RAW_WARM_UP_CALLS, type ColdStart } from "../client-cold.js";
import { statusCalls } from "../clients.js";
import { startReplayServer, type CapturedResponse } from "../replay.js";
import type { Figure } from "../results.js";
import { median, medianRatio } from "../stats.js";
import { measureTasks, type TaskStats } from "../tiny.js";
import { figureRow, type GroupRunner } from "./context.js";

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
  const { providers, runs, taskTimeMs } = ctx.options;
  const figures: Figure[] = [];
  const runsLabel = `runs of ≥${taskTimeMs} ms per task (each run's value: tinybench's median call)`;
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
      const tasks = {
        fetch: async () => {
          const res = await fetch(url, { headers });
          if (!res.ok) throw new Error(`raw fetch of ${url}: HTTP ${res.status}`);
          await res.json();
        },
        client: async () => {
          const result = await clientCall();
          if (!result.ok) throw new Error(`${slug} client: ${result.error.kind}: ${result.error.message}`);
        },
      };
      // One untimed round first: a new server, new connections and a cold client path make the first round an outlier.
      await measureTasks([{ name: "fetch", fn: tasks.fetch }, { name: "client", fn: tasks.client }], { timeMs: taskTimeMs, iterations: 10, warmup: true });
      const rounds: { fetch: TaskStats; client: TaskStats }[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate the order per run, as in the mocks group.
        const order = i % 2 === 0 ? (["fetch", "client"] as const) : (["client", "fetch"] as const);
        const stats = await measureTasks(order.map((name) => ({ name, fn: tasks[name] })), { timeMs: taskTimeMs, iterations: 10, warmup: true });
        const round = { fetch: stats.get("fetch")!, client: stats.get("client")! };
        rounds.push(round);
        ctx.progress(`[client] ${slug} run ${i + 1}/${runs}: fetch ${(round.fetch.p50Ms * 1000).toFixed(0)} µs, client ${(round.client.p50Ms * 1000).toFixed(0)} µs per call (${round.fetch.samples} / ${round.client.samples} calls)`);
      }
      const us = (key: "fetch" | "client"): number[] => rounds.map((r) => r[key].p50Ms * 1000);
      const row = figureRow("Per call against a local server, typed client vs raw fetch + json()", slug);
      figures.push(
        row("raw fetch", median(us("fetch")), "µs", runs, runsLabel),
        row("typed client", median(us("client")), "µs", runs, runsLabel),
        row("overhead", median(rounds.map((r) => (r.client.p50Ms - r.fetch.p50Ms) * 1000)), "µs", runs, runsLabel),
        row("client / fetch", medianRatio(us("client"), us("fetch")), "×", runs, runsLabel),
      );
      // Cold start: a fresh process per run imports the built package and makes a new client's first call.
      // A cold start varies more than a warm call (one process, one sample): twice the runs, plus one.
      const coldRuns = runs * 2 + 1;
      const colds: ColdStart[] = [];
      for (let i = 0; i < coldRuns; i++) {
        const cold = await measureColdStart(slug, server.url, { url, headers: Object.fromEntries(headers) }, ctx.cleanup);
        colds.push(cold);
        ctx.progress(`[client] ${slug} cold start ${i + 1}/${coldRuns}: import ${cold.importMs.toFixed(1)} ms, first raw fetch ${cold.fetchFirstMs.toFixed(1)} ms, raw fetch after warm-up ${cold.fetchWarmMs.toFixed(2)} ms, client first call ${cold.firstMs.toFixed(1)} ms, warm call ${cold.warmMs.toFixed(2)} ms, second client's first call ${cold.secondClientMs.toFixed(2)} ms CPU`);
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
      "tinybench, one call at a time, keep-alive (Node's fetch, as the clients use by default), after one untimed round per provider. Server: a node:http server in its own process serving the spec's default 2xx example (what a Prism mock serves unasked).",
      "raw fetch: `fetch(url, { headers })` + `response.json()` of exactly the URL and headers the typed client sent; typed client: `getKycStatus(…)` (openapi-fetch, auth headers from the spec, timeout, body validated against the spec, status normalized).",
      "Overhead and ratio: the median of the per-run differences and ratios (both tasks measured back to back in each run).",
      `Cold start: per run a fresh \`node\` process imports the built package (dist/src/index.js); CPU time (user + system, \`process.cpuUsage\`) of the import, of a first raw \`fetch\` + \`json()\` of the client's request (Node loads its fetch lazily: that cost is the platform's, paid once per process by any caller), then ${RAW_WARM_UP_CALLS} untimed raw calls (Node's own 2nd and 3rd fetch still cost several ms of CPU each while V8 compiles undici: also the platform's) and one timed raw call after them, then of a new client's first \`getKycStatus\` (client creation included) of a warm call (median of 25 after 200 untimed) and of a second client's first call, against the same server. Target: client first call − warm ≤ 5 ms.`,
    ].join("\n"),
    figures,
  };
};

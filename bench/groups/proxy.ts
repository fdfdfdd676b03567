/**
 * Group 5, proxy: what `kyc-contracts proxy` adds to a call. The same GET of each provider's
 * default 2xx example, straight to a local server (its own process) and through the validating
 * proxy in front of it (forward, every check, live report line), back to back in each run.
 * Issue 13's target: at most 2 ms p50 added on loopback (reported here, never asserted).
 */
import { createProxyHandler } from "../../src/conformance/proxy.js";
import { serveNodeHttp } from "../../src/conformance/node-transport.js";
import { liveLines } from "../../src/conformance/traffic-report.js";
import { createTrafficChecker } from "../../src/conformance/traffic.js";
import { credentialHeaders, getAtPointer, listOperations, listResponses, listParameters, loadSpec, parameterExample, securityRequirements } from "../../src/spec/index.js";
import { startReplayServer } from "../replay.js";
import type { Figure } from "../results.js";
import { median, medianRatio } from "../stats.js";
import { measureTasks, type TaskStats } from "../tiny.js";
import { defaultSuccess } from "./client.js";
import { figureRow, type GroupRunner } from "./context.js";

export const benchProxy: GroupRunner = async (ctx) => {
  const { providers, runs, taskTimeMs } = ctx.options;
  const figures: Figure[] = [];
  const runsLabel = `runs of ≥${taskTimeMs} ms per task (each run's value: tinybench's median call)`;
  for (const slug of providers) {
    const spec = await loadSpec(slug);
    const op = listOperations(spec)[0]!;
    const param = listParameters(spec, op).find((p) => p.in === "path");
    const requestPath = op.path.replace(/\{[^}]+\}/, encodeURIComponent((param && parameterExample(spec, param)) ?? "x"));
    const credentials = Object.fromEntries((securityRequirements(spec, op)[0] ?? []).map((s) => [s, "bench0credential0000000000000000000000"]));
    const headers = { Accept: "application/json", ...credentialHeaders(spec, op, credentials) };
    // The default 2xx example plus the documented headers of that response (their examples), so the traffic conforms.
    const served = await defaultSuccess(slug);
    const success = listResponses(spec, op).find((r) => r.status === String(served.status));
    for (const h of success?.headers ?? []) served.headers.push([h.name, String(getAtPointer(spec, `${h.pointer}/example`))]);
    const server = await startReplayServer(served, ctx.cleanup);
    // The proxy as `kyc-contracts proxy` runs it: every check, a live line per exchange (discarded here).
    const traffic = createTrafficChecker({ provider: slug, checker: { idEcho: false } }); // a replay server serves one example whatever the id
    let lines = 0;
    const proxy = await serveNodeHttp(createProxyHandler({ upstream: new URL(server.url), onExchange: (x) => void (lines += liveLines(traffic.check(x), "human").length) }));
    const forget = ctx.cleanup.add(`proxy for ${slug}`, () => proxy.close());
    try {
      const call = (base: string) => async () => {
        const res = await fetch(`${base}${requestPath}`, { headers });
        if (!res.ok) throw new Error(`${slug}: GET ${base}${requestPath}: HTTP ${res.status}`);
        await res.arrayBuffer();
      };
      const tasks = { direct: call(server.url), proxied: call(proxy.url) };
      await measureTasks([{ name: "direct", fn: tasks.direct }, { name: "proxied", fn: tasks.proxied }], { timeMs: taskTimeMs, iterations: 10, warmup: true });
      const rounds: { direct: TaskStats; proxied: TaskStats }[] = [];
      for (let i = 0; i < runs; i++) {
        const order = i % 2 === 0 ? (["direct", "proxied"] as const) : (["proxied", "direct"] as const);
        const stats = await measureTasks(order.map((name) => ({ name, fn: tasks[name] })), { timeMs: taskTimeMs, iterations: 10, warmup: true });
        const round = { direct: stats.get("direct")!, proxied: stats.get("proxied")! };
        rounds.push(round);
        ctx.progress(`[proxy] ${slug} run ${i + 1}/${runs}: direct ${(round.direct.p50Ms * 1000).toFixed(0)} µs, through the proxy ${(round.proxied.p50Ms * 1000).toFixed(0)} µs per call`);
      }
      const failed = traffic.reports.find((r) => r.violations.length > 0);
      if (failed) throw new Error(`${slug}: the proxy found violations in the bench traffic, which should conform: ${failed.violations.map((v) => `[${v.check}] ${v.message}`).join(" ")}`);
      const us = (key: "direct" | "proxied"): number[] => rounds.map((r) => r[key].p50Ms * 1000);
      const row = figureRow("Per call on loopback, through kyc-contracts proxy vs direct", slug);
      figures.push(
        row("direct p50", median(us("direct")), "µs", runs, runsLabel),
        row("proxied p50", median(us("proxied")), "µs", runs, runsLabel),
        row("p50 added by the proxy", median(rounds.map((r) => (r.proxied.p50Ms - r.direct.p50Ms) * 1000)), "µs", runs, runsLabel),
        row("proxied / direct", medianRatio(us("proxied"), us("direct")), "×", runs, runsLabel),
      );
    } finally {
      await proxy.close();
      forget();
      await server.stop();
    }
  }
  return {
    name: "proxy",
    title: "Validating proxy",
    method: [
      "tinybench, one call at a time, keep-alive (Node's fetch), after one untimed round per provider. Upstream: a node:http server in its own process serving the spec's default 2xx example; the proxy runs in the bench process on 127.0.0.1, checking every exchange (schema, semantic, lifecycle) and formatting its live report line.",
      "p50 added: the median of the per-run differences of the two p50s (both measured back to back in each run); the issue's target is ≤ 2 ms (2000 µs).",
    ].join("\n"),
    figures,
  };
};

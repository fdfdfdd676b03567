/**
 * Checks recorded traffic of any size: HAR files streamed entry by entry (har-stream.ts), each
 * exchange checked in this thread or on worker threads, reports handed on in the order of the
 * recording. Exchanges are sharded by `shardKey` (method and path: the subject the lifecycle
 * check follows), so each id's observations stay in order on one checker and the findings are the
 * same with any number of workers; `shard` keeps only one shard's exchanges, so several machines
 * can split a recording and their reports add up to the whole one.
 *
 * Memory stays flat: the reader holds one entry at a time, at most `WINDOW` exchanges are in
 * flight, and nothing is kept of a report once it was handed on.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { readHarFiles } from "./har-stream.js";
import { createPiiMasker, credentialValues, Scrubber } from "./pii.js";
import { createSummaryCounter, createTrafficChecker, shardKey, shardOf, type ExchangeReport, type ObservedExchange, type TrafficOptions, type TrafficSummary } from "./traffic.js";
import type { ToWorker } from "./traffic-worker.js";

export interface TrafficRun {
  files: readonly string[];
  /** Plain data (it is sent to each worker). `keepReports` is always off. */
  traffic: Omit<TrafficOptions, "keepReports">;
  /** Worker threads; 1 checks in this thread. */
  workers: number;
  /** Check only the exchanges of shard `index` (0-based) of `count`. */
  shard?: { index: number; count: number };
  /** Each report, in recording order (awaited: a slow report file slows the run, it does not grow it). */
  onReport(report: ExchangeReport): void | Promise<void>;
  /** A skipped entry or a cut-off file, scrubbed. */
  onNote(note: { kind: "skipped" | "truncated"; file: string; message: string }): void;
}

export type TrafficRunResult = { ok: true; summary: TrafficSummary; truncated: number } | { ok: false; message: string };

/** Exchanges in flight at most (sent to workers, not yet reported). */
const WINDOW = 4096;
/** Exchanges per message to a worker. */
const BATCH = 64;

/**
 * Heap sizes of a worker. A worker's live data is small (its checkers and at most a window of
 * exchanges: about 15 MB), but V8 lets a heap grow far past that before collecting; a smaller
 * young generation and an old-generation ceiling keep each worker near 40 MB instead of 100
 * (measured on a 100,000-exchange recording: 194 MB peak RSS for two workers and the reader,
 * 276 MB without), and the ceiling leaves room for several 10 MB bodies at once.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };

/** Starts the worker: the compiled .js next to this module, or under vitest/tsx the .ts source through tsx's loader. */
function startWorker(data: TrafficRun["traffic"]): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./traffic-worker.js", here), { workerData: data, resourceLimits: WORKER_HEAP });
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(here).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(new URL("./traffic-worker.ts", here).href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData: data, resourceLimits: WORKER_HEAP });
}

interface Pool {
  send(worker: number, batch: { index: number; exchange: ObservedExchange }[]): void;
  /** Ends every worker; resolves with their summaries. */
  end(): Promise<TrafficSummary[]>;
}

function startPool(count: number, data: TrafficRun["traffic"], onReports: (reports: ExchangeReport[]) => void, onFailure: (error: Error) => void): Pool {
  const summaries: Promise<TrafficSummary>[] = [];
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker(data);
    summaries.push(
      new Promise((resolve, reject) => {
        worker.on("message", (m: { reports: ExchangeReport[] } | { summary: TrafficSummary }) => ("reports" in m ? onReports(m.reports) : resolve(m.summary)));
        worker.on("error", (error) => {
          onFailure(error);
          reject(error);
        });
        worker.on("exit", (code) => code !== 0 && reject(new Error(`a traffic worker exited with code ${code}`)));
      }),
    );
    return worker;
  });
  return {
    send: (i, batch) => workers[i]!.postMessage({ batch } satisfies ToWorker),
    async end() {
      for (const w of workers) w.postMessage({ end: true } satisfies ToWorker);
      try {
        return await Promise.all(summaries);
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
    },
  };
}

export async function checkTraffic(run: TrafficRun): Promise<TrafficRunResult> {
  const counter = createSummaryCounter();
  // Notes (skipped entries name a URL) are scrubbed of every credential seen so far, as reports are.
  const masker = createPiiMasker(run.traffic.maskPii !== false);
  const scrubber = new Scrubber(masker);
  const scrub = (text: string): string => scrubber.scrub(masker.maskUrl(text));
  const inThread = run.workers <= 1 ? createTrafficChecker({ ...run.traffic, keepReports: false }) : undefined;

  // Reports come back from the workers out of order; they are handed on in the order sent.
  const order: number[] = [];
  let head = 0;
  const ready = new Map<number, ExchangeReport>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const nudge = (): void => {
    wake?.();
    wake = undefined;
  };
  const pool = inThread
    ? undefined
    : startPool(
        run.workers,
        run.traffic,
        (reports) => {
          for (const r of reports) ready.set(r.index, r);
          nudge();
        },
        (error) => {
          failure = error;
          nudge();
        },
      );
  const handOn = async (): Promise<void> => {
    while (head < order.length) {
      const r = ready.get(order[head]!);
      if (!r) break;
      ready.delete(r.index);
      head++;
      counter.add(r);
      await run.onReport(r);
    }
    if (head > WINDOW) {
      order.splice(0, head);
      head = 0;
    }
  };
  const waitBelow = async (limit: number): Promise<void> => {
    for (;;) {
      if (failure) throw failure;
      await handOn();
      if (order.length - head <= limit) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  const batches: { index: number; exchange: ObservedExchange }[][] = Array.from({ length: run.workers }, () => []);
  const flush = (w: number): void => {
    if (batches[w]!.length === 0) return;
    pool!.send(w, batches[w]!);
    batches[w] = [];
  };
  let index = 0;
  let truncated = 0;
  let poolEnded = false;
  try {
    for await (const item of readHarFiles(run.files)) {
      if (item.kind === "invalid") return { ok: false, message: scrub(item.message) };
      if (item.kind === "skipped" || item.kind === "truncated") {
        if (item.kind === "truncated") truncated++;
        run.onNote({ kind: item.kind, file: item.file, message: scrub(item.kind === "skipped" ? `${path.basename(item.file)}: ${item.reason}` : item.message) });
        continue;
      }
      index++;
      const exchange = item.exchange;
      scrubber.addSecrets(credentialValues(exchange.request.headers));
      const key = run.shard || pool ? shardKey(exchange) : "";
      if (run.shard && shardOf(key, run.shard.count) !== run.shard.index) continue;
      if (inThread) {
        const r = inThread.check(exchange, index);
        counter.add(r);
        await run.onReport(r);
        continue;
      }
      // Workers are chosen by another hash than --shard's, or one shard's keys would all land on one worker.
      const w = shardOf(`worker\u0000${key}`, run.workers);
      order.push(index);
      batches[w]!.push({ index, exchange });
      if (batches[w]!.length >= BATCH) flush(w);
      if (order.length - head >= WINDOW) {
        batches.forEach((_, i) => flush(i));
        await waitBelow(WINDOW / 2);
      }
    }
    if (pool) {
      batches.forEach((_, i) => flush(i));
      await waitBelow(0);
      poolEnded = true;
      const summaries = await pool.end();
      return { ok: true, summary: { ...counter.summary, forgottenIds: summaries.reduce((n, s) => n + s.forgottenIds, 0) }, truncated };
    }
    return { ok: true, summary: { ...counter.summary, forgottenIds: inThread!.summary().forgottenIds }, truncated };
  } finally {
    if (pool && !poolEnded) await pool.end().catch(() => undefined);
  }
}

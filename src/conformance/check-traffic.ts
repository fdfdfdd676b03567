/**
 * Checks recorded traffic of any size, in this thread or on worker threads. Each checker reads
 * the files itself and checks its share of the exchanges (traffic-share.ts): those whose method
 * and path (`shardKey`: the subject the lifecycle check follows) hash to it, so each id's
 * observations stay in order on one checker and the findings are the same with any number of
 * workers. This thread only merges the shares' reports back into recording order and hands them
 * on; `shard` keeps only one shard's exchanges, so several machines can split a recording and
 * their reports add up to the whole one.
 *
 * Memory stays flat: each reader holds one entry at a time, no share reads more than `WINDOW`
 * exchanges past the merge, and nothing is kept of a report once it was handed on.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { checkShare, type ShareResult, type ShareRun, type TrafficNote } from "./traffic-share.js";
import { createSummaryCounter, type ExchangeReport, type TrafficSummary } from "./traffic.js";
import type { FromWorker, ShareItem, ToWorker, WorkerRun } from "./traffic-worker.js";

export interface TrafficRun extends Omit<ShareRun, "share"> {
  /** Worker threads; 1 checks in this thread. */
  workers: number;
  /** Each report, in recording order (awaited: a slow report file slows the run, it does not grow it). */
  onReport(report: ExchangeReport): void | Promise<void>;
  /** A skipped entry or a cut-off file, scrubbed, in recording order. */
  onNote(note: TrafficNote): void;
}

export type TrafficRunResult = { ok: true; summary: TrafficSummary; truncated: number } | { ok: false; message: string };

/** Exchanges a share may read past the merge (whose reports this thread may hold). */
const WINDOW = 4096;

/**
 * Heap sizes of a worker. A worker's live data is small (its checkers, one entry, a batch of
 * reports), but V8 lets a heap grow far past that before collecting; a young generation of
 * 16 MB and an old-generation ceiling keep each worker's heap near its live data, and the ceiling
 * leaves room for several 10 MB bodies at once. Measured on 100,000 exchanges with two workers:
 * 8 MB of young generation 170 MB peak RSS and 5.7 s, 16 MB 186 MB and 5.2 s (fewer scavenges,
 * each promoting less), 32 MB 218 MB and no faster, no limit 272 MB and 4.9 s.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 128 };

/** Starts a worker: the compiled .js next to this module, or under vitest/tsx the .ts source through tsx's loader. */
function startWorker(data: WorkerRun): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./traffic-worker.js", here), { workerData: data, resourceLimits: WORKER_HEAP });
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(here).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(new URL("./traffic-worker.ts", here).href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData: data, resourceLimits: WORKER_HEAP });
}

/** Where an item goes in the recording: a report at its exchange's number, a note where its share placed it. */
const position = (item: ShareItem): number => ("report" in item ? item.report.index : item.at);

export async function checkTraffic(run: TrafficRun): Promise<TrafficRunResult> {
  const counter = createSummaryCounter();
  let truncated = 0;
  const note = (n: TrafficNote): void => {
    if (n.kind === "truncated") truncated++;
    run.onNote(n);
  };
  const share = { files: run.files, traffic: run.traffic, ...(run.shard ? { shard: run.shard } : {}) };
  if (run.workers <= 1) {
    const result = await checkShare(
      { ...share, share: { index: 0, count: 1 } },
      {
        async report(r) {
          counter.add(r);
          await run.onReport(r);
        },
        note,
        tick: () => undefined,
      },
    );
    return result.ok ? { ok: true, summary: { ...counter.summary, forgottenIds: result.summary.forgottenIds }, truncated } : result;
  }

  // Each worker's items in its order (which is recording order), and how far it has read: every
  // item at or before the lowest of those marks is known, and is handed on in recording order.
  const count = run.workers;
  const queues: ShareItem[][] = Array.from({ length: count }, () => []);
  const heads: number[] = new Array<number>(count).fill(0);
  const marks: number[] = new Array<number>(count).fill(0);
  const results: (ShareResult | undefined)[] = new Array<ShareResult | undefined>(count).fill(undefined);
  let failure: Error | undefined;
  /** Messages and failures so far: the merge waits only if none came while it was handing on. */
  const news = { count: 0 };
  let wake: (() => void) | undefined;
  const nudge = (): void => {
    news.count++;
    wake?.();
  };
  let upTo = WINDOW;
  const workers = Array.from({ length: count }, (_, w) => {
    const worker = startWorker({ ...share, share: { index: w, count }, upTo });
    worker.on("message", (m: FromWorker) => {
      const queue = queues[w]!;
      if (heads[w]! > 1024) {
        queue.splice(0, heads[w]);
        heads[w] = 0;
      }
      queue.push(...m.items);
      if ("done" in m) {
        results[w] = m.done;
        marks[w] = Infinity;
      } else marks[w] = m.watermark;
      nudge();
    });
    worker.on("error", (error) => {
      failure ??= error;
      nudge();
    });
    worker.on("exit", (code) => {
      if (results[w] === undefined) failure ??= new Error(`a traffic worker exited with code ${code} before it finished`);
      nudge();
    });
    return worker;
  });
  try {
    for (;;) {
      const seen = news.count;
      if (failure) throw failure;
      const known = Math.min(...marks);
      for (;;) {
        let next = -1;
        for (let w = 0; w < count; w++) {
          const item = queues[w]![heads[w]!];
          if (item && position(item) <= known && (next < 0 || position(item) < position(queues[next]![heads[next]!]!))) next = w;
        }
        if (next < 0) break;
        const item = queues[next]![heads[next]!]!;
        heads[next]!++;
        if ("report" in item) {
          counter.add(item.report);
          await run.onReport(item.report);
        } else note(item.note);
      }
      if (known === Infinity) break;
      if (known + WINDOW / 2 > upTo) {
        upTo = known + WINDOW;
        for (const worker of workers) worker.postMessage({ upTo } satisfies ToWorker);
      }
      if (news.count === seen) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
    // Every share stops at the same unreadable file; share 0's message is the one to show.
    const failed = results.find((r): r is Extract<ShareResult, { ok: false }> => r?.ok === false);
    if (failed) return failed;
    const forgottenIds = results.reduce((n, r) => n + (r?.ok ? r.summary.forgottenIds : 0), 0);
    return { ok: true, summary: { ...counter.summary, forgottenIds }, truncated };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

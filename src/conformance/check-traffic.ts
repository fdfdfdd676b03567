/**
 * Checks recorded traffic of any size, in this thread or on worker threads. This thread reads
 * the files in chunks and finds each entry's bytes (har-stream.ts); with workers, it reads each
 * entry's request line (har-entry-request.ts) to route it (traffic-route.ts: by the subject the
 * lifecycle check follows, so each id's observations stay in order on one checker, else by
 * position) and the worker parses and checks it (traffic-share.ts); the pool (traffic-pool.ts)
 * hands the reports on in recording order. No thread parses an entry another one checks, and the
 * findings are the same with any number of workers. `shard` keeps only one shard's exchanges
 * (routed the same way), so several machines can split a recording and their reports add up to
 * the whole one.
 *
 * Memory stays flat: the reader holds one chunk and its entries, at most a window of entries is
 * in flight to the workers, and nothing is kept of a report once it was handed on.
 */
import { readEntryRequestLine } from "./har-entry-request.js";
import { readHarEntryBatches } from "./har-stream.js";
import { createPiiMasker, Scrubber } from "./pii.js";
import { createShareChecker, type ShareItem, type ShareOptions, type TrafficNote } from "./traffic-share.js";
import { TrafficPool } from "./traffic-pool.js";
import { createTrafficRouter } from "./traffic-route.js";
import { createSummaryCounter, keyHash, shardOf, type ExchangeReport, type TrafficSummary } from "./traffic.js";

export interface TrafficRun {
  files: readonly string[];
  /** Plain data (it is sent to each worker). */
  traffic: ShareOptions;
  /** Check only the exchanges of shard `index` (0-based) of `count` (`--shard K/N`). */
  shard?: { index: number; count: number };
  /** Threads checking: this one and `workers − 1` worker threads (1: this thread alone). */
  workers: number;
  /** Each report, in recording order (awaited: a slow report file slows the run, it does not grow it). */
  onReport(report: ExchangeReport): void | Promise<void>;
  /** A skipped entry or a cut-off file, scrubbed, in recording order. */
  onNote(note: TrafficNote): void;
  /** Called when a worker thread is online (the CLI re-applies its heap settings: src/cli/steady-heap.ts). */
  onWorkerOnline?: () => void;
}

export type TrafficRunResult = { ok: true; summary: TrafficSummary; truncated: number } | { ok: false; message: string };

/**
 * What this thread's other duties (reading, routing, merging, reporting) cost, as a share of
 * checking everything: measured on 100,000 exchanges, about a quarter. With N checkers this
 * thread checks the share that evens out the threads' work: (1 − 0.25·(N − 1)) / N, so 37.5 % of
 * the exchanges with 2, 17 % with 3, none from 5 on.
 */
const MAIN_DUTIES = 0.25;

/** Which checker checks the exchanges of `key`: 0 this thread, 1… a worker thread (by a hash of its own, so --shard's does not decide it). */
function checkerFor(key: string, checkers: number): number {
  const main = Math.max(0, (1 - MAIN_DUTIES * (checkers - 1)) / checkers);
  const u = keyHash(`checker\u0000${key}`) / 2 ** 32;
  if (u < main) return 0;
  return 1 + Math.min(checkers - 2, Math.floor(((u - main) / (1 - main)) * (checkers - 1)));
}

export async function checkTraffic(run: TrafficRun): Promise<TrafficRunResult> {
  const counter = createSummaryCounter();
  let truncated = 0;
  const emit = (item: ShareItem): void | Promise<void> => {
    if ("report" in item) {
      counter.add(item.report);
      return run.onReport(item.report);
    }
    if (item.note.kind === "truncated") truncated++;
    run.onNote(item.note);
  };
  // Messages about a file name its path, which is masked as a report's text is.
  const masker = createPiiMasker(run.traffic.maskPii !== false);
  const scrub = (text: string): string => new Scrubber(masker).scrub(text);
  const { shard } = run;
  const router = shard || run.workers > 1 ? createTrafficRouter(run.traffic) : undefined;
  const pool = run.workers > 1 ? new TrafficPool(run.workers - 1, run.traffic, emit, run.onWorkerOnline) : undefined;
  const local = createShareChecker(run.traffic);
  try {
    let position = 0;
    for (const file of run.files) {
      for await (const batch of readHarEntryBatches(file)) {
        if (batch.kind === "invalid") return { ok: false, message: scrub(batch.message) };
        if (batch.kind === "truncated") {
          const note: ShareItem = { note: { kind: "truncated", file, message: scrub(batch.message) } };
          const wait = pool ? pool.ready(note) : emit(note);
          if (wait) await wait;
          continue;
        }
        for (const [i, bytes] of batch.entries.entries()) {
          position++;
          const key = router?.key(readEntryRequestLine(bytes), position);
          if (shard && shardOf(key!, shard.count) !== shard.index) continue;
          const checker = pool ? checkerFor(key!, run.workers) : 0;
          const item = checker === 0 ? local.check(bytes, position, batch.from + i, file) : undefined;
          const wait = !pool ? emit(item!) : item ? pool.ready(item) : pool.add(checker - 1, bytes, position, batch.from + i, file);
          if (wait) await wait;
        }
        pool?.flush();
      }
    }
    const summaries = [local.summary(), ...(pool ? await pool.finish() : [])];
    const forgottenIds = summaries.reduce((n, s) => n + s.forgottenIds, 0);
    return { ok: true, summary: { ...counter.summary, forgottenIds }, truncated };
  } finally {
    await pool?.close();
  }
}

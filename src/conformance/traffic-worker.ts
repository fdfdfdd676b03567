/**
 * A worker thread of `checkTraffic` (check-traffic.ts): one checker (traffic-share.ts) fed
 * batches of HAR entries by the main thread, which reads the files and routes each entry.
 * Messages in: a `ToWorker` batch (the entries' bytes, transferred, and where each one ends),
 * answered with `{ items }`: one item per entry, in order (as JSON); then `{ end: true }`, answered with
 * `{ done }`, this checker's summary.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createShareChecker, type ShareItem, type ShareOptions } from "./traffic-share.js";
import type { TrafficSummary } from "./traffic.js";

export interface EntryBatch {
  file: string;
  /** The entries' bytes, one after the other. */
  bytes: ArrayBuffer;
  /** Where each entry ends in `bytes`. */
  ends: Uint32Array;
  /** Each entry's 1-based position in the run. */
  positions: Float64Array;
  /** Each entry's 0-based index in its file. */
  entryIndexes: Float64Array;
}

export type ToWorker = { batch: EntryBatch } | { end: true };
/** `items`: the batch's items as one JSON text (cheaper to send and read than the objects themselves). */
export type FromWorker = { items: string } | { done: TrafficSummary };

const port = parentPort;
if (!port) throw new Error("traffic-worker.ts runs as a worker thread of checkTraffic (check-traffic.ts), not on its own.");
const share = createShareChecker(workerData as ShareOptions);
port.on("message", (message: ToWorker) => {
  if ("end" in message) {
    port.postMessage({ done: share.summary() } satisfies FromWorker);
    port.close();
    return;
  }
  const { file, bytes, ends, positions, entryIndexes } = message.batch;
  const all = Buffer.from(bytes);
  const items: ShareItem[] = [];
  let start = 0;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k]!;
    items.push(share.check(all.subarray(start, end), positions[k]!, entryIndexes[k]!, file));
    start = end;
  }
  port.postMessage({ items: JSON.stringify(items) } satisfies FromWorker);
});

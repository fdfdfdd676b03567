/**
 * A worker thread of `checkTraffic` (check-traffic.ts): one share of the check (traffic-share.ts),
 * reading the files itself. Messages out: `{ items, watermark }` (this share's reports and notes
 * in order; every item up to exchange `watermark` has been sent), finally `{ items, done }`.
 * Messages in: `{ upTo }`, how far the main thread lets it read ahead (it waits past that), so
 * no share runs far ahead of the others while the main thread holds its reports.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkShare, type ShareResult, type ShareRun, type TrafficNote } from "./traffic-share.js";
import type { ExchangeReport } from "./traffic.js";

export type ShareItem = { report: ExchangeReport } | { note: TrafficNote; at: number };
export type FromWorker = { items: ShareItem[]; watermark: number } | { items: ShareItem[]; done: ShareResult };
export interface ToWorker {
  upTo: number;
}
export interface WorkerRun extends ShareRun {
  /** How far it may read before the first `{ upTo }`. */
  upTo: number;
}

/** Reports per message at most; a message also goes every `FLUSH_EVERY` exchanges read, so the main thread's merge moves on. */
const BATCH = 256;
const FLUSH_EVERY = 1024;

const port = parentPort;
if (!port) throw new Error("traffic-worker.ts runs as a worker thread of checkTraffic (check-traffic.ts), not on its own.");
const run = workerData as WorkerRun;
let upTo = run.upTo;
let wake: (() => void) | undefined;
port.on("message", (message: ToWorker) => {
  upTo = Math.max(upTo, message.upTo);
  wake?.();
});
let items: ShareItem[] = [];
let posted = 0;
const post = (watermark: number): void => {
  port.postMessage({ items, watermark } satisfies FromWorker);
  items = [];
  posted = watermark;
};
const waitFor = async (index: number): Promise<void> => {
  post(index);
  while (index > upTo) await new Promise<void>((resolve) => (wake = resolve));
  wake = undefined;
};
const done = await checkShare(run, {
  report(report) {
    items.push({ report });
  },
  note(note, at) {
    items.push({ note, at });
  },
  tick(index) {
    if (index > upTo) return waitFor(index);
    if (items.length >= BATCH || index - posted >= FLUSH_EVERY) post(index);
  },
});
port.postMessage({ items, done } satisfies FromWorker);
port.close();

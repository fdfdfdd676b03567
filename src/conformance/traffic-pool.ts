/**
 * The worker threads of a traffic check (check-traffic.ts): entries are added with the worker
 * that checks them, sent in batches (their bytes copied once into a buffer that is transferred,
 * not cloned), and every worker's items come back in the order it was given its entries. The
 * pool hands every item on in the order the entries were added (notes of this thread among
 * them), so the output is in recording order whichever worker finished first.
 *
 * Memory stays flat: at most `WINDOW` entries are between `add` and being handed on; `add`
 * waits (returns a promise) while the window is full.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ShareItem, ShareOptions } from "./traffic-share.js";
import type { TrafficSummary } from "./traffic.js";
import type { EntryBatch, FromWorker, ToWorker } from "./traffic-worker.js";

/** Entries added but not yet handed on, at most. */
const WINDOW = 2048;
/** A worker's batch is sent at this many entries or bytes (and whenever the caller flushes). */
const BATCH_ENTRIES = 256;
const BATCH_BYTES = 1024 * 1024;

/**
 * Heap ceilings of a worker. A worker's live data is small (its checkers, a batch of entries and
 * their reports); the CLI keeps every heap near its live data (src/cli/steady-heap.ts), and these
 * bound a worker's heap whatever its host does. The old generation's ceiling leaves room for
 * several 10 MB bodies at once.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };

/** Starts a worker: the compiled .js next to this module, or under vitest/tsx the .ts source through tsx's loader. */
function startWorker(options: ShareOptions): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./traffic-worker.js", here), { workerData: options, resourceLimits: WORKER_HEAP });
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(here).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(new URL("./traffic-worker.ts", here).href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData: options, resourceLimits: WORKER_HEAP });
}

/** A queue read from the front (an array and a head index, compacted now and then). */
class Queue<T> {
  private items: T[] = [];
  private head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  peek(): T | undefined {
    return this.items[this.head];
  }
  shift(): T | undefined {
    const item = this.items[this.head];
    if (item === undefined) return undefined;
    this.head++;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

interface PendingBatch {
  file: string;
  entries: Buffer[];
  positions: number[];
  entryIndexes: number[];
  bytes: number;
}

/** Who gives the next item to hand on: a worker (its number), or this thread (the item itself: its own check's, or a note). */
type Source = number | { item: ShareItem };

export class TrafficPool {
  private readonly workers: Worker[];
  private readonly pending: (PendingBatch | undefined)[];
  private readonly results: Queue<ShareItem>[];
  private readonly order = new Queue<Source>();
  private readonly summaries: (TrafficSummary | undefined)[];
  private failure: Error | undefined;
  private draining = false;
  /** Waiting for room in the window, or for everything to be handed on. */
  private waiters: { room: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  /** `emit` is given every item in order, and awaited; `online` is called as each worker comes online. */
  constructor(
    count: number,
    options: ShareOptions,
    private readonly emit: (item: ShareItem) => void | Promise<void>,
    online?: () => void,
  ) {
    this.pending = new Array<PendingBatch | undefined>(count).fill(undefined);
    this.results = Array.from({ length: count }, () => new Queue<ShareItem>());
    this.summaries = new Array<TrafficSummary | undefined>(count).fill(undefined);
    this.workers = Array.from({ length: count }, (_, w) => {
      const worker = startWorker(options);
      if (online) worker.once("online", online);
      worker.on("message", (m: FromWorker) => {
        if ("done" in m) this.summaries[w] = m.done;
        else for (const item of JSON.parse(m.items) as ShareItem[]) this.results[w]!.push(item);
        this.wake();
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (this.summaries[w] === undefined) this.fail(new Error(`a traffic worker exited with code ${code} before it finished`));
      });
      return worker;
    });
  }

  get count(): number {
    return this.workers.length;
  }

  /** Adds entry `bytes` for worker `w`; a promise when the window is full (wait on it before adding more). */
  add(w: number, bytes: Buffer, position: number, entryIndex: number, file: string): Promise<void> | undefined {
    let batch = this.pending[w];
    if (batch && batch.file !== file) {
      this.send(w);
      batch = undefined;
    }
    if (!batch) this.pending[w] = batch = { file, entries: [], positions: [], entryIndexes: [], bytes: 0 };
    batch.entries.push(bytes);
    batch.positions.push(position);
    batch.entryIndexes.push(entryIndex);
    batch.bytes += bytes.length;
    this.order.push(w);
    if (batch.entries.length >= BATCH_ENTRIES || batch.bytes >= BATCH_BYTES) this.send(w);
    return this.order.length >= WINDOW ? this.until(WINDOW / 2) : undefined;
  }

  /** An item of this thread (its own check of an entry, a cut-off file's note), handed on after every entry added before it; a promise as for `add`. */
  ready(item: ShareItem): Promise<void> | undefined {
    this.order.push({ item });
    this.wake();
    return this.order.length >= WINDOW ? this.until(WINDOW / 2) : undefined;
  }

  /** Sends every worker's batch so far (after each chunk read: no worker waits on a batch that is not full). */
  flush(): void {
    for (let w = 0; w < this.workers.length; w++) this.send(w);
  }

  /** Hands everything on, then collects each worker's summary. */
  async finish(): Promise<TrafficSummary[]> {
    await this.until(0);
    for (const worker of this.workers) worker.postMessage({ end: true } satisfies ToWorker);
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (this.failure) reject(this.failure);
        else if (this.summaries.every((s) => s !== undefined)) resolve();
        else this.waiters.push({ room: -1, resolve: check, reject });
      };
      check();
    });
    return this.summaries as TrafficSummary[];
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(w: number): void {
    const batch = this.pending[w];
    if (!batch || batch.entries.length === 0) return;
    this.pending[w] = undefined;
    const bytes = new ArrayBuffer(batch.bytes);
    const view = Buffer.from(bytes);
    const ends = new Uint32Array(batch.entries.length);
    let at = 0;
    batch.entries.forEach((entry, k) => {
      entry.copy(view, at);
      at += entry.length;
      ends[k] = at;
    });
    const message: EntryBatch = { file: batch.file, bytes, ends, positions: Float64Array.from(batch.positions), entryIndexes: Float64Array.from(batch.entryIndexes) };
    this.workers[w]!.postMessage({ batch: message } satisfies ToWorker, [bytes]);
  }

  /** Resolves once at most `room` items wait to be handed on (rejects on a failure). Sends every batch first: an entry not sent is never handed on. */
  private until(room: number): Promise<void> {
    this.flush();
    return new Promise((resolve, reject) => {
      this.waiters.push({ room, resolve, reject });
      this.wake();
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  /** Hands on every item that is known, in order, then answers the waiters it can. */
  private wake(): void {
    if (this.draining) return;
    this.draining = true;
    void this.drain().then(
      () => {
        this.draining = false;
        this.answer();
      },
      (error: unknown) => {
        this.draining = false;
        this.fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  private async drain(): Promise<void> {
    while (!this.failure) {
      const source = this.order.peek();
      if (source === undefined) return;
      const item = typeof source === "number" ? this.results[source]!.shift() : source.item;
      if (item === undefined) return;
      this.order.shift();
      const done = this.emit(item);
      if (done) await done;
    }
  }

  private answer(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      if (this.failure) waiter.reject(this.failure);
      else if (waiter.room < 0) waiter.resolve();
      else if (this.order.length <= waiter.room) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }
}

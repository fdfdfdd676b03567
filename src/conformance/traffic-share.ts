/**
 * One checker's share of a traffic check (check-traffic.ts): it reads every file itself
 * (har-stream.ts: the entries' bytes found by a scanner, each entry parsed alone), numbers every
 * exchange as the whole run does, and checks only the exchanges of its share — those whose
 * method and path (`shardKey`) hash to it, within `--shard K/N` if one is given. Every share sees
 * the same entries in the same order, so the numbering, the cut-off files and the failures are
 * the same in each; only share 0 reports the notes (skipped entries, cut-off files), scrubbed of
 * every credential seen so far in any share's exchanges, as one thread would.
 *
 * It runs in this thread (`--workers 1`) or on a worker thread (traffic-worker.ts).
 */
import path from "node:path";
import { exchangeOfEntry, headerRecord, requestOfEntry } from "./har.js";
import { parseEntry, readHarEntryBatches } from "./har-stream.js";
import { createPiiMasker, credentialValues, Scrubber } from "./pii.js";
import { createTrafficChecker, shardKey, shardOf, type ExchangeReport, type TrafficOptions, type TrafficSummary } from "./traffic.js";

export interface TrafficNote {
  kind: "skipped" | "truncated";
  file: string;
  message: string;
}

export interface ShareRun {
  files: readonly string[];
  /** Plain data (it is sent to each worker). `keepReports` is always off. */
  traffic: Omit<TrafficOptions, "keepReports">;
  /** Check only the exchanges of shard `index` (0-based) of `count` (`--shard K/N`). */
  shard?: { index: number; count: number };
  /** This checker's share among `count` (0-based `index`); share 0 also reports the notes. */
  share: { index: number; count: number };
}

export interface ShareSink {
  /** A report of this share, in recording order. */
  report(report: ExchangeReport): void | Promise<void>;
  /** A note (share 0 only), at `at` in the run: n + 0.5 is after the n-th exchange. */
  note(note: TrafficNote, at: number): void;
  /** Called after every exchange with its number; a promise to wait on before reading on (the reader is ahead of the merge). */
  tick(index: number): void | Promise<void>;
}

export type ShareResult = { ok: true; summary: TrafficSummary } | { ok: false; message: string };

export async function checkShare(run: ShareRun, sink: ShareSink): Promise<ShareResult> {
  const traffic = createTrafficChecker({ ...run.traffic, keepReports: false });
  const notes = run.share.index === 0;
  // Notes (skipped entries name a URL) are scrubbed of every credential seen so far, as reports are.
  const masker = createPiiMasker(run.traffic.maskPii !== false);
  const scrubber = new Scrubber(masker);
  const scrub = (text: string): string => scrubber.scrub(masker.maskUrl(text));
  const split = run.shard !== undefined || run.share.count > 1;
  let index = 0;
  for (const file of run.files) {
    const name = path.basename(file);
    for await (const batch of readHarEntryBatches(file)) {
      if (batch.kind === "invalid") return { ok: false, message: scrub(batch.message) };
      if (batch.kind === "truncated") {
        if (notes) sink.note({ kind: "truncated", file, message: scrub(batch.message) }, index + 0.5);
        continue;
      }
      for (const [i, bytes] of batch.entries.entries()) {
        const entryIndex = batch.from + i;
        // Every share parses every entry: which entries are exchanges, and their numbers, are then the same in each.
        const parsed = parseEntry(bytes, entryIndex);
        const read = parsed.ok ? requestOfEntry(parsed.entry, entryIndex) : parsed;
        if (!read.ok) {
          if (notes) sink.note({ kind: "skipped", file, message: scrub(`${name}: ${read.reason}`) }, index + 0.5);
          continue;
        }
        index++;
        if (notes) scrubber.addSecrets(credentialValues(headerRecord(read.req.headers)));
        const key = split ? shardKey(read) : "";
        // Workers are chosen by another hash than --shard's, or one shard's keys would all land on one worker.
        const mine = (!run.shard || shardOf(key, run.shard.count) === run.shard.index) && (run.share.count === 1 || shardOf(`worker\u0000${key}`, run.share.count) === run.share.index);
        // Only this share's exchanges are read whole.
        const whole = mine && parsed.ok ? exchangeOfEntry(parsed.entry, entryIndex) : undefined;
        if (whole?.ok) {
          const done = sink.report(traffic.check(whole.exchange, index));
          if (done) await done;
        }
        const wait = sink.tick(index);
        if (wait) await wait;
      }
    }
  }
  return { ok: true, summary: traffic.summary() };
}

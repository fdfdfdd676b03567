/**
 * One checker of a traffic check (check-traffic.ts), in this thread (`--workers 1`) or on a
 * worker thread (traffic-worker.ts): it is given HAR entries as their bytes, each with its
 * position in the recording, parses each one alone and checks it. Every entry gives exactly one
 * item: the exchange's report (numbered by the entry's position, so the numbers do not depend on
 * which checker saw it) or a note saying why the entry was skipped.
 */
import path from "node:path";
import { isObject } from "../json.js";
import { exchangeOfEntry, headerRecord } from "./har.js";
import { parseEntry } from "./har-stream.js";
import { credentialValues } from "./pii.js";
import { createTrafficChecker, type ExchangeReport, type TrafficOptions, type TrafficSummary } from "./traffic.js";

export interface TrafficNote {
  kind: "skipped" | "truncated";
  file: string;
  message: string;
}

export type ShareItem = { report: ExchangeReport } | { note: TrafficNote };

/** What a checker is told of the run (plain data: it is sent to each worker). `keepReports` is always off. */
export type ShareOptions = Omit<TrafficOptions, "keepReports">;

export interface ShareChecker {
  /**
   * Checks the entry `bytes` of `file`: `position` is its 1-based place in the whole run (the
   * report's number), `entryIndex` its 0-based place in the file (how a skipped entry is named).
   */
  check(bytes: Buffer, position: number, entryIndex: number, file: string): ShareItem;
  summary(): TrafficSummary;
}

export function createShareChecker(options: ShareOptions): ShareChecker {
  const traffic = createTrafficChecker({ ...options, keepReports: false });
  return {
    check(bytes, position, entryIndex, file) {
      const parsed = parseEntry(bytes, entryIndex);
      const read = parsed.ok ? exchangeOfEntry(parsed.entry, entryIndex) : parsed;
      if (read.ok) return { report: traffic.check(read.exchange, position) };
      // A skipped entry's note names its URL: it is scrubbed of the entry's own credentials too.
      const request = parsed.ok && isObject(parsed.entry) ? parsed.entry.request : undefined;
      if (isObject(request)) traffic.scrubber.addSecrets(credentialValues(headerRecord(request.headers)));
      return { note: { kind: "skipped", file, message: traffic.scrub(`${path.basename(file)}: ${read.reason}`) } };
    },
    summary: () => traffic.summary(),
  };
}

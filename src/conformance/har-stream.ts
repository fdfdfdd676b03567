/**
 * HAR files of any size, read entry by entry: the file is read in chunks, `HarEntryScanner`
 * (har-scan.ts) finds each entry's bytes and `JSON.parse` reads one entry at a time (measured
 * against `@streamparser/json`, the full streaming tokenizer used before: see CHANGELOG.md), so
 * only one entry at a time is ever a JavaScript value. Each entry becomes an exchange through the
 * same `exchangeOfEntry` as `parseHar`.
 *
 * Items, in file order:
 * - `exchange`: an entry with a request and a response;
 * - `skipped`: an entry without a response (an aborted request) or without a request, or that is
 *   not JSON (the entries after it are read);
 * - `truncated`: the file ends (or breaks) inside the entries: every complete entry before it was
 *   yielded; this is what a recording cut off by a crash or SIGKILL looks like. Not an error.
 * - `invalid`: the file cannot be read, is not JSON, or has no `log.entries` array; nothing else
 *   is yielded for that file. The message names the file and says what to do.
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { exchangeOfEntry, NOT_A_HAR } from "./har.js";
import { HarEntryScanner } from "./har-scan.js";
import type { ObservedExchange } from "./traffic.js";

export type HarItem =
  | { kind: "exchange"; file: string; index: number; exchange: ObservedExchange }
  | { kind: "skipped"; file: string; index: number; reason: string }
  | { kind: "truncated"; file: string; entriesRead: number; message: string }
  | { kind: "invalid"; file: string; message: string };

/** Sorts recording segments in the order they were written: `session.har`, `session-2.har`, …, `session-10.har` (numbers compared as numbers). */
const segmentOrder = (a: string, b: string): number => {
  const key = (name: string): [string, number] => {
    const m = /^(.*?)(?:-(\d+))?\.har$/i.exec(name);
    return [m?.[1] ?? name, m?.[2] === undefined ? 1 : Number(m[2])];
  };
  const [sa, na] = key(a);
  const [sb, nb] = key(b);
  return sa < sb ? -1 : sa > sb ? 1 : na - nb;
};

/**
 * Files and folders → the .har files to read, in order: a file as given; a folder, its `.har`
 * files (not recursive) in name order with segments in the order they were written.
 */
export async function expandHarPaths(paths: readonly string[]): Promise<{ ok: true; files: string[] } | { ok: false; message: string }> {
  const files: string[] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    let info;
    try {
      info = await stat(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, message: `cannot read ${full}: ${code === "ENOENT" ? "no such file or folder" : (code ?? "unreadable")}.` };
    }
    if (info.isDirectory()) {
      let names: string[];
      try {
        names = await readdir(full);
      } catch (error) {
        return { ok: false, message: `cannot list the folder ${full}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}.` };
      }
      const hars = names.filter((n) => n.toLowerCase().endsWith(".har")).sort(segmentOrder);
      if (hars.length === 0) return { ok: false, message: `the folder ${full} holds no .har file; give the recordings' folder or the files themselves.` };
      files.push(...hars.map((n) => path.join(full, n)));
    } else {
      files.push(full);
    }
  }
  return { ok: true, files };
}

/** The bytes of the elements of a file's `log.entries` found in one chunk of it (the first is entry `from`, 0-based), or how the file ended (see {@link HarItem}). */
export type HarEntryBatch = { kind: "entries"; file: string; from: number; entries: Buffer[] } | Extract<HarItem, { kind: "truncated" | "invalid" }>;

/** Streams one file's entries as their bytes, a chunk's worth at a time (`HarEntryScanner` over the file read in chunks), for `parseEntry` to read. */
export async function* readHarEntryBatches(file: string): AsyncIterable<HarEntryBatch> {
  const scanner = new HarEntryScanner();
  let found: Buffer[] = [];
  const onEntry = (bytes: Buffer): void => void found.push(bytes);
  let index = 0;
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      scanner.write(chunk, onEntry);
      if (found.length > 0) {
        const entries = found;
        found = [];
        yield { kind: "entries", file, from: index, entries };
        index += entries.length;
      }
      if (scanner.done || scanner.failure !== undefined) break;
    }
    scanner.end();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === undefined) throw e;
    yield e.code === "EISDIR" ? { kind: "invalid", file, message: `${file} is a folder; give its path to read the .har files in it.` } : { kind: "invalid", file, message: `cannot read ${file}: ${e.code === "ENOENT" ? "no such file" : e.code}.` };
    return;
  } finally {
    stream.destroy();
  }
  if (!scanner.opened) {
    const failure = scanner.failure ?? (scanner.started && !scanner.done ? "the file ends before its top-level value does" : undefined);
    yield { kind: "invalid", file, message: failure ? `${file}: not valid JSON (${failure}); a HAR file is JSON with a top-level "log".` : `${file}: ${NOT_A_HAR}` };
  } else if (scanner.failure !== undefined || !scanner.done) {
    yield { kind: "truncated", file, entriesRead: index, message: `${file} ends after ${index} complete entr${index === 1 ? "y" : "ies"}: it was cut off (a recording stopped by a crash or SIGKILL) or is damaged after that point; every complete entry was read.` };
  }
}

/**
 * One entry's bytes parsed, or why not: an entry that is not JSON is skipped (named by its
 * 1-based position), and the entries after it are read. The parser's message is left out: it
 * quotes the entry, which may hold a credential or personal data.
 */
export function parseEntry(bytes: Buffer, index: number): { ok: true; entry: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, entry: JSON.parse(bytes.toString("utf8")) };
  } catch {
    return { ok: false, reason: `entry ${index + 1}: not valid JSON` };
  }
}

/** Streams one file's entries as exchanges (see the module comment for the items). */
export async function* readHarFile(file: string): AsyncIterable<HarItem> {
  for await (const batch of readHarEntryBatches(file)) {
    if (batch.kind !== "entries") {
      yield batch;
      continue;
    }
    for (const [i, bytes] of batch.entries.entries()) {
      const index = batch.from + i;
      const parsed = parseEntry(bytes, index);
      const read = parsed.ok ? exchangeOfEntry(parsed.entry, index) : parsed;
      yield read.ok ? { kind: "exchange", file, index, exchange: read.exchange } : { kind: "skipped", file, index, reason: read.reason };
    }
  }
}

/** Every file's items, file after file, in the order given. */
export async function* readHarFiles(files: readonly string[]): AsyncIterable<HarItem> {
  for (const file of files) yield* readHarFile(file);
}

/**
 * HAR files of any size, read entry by entry: the file is streamed through `@streamparser/json`
 * (chosen by measurement against whole-file `JSON.parse` and `stream-json`: see CHANGELOG.md),
 * and only one entry at a time is ever a JavaScript value. Each entry becomes an exchange through
 * the same `exchangeOfEntry` as `parseHar`.
 *
 * Items, in file order:
 * - `exchange`: an entry with a request and a response;
 * - `skipped`: an entry without a response (an aborted request) or without a request;
 * - `truncated`: the file ends (or breaks) inside the entries: every complete entry before it was
 *   yielded; this is what a recording cut off by a crash or SIGKILL looks like. Not an error.
 * - `invalid`: the file cannot be read, is not JSON, or has no `log.entries` array; nothing else
 *   is yielded for that file. The message names the file and says what to do.
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from "@streamparser/json";
import { exchangeOfEntry, NOT_A_HAR } from "./har.js";
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

/**
 * Watches the first tokens of a document until `log.entries` opens as an array (then the
 * tokens go straight to the parser): the difference between a HAR with no entries and JSON that
 * is no HAR at all.
 */
function entriesWatch(onOpened: () => void): (token: ParsedTokenInfo) => void {
  const containers: (string | undefined)[] = [];
  let lastString: string | undefined;
  let key: string | undefined;
  return (t) => {
    switch (t.token) {
      case TokenType.STRING:
        lastString = typeof t.value === "string" ? t.value : undefined;
        break;
      case TokenType.COLON:
        key = lastString;
        break;
      case TokenType.COMMA:
        key = undefined;
        break;
      case TokenType.LEFT_BRACKET:
        if (containers.length === 2 && containers[0] === undefined && containers[1] === "log" && key === "entries") onOpened();
        containers.push(key);
        key = undefined;
        break;
      case TokenType.LEFT_BRACE:
        containers.push(key);
        key = undefined;
        break;
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        containers.pop();
        break;
      case TokenType.TRUE:
      case TokenType.FALSE:
      case TokenType.NULL:
      case TokenType.NUMBER:
      case TokenType.SEPARATOR:
        break;
    }
  };
}

/** Streams one file's entries (see the module comment for the items). */
export async function* readHarFile(file: string): AsyncIterable<HarItem> {
  // Strings gathered in a byte buffer and decoded once: a recorded body is one JSON string full of
  // escapes, which the default builder joins piece by piece (measured: 100,000 entries read in
  // 2.7-2.9 s instead of 3.2-4.3 s).
  const tokenizer = new Tokenizer({ stringBufferSize: 4096 });
  const parser = new TokenParser({ paths: ["$.log.entries.*"], keepStack: false });
  // An object, not a `let`: set inside a callback, which control-flow analysis does not follow.
  const entries = { opened: false };
  const watch = entriesWatch(() => {
    entries.opened = true;
    tokenizer.onToken = (t) => parser.write(t);
  });
  tokenizer.onToken = (t) => {
    parser.write(t);
    watch(t);
  };
  let pending: HarItem[] = [];
  let index = 0;
  let failure: Error | undefined;
  parser.onValue = ({ value }) => {
    const read = exchangeOfEntry(value, index);
    pending.push(read.ok ? { kind: "exchange", file, index, exchange: read.exchange } : { kind: "skipped", file, index, reason: read.reason });
    index++;
  };
  const fail = (error: Error): void => {
    failure ??= error;
  };
  tokenizer.onError = fail;
  parser.onError = fail;
  // The parser ends itself after the top-level value; `end()` is for a stream that stops early.
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };

  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (failure || tokenizer.isEnded) break;
      tokenizer.write(chunk);
      if (pending.length > 0) {
        const out = pending;
        pending = [];
        yield* out;
      }
    }
    if (!failure && !tokenizer.isEnded) tokenizer.end();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code !== undefined) {
      yield* pending;
      yield e.code === "EISDIR" ? { kind: "invalid", file, message: `${file} is a folder; give its path to read the .har files in it.` } : { kind: "invalid", file, message: `cannot read ${file}: ${e.code === "ENOENT" ? "no such file" : e.code}.` };
      return;
    }
    fail(e);
  } finally {
    stream.destroy();
  }
  yield* pending;
  if (!entries.opened) {
    yield { kind: "invalid", file, message: failure ? `${file}: not valid JSON (${failure.message}); a HAR file is JSON with a top-level "log".` : `${file}: ${NOT_A_HAR}` };
  } else if (failure || !parser.isEnded) {
    yield { kind: "truncated", file, entriesRead: index, message: `${file} ends after ${index} complete entr${index === 1 ? "y" : "ies"}: it was cut off (a recording stopped by a crash or SIGKILL) or is damaged after that point; every complete entry was read.` };
  }
}

/** Every file's items, file after file, in the order given. */
export async function* readHarFiles(files: readonly string[]): AsyncIterable<HarItem> {
  for (const file of files) yield* readHarFile(file);
}

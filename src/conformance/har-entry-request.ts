/**
 * Reads an entry's request line (method, URL, the proxy's `_apiPath`) straight from the entry's
 * bytes, without parsing the entry: the keys of the entry object are read until `request`, whose
 * own keys are read until its method and url are known (and to its end when the entry has an
 * `_apiPath` anywhere); every other value is skipped by its brackets and strings. A recorder
 * writes the request line first, so this reads the first hundred bytes or so of an entry.
 *
 * It is how `checkTraffic` (check-traffic.ts) routes an entry to the thread that checks it before
 * any thread has parsed it. Routing only: nothing is checked from what is read here. Where it
 * can differ from `JSON.parse` (an entry with two `request` members, or a repeated method or url
 * after both were read; keys written with escapes) an entry goes elsewhere than its id's other
 * observations, never unchecked. Bytes it cannot read this way give undefined: the entry is
 * routed by its position, and the parse of the thread that checks it decides.
 */

import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, isSpace, OPEN_BRACE, OPEN_BRACKET, QUOTE } from "./json-bytes.js";

export interface EntryRequestLine {
  method: string;
  url: string;
  /** The request's path as the API saw it, when the recorder noted one (`_apiPath`, starting with "/"). */
  apiPath?: string;
}

const skipSpace = (b: Buffer, i: number): number => {
  while (i < b.length && isSpace(b[i]!)) i++;
  return i;
};

/** The index after the string that opens at `i` (a quote), or -1 when it does not close. A byte loop: the strings read here are short (keys, the request line, headers). */
function stringEnd(b: Buffer, i: number): number {
  const n = b.length;
  for (i++; i < n; i++) {
    const c = b[i]!;
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) i++;
  }
  return -1;
}

/** The index after the value that starts at `i` (strings and brackets followed, nothing validated), or -1. */
function valueEnd(b: Buffer, i: number): number {
  const first = b[i];
  if (first === QUOTE) return stringEnd(b, i);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    while (i < b.length) {
      const c = b[i]!;
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) return i;
      i++;
    }
    return i;
  }
  let depth = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c === QUOTE) {
      i = stringEnd(b, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
    i++;
  }
  return -1;
}

/** A JSON string token's text (escapes decoded only when there are any). */
function stringText(b: Buffer, from: number, end: number): string | undefined {
  const inner = b.subarray(from + 1, end - 1);
  if (!inner.includes(BACKSLASH)) return inner.toString("utf8");
  try {
    return JSON.parse(b.toString("utf8", from, end)) as string;
  } catch {
    return undefined;
  }
}

/** The keys this reader looks for (no other key is decoded). */
const KEYS = ["request", "method", "url", "_apiPath"] as const;
type Key = (typeof KEYS)[number];
const KEY_BYTES = KEYS.map((k) => Buffer.from(`"${k}"`));

/** Which of `KEYS` the key token `b[from..end)` is (written without escapes, as every recorder writes them), if any. */
function keyAt(b: Buffer, from: number, end: number): Key | undefined {
  const length = end - from;
  next: for (let k = 0; k < KEYS.length; k++) {
    const bytes = KEY_BYTES[k]!;
    if (bytes.length !== length) continue;
    for (let j = 1; j < length - 1; j++) if (b[from + j] !== bytes[j]) continue next;
    return KEYS[k];
  }
  return undefined;
}

/**
 * Walks the members of the object that opens at `i`, calling `member(key, valueStart)` for each
 * (`key`: one of `KEYS`, or undefined for any other); `member` answers true to stop there (before
 * the value is skipped). Returns false when the bytes are not an object of members this walk can read.
 */
function members(b: Buffer, i: number, member: (key: Key | undefined, from: number) => boolean): boolean {
  if (b[i] !== OPEN_BRACE) return false;
  i = skipSpace(b, i + 1);
  if (b[i] === CLOSE_BRACE) return true;
  for (;;) {
    if (b[i] !== QUOTE) return false;
    const keyEnd = stringEnd(b, i);
    if (keyEnd < 0) return false;
    const key = keyAt(b, i, keyEnd);
    i = skipSpace(b, keyEnd);
    if (b[i] !== COLON) return false;
    const from = skipSpace(b, i + 1);
    if (member(key, from)) return true;
    const end = valueEnd(b, from);
    if (end < 0 || end === from) return false;
    i = skipSpace(b, end);
    if (b[i] === CLOSE_BRACE) return true;
    if (b[i] !== COMMA) return false;
    i = skipSpace(b, i + 1);
  }
}

const API_PATH_KEY = Buffer.from('"_apiPath"');

/** The request line of an entry's bytes, or undefined when its first `request` has no string method and url (or the bytes cannot be read so). */
export function readEntryRequestLine(bytes: Buffer): EntryRequestLine | undefined {
  let line: EntryRequestLine | undefined;
  // Without an `_apiPath` anywhere in the entry (the usual case), the walk stops once the method and url are read.
  let apiPathKey: boolean | undefined;
  members(bytes, skipSpace(bytes, 0), (key, from) => {
    if (key !== "request") return false;
    const found: Partial<EntryRequestLine> = {};
    members(bytes, from, (name, start) => {
      if (name !== "method" && name !== "url" && name !== "_apiPath") return false;
      // A later member of the same name wins, as in JSON.parse; one that is not a string unsets it.
      const end = bytes[start] === QUOTE ? stringEnd(bytes, start) : -1;
      const text = end < 0 ? undefined : stringText(bytes, start, end);
      if (text === undefined) delete found[name === "_apiPath" ? "apiPath" : name];
      else if (name === "_apiPath") {
        // As the full parse reads it (har.ts requestOfEntry): only a path starting with "/".
        if (text.startsWith("/")) found.apiPath = text;
        else delete found.apiPath;
      } else found[name] = text;
      if (found.method === undefined || found.url === undefined) return false;
      apiPathKey ??= bytes.includes(API_PATH_KEY);
      return !apiPathKey;
    });
    if (found.method !== undefined && found.url !== undefined) line = { method: found.method, url: found.url, ...(found.apiPath === undefined ? {} : { apiPath: found.apiPath }) };
    return true;
  });
  return line;
}

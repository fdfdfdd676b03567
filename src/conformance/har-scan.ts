/**
 * Finds the entries of a HAR in its bytes without parsing the rest: a scanner fed the file chunk
 * by chunk that reads the document's structure only down to `log.entries` (the keys of the
 * top-level object and of `log`), then hands each element of `log.entries` on as the bytes of
 * one JSON value, for `JSON.parse` to read. Inside a value it tracks nesting, strings and escapes
 * only, so it costs a byte loop, not a tokenizer; an entry split across chunks is assembled, and
 * nothing larger than one entry is ever held.
 *
 * Values outside `log.entries` (`log.creator`, `log.pages`, …) are skipped by their brackets
 * and strings, not validated: only the entries are the recording. An entry whose bytes are not
 * JSON is the reader's to notice (`JSON.parse` fails on it).
 */

import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, isSpace, OPEN_BRACE, OPEN_BRACKET, QUOTE } from "./json-bytes.js";

/** The containers the scanner reads the keys of: the top-level object, `log`, and `log.entries`. */
type Frame = "top" | "log" | "entries";

const enum Expect {
  /** A value: the document, an object member's or an array element. */
  Value,
  /** A key, or the end of an object that may be empty. */
  KeyOrEnd,
  Key,
  Colon,
  CommaOrEnd,
  /** An element, or the end of an array that may be empty. */
  ValueOrEnd,
}

const enum Reading {
  Nothing,
  Key,
  Value,
}

const describe = (c: number): string => (c >= 0x20 && c < 0x7f ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16).padStart(2, "0")}`);

export class HarEntryScanner {
  /** `log.entries` was found, and is an array. */
  opened = false;
  /** The top-level value is complete (whatever follows it is not read). */
  done = false;
  /** Why the bytes are not a JSON document, once they are known not to be. */
  failure: string | undefined;

  private readonly stack: Frame[] = [];
  private expect = Expect.Value;
  private key = "";
  private reading = Reading.Nothing;
  /** Of the value being read: open brackets, inside a string, after a backslash, a number or literal. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private primitive = false;
  /** The value's bytes are kept (keys, entries and primitives: the rest is skipped). */
  private keep = false;
  private parts: Buffer[] = [];
  /** Bytes before the current chunk (for the position in a failure). */
  private offset = 0;
  /** Any byte other than white space was seen. */
  started = false;

  /** Reads `chunk`; each complete element of `log.entries` goes to `onEntry` as its bytes, in order. */
  write(chunk: Buffer, onEntry: (bytes: Buffer) => void): void {
    const n = chunk.length;
    let i = 0;
    let from = 0;
    // A value read up to the chunk's end still takes its bytes (the loop goes round once more, to keep them).
    while ((i < n || this.reading !== Reading.Nothing) && !this.done && this.failure === undefined) {
      if (this.reading !== Reading.Nothing) {
        const end = this.valueEnd(chunk, i);
        if (end < 0) {
          if (this.keep) this.parts.push(chunk.subarray(from, n));
          break;
        }
        const bytes = this.keep ? this.take(chunk.subarray(from, end)) : undefined;
        i = end;
        if (this.reading === Reading.Key) this.endKey(bytes!);
        else this.endValue(bytes, onEntry);
        continue;
      }
      const c = chunk[i]!;
      if (isSpace(c)) {
        i++;
        continue;
      }
      this.started = true;
      const frame = this.stack.at(-1);
      switch (this.expect) {
        case Expect.ValueOrEnd:
        case Expect.KeyOrEnd: {
          const array = this.expect === Expect.ValueOrEnd;
          if (c === (array ? CLOSE_BRACKET : CLOSE_BRACE)) {
            i++;
            this.close();
            continue;
          }
          this.expect = array ? Expect.Value : Expect.Key;
          continue;
        }
        case Expect.Key:
          if (c !== QUOTE) return this.fail(c, i, "a key");
          this.begin(Reading.Key, c, true);
          from = i;
          i++;
          continue;
        case Expect.Colon:
          if (c !== COLON) return this.fail(c, i, '":"');
          this.expect = Expect.Value;
          i++;
          continue;
        case Expect.CommaOrEnd:
          if (c === COMMA) {
            this.expect = frame === "entries" ? Expect.Value : Expect.Key;
            i++;
            continue;
          }
          if (c === (frame === "entries" ? CLOSE_BRACKET : CLOSE_BRACE)) {
            i++;
            this.close();
            continue;
          }
          return this.fail(c, i, frame === "entries" ? '"," or "]"' : '"," or "}"');
        case Expect.Value:
          if (frame === undefined && c === OPEN_BRACE) this.open("top", Expect.KeyOrEnd);
          else if (frame === "top" && this.key === "log" && c === OPEN_BRACE) this.open("log", Expect.KeyOrEnd);
          else if (frame === "log" && this.key === "entries" && c === OPEN_BRACKET) {
            this.open("entries", Expect.ValueOrEnd);
            this.opened = true;
          } else {
            const primitive = c !== OPEN_BRACE && c !== OPEN_BRACKET && c !== QUOTE;
            this.begin(Reading.Value, c, frame === "entries" || primitive);
            from = i;
            // A string or container's first byte is read here; a primitive's by valueEnd.
            if (!primitive) i++;
            continue;
          }
          i++;
          continue;
      }
    }
    this.offset += n;
  }

  /** The input ended: a number or literal that ran to the end of the file is complete. */
  end(): void {
    if (this.reading === Reading.Value && this.primitive && this.failure === undefined) this.endValue(this.take(Buffer.alloc(0)), () => undefined);
  }

  private open(frame: Frame, expect: Expect): void {
    this.stack.push(frame);
    this.expect = expect;
  }

  private close(): void {
    this.stack.pop();
    this.afterValue();
  }

  private afterValue(): void {
    if (this.stack.length === 0) this.done = true;
    else this.expect = Expect.CommaOrEnd;
  }

  private begin(reading: Reading, first: number, keep: boolean): void {
    this.reading = reading;
    this.keep = keep;
    this.primitive = first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE;
    this.depth = first === OPEN_BRACE || first === OPEN_BRACKET ? 1 : 0;
    this.inString = first === QUOTE;
    this.escaped = false;
  }

  private take(last: Buffer): Buffer {
    if (this.parts.length === 0) return last;
    this.parts.push(last);
    const whole = Buffer.concat(this.parts);
    this.parts = [];
    return whole;
  }

  /**
   * Where the value being read ends in `chunk` (the index after its last byte), scanning from
   * `i` (past its first byte unless it is a primitive), or -1 when it goes on past the chunk.
   */
  private valueEnd(chunk: Buffer, i: number): number {
    const n = chunk.length;
    if (this.primitive) {
      for (; i < n; i++) {
        const c = chunk[i]!;
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) return i;
      }
      return -1;
    }
    let depth = this.depth;
    let inString = this.inString;
    if (this.escaped && i < n) {
      this.escaped = false;
      i++;
    }
    // The next backslash at or after i (n: none in the rest of the chunk), found once per stretch, not once per string.
    let backslash = -1;
    while (i < n) {
      if (inString) {
        // Inside a string only a quote or a backslash matters: jump to the next quote, unless a backslash comes first.
        if (backslash < i) {
          backslash = chunk.indexOf(BACKSLASH, i);
          if (backslash < 0) backslash = n;
        }
        let quote = chunk.indexOf(QUOTE, i);
        if (quote < 0) quote = n;
        if (backslash < quote) {
          if (backslash + 1 >= n) {
            this.escaped = true;
            break;
          }
          i = backslash + 2;
          continue;
        }
        if (quote === n) break;
        inString = false;
        i = quote + 1;
        if (depth === 0) return this.finishRead(i);
        continue;
      }
      const c = chunk[i]!;
      i++;
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return this.finishRead(i);
      }
    }
    this.depth = depth;
    this.inString = inString;
    return -1;
  }

  private finishRead(end: number): number {
    this.depth = 0;
    this.inString = false;
    return end;
  }

  private endKey(bytes: Buffer): void {
    this.reading = Reading.Nothing;
    try {
      this.key = JSON.parse(bytes.toString("utf8")) as string;
    } catch {
      this.failure = `a key that is not a JSON string before byte ${this.offset}`;
      return;
    }
    this.expect = Expect.Colon;
  }

  private endValue(bytes: Buffer | undefined, onEntry: (bytes: Buffer) => void): void {
    this.reading = Reading.Nothing;
    if (this.stack.at(-1) === "entries") onEntry(bytes!);
    else if (this.primitive) {
      const text = bytes!.toString("utf8");
      try {
        JSON.parse(text);
      } catch {
        this.failure = `unexpected ${JSON.stringify(text.slice(0, 20))} near byte ${this.offset}`;
        return;
      }
    }
    this.afterValue();
  }

  private fail(c: number, i: number, wanted: string): void {
    this.failure = `unexpected ${describe(c)} at byte ${this.offset + i} where ${wanted} was expected`;
  }
}


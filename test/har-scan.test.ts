/**
 * The HAR entry scanner (src/conformance/har-scan.ts): the bytes of each element of
 * `log.entries`, whatever the chunks' boundaries cut through (strings, escapes, multi-byte
 * characters, brackets inside strings), nothing of what surrounds the entries, and where a
 * document stops being one.
 */
import { describe, expect, it } from "vitest";
import { HarEntryScanner } from "../src/conformance/har-scan.js";

/** Feeds `text` in chunks of `size` bytes; the entries parsed, and the scanner's state at the end. */
function scan(text: string, size: number): { entries: unknown[]; scanner: HarEntryScanner } {
  const bytes = Buffer.from(text, "utf8");
  const scanner = new HarEntryScanner();
  const entries: unknown[] = [];
  for (let i = 0; i < bytes.length && !scanner.done && scanner.failure === undefined; i += size) {
    scanner.write(bytes.subarray(i, i + size), (entry) => entries.push(JSON.parse(entry.toString("utf8"))));
  }
  scanner.end();
  return { entries, scanner };
}

// Everything that can fool a byte scanner: brackets and quotes inside strings, a backslash at the
// end of a string, multi-byte characters, an escaped key, values of every kind, white space.
const tricky = [
  "{",
  ' "creator" : { "name": "a ] } \\" [ {", "version": "1\\\\" } ,',
  ' "top": [1, -2.5e3, true, false, null, "x"], "log" : {',
  '   "pages": [ { "id": "p]}\\"{[", "title": "\\u00e9t\\u00e9 \\\\" } ],',
  '   "version": "1.2", "n": 12, "flag": true,',
  '   "\\u0065ntries" : [',
  '     { "request": { "method": "GET", "url": "https://x.test/a?q=]}" }, "response": { "status": 200, "content": { "text": "{\\"a\\":\\"b\\\\\\\\\\"}" } } } ,',
  '     {"request":{"method":"POST","url":"https://x.test/été/日本"},"response":{"status":201,"content":{"text":"\\\\"}}},',
  "     [ \"not an object\" ] , 42 , \"text\", null",
  "   ],",
  '   "after": { "x": [ "]" ] }',
  " }",
  "}",
  "   ",
].join("\n");

describe("HarEntryScanner on a well-formed document", () => {
  const expected = (JSON.parse(tricky) as { log: { entries: unknown[] } }).log.entries;

  it.each([1, 2, 3, 5, 7, 11, 16, 64, 4096])("chunks of %i bytes: every entry's bytes, and nothing else", (size) => {
    const { entries, scanner } = scan(tricky, size);
    // assert the entries JSON.parse finds (the key spelled with an escape is still "entries"), in order, and a finished document
    expect(entries).toEqual(expected);
    expect(scanner).toMatchObject({ opened: true, done: true, failure: undefined });
  });

  it("empty entries, and JSON that has no log.entries array", () => {
    // assert an empty array opens the entries and yields none; other shapes never open them
    expect(scan('{"log":{"entries":[]}}', 3)).toMatchObject({ entries: [], scanner: { opened: true, done: true } });
    for (const text of ['{"entries":[{"a":1}]}', '{"log":{"entries":{"a":[1]}}}', '[{"log":{"entries":[1]}}]', '"log"', "12", '{"log":[{"entries":[1]}]}']) {
      const { entries, scanner } = scan(text, 2);
      expect(entries).toEqual([]);
      expect(scanner).toMatchObject({ opened: false, done: true, failure: undefined });
    }
  });

  it("stops at the end of the document: what follows is not read", () => {
    const { entries, scanner } = scan('{"log":{"entries":[1]}} {"log":{"entries":[2]}}', 4);
    // assert only the first document's entry
    expect(entries).toEqual([1]);
    expect(scanner.done).toBe(true);
  });
});

describe("HarEntryScanner on what is cut off or not JSON", () => {
  it("a document cut anywhere inside the entries: the complete entries, not done, no failure", () => {
    const text = '{"log":{"entries":[{"a":"x\\"]"},{"b":[1,2]},{"c":3}]}}';
    for (let cut = text.indexOf("[") + 1; cut < text.length - 2; cut++) {
      const { entries, scanner } = scan(text.slice(0, cut), 5);
      const ends = ['{"a":"x\\"]"}', '{"b":[1,2]}', '{"c":3}'].map((entry) => text.indexOf(entry) + entry.length);
      const complete = [{ a: 'x"]' }, { b: [1, 2] }, { c: 3 }].filter((_, i) => cut >= ends[i]!);
      // assert the entries that ended before the cut, and an unfinished document
      expect(entries).toEqual(complete);
      expect(scanner).toMatchObject({ opened: true, done: false, failure: undefined });
    }
  });

  it.each([
    ["not JSON at all", "GET /api HTTP/1.1", false, 'unexpected "GET"'],
    ["a key that is not a string", '{log:{"entries":[]}}', false, 'unexpected "l" at byte 1 where a key was expected'],
    ["a missing colon", '{"log" {"entries":[]}}', false, 'where ":" was expected'],
    ["a missing comma between entries", '{"log":{"entries":[{"a":1} {"b":2}]}}', true, 'unexpected "{" at byte 27 where "," or "]" was expected'],
    ["a bad literal before the entries", '{"log":{"version":nope,"entries":[]}}', false, 'unexpected "nope"'],
  ])("%s: a failure naming what was found", (_, text, opened, message) => {
    const { scanner, entries } = scan(text, 3);
    // assert the failure, and whether the entries had been reached (the first entry before a missing comma was found)
    expect(scanner.failure).toContain(message);
    expect(scanner.opened).toBe(opened);
    expect(entries).toEqual(opened ? [{ a: 1 }] : []);
  });
});


/**
 * The streaming HAR reader (src/conformance/har-stream.ts): the same exchanges as `parseHar` on
 * a whole file, every complete entry of a cut-off recording then one `truncated` item, an
 * `invalid` item for what is not a HAR, and folders expanded to their segments in order.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { harDocument, harEntry, parseHar } from "../src/conformance/har.js";
import { expandHarPaths, readHarFile, readHarFiles, type HarItem } from "../src/conformance/har-stream.js";
import { createPiiMasker, Scrubber } from "../src/conformance/pii.js";
import type { ObservedExchange } from "../src/conformance/traffic.js";

const tmp = mkdtempSync(path.join(tmpdir(), "kyc-har-stream-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const masker = createPiiMasker(true);
const scrubber = new Scrubber(masker);
const exchange = (i: number): ObservedExchange => ({
  request: { method: "GET", url: `https://identity.myaza.app/api/kyc/status/ver_${i}`, headers: { accept: "application/json" } },
  response: { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ verificationId: `ver_${i}`, status: "pending", note: "a \"quoted\" ] } , value" }) },
  startedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, "0")}.000Z`,
  durationMs: i,
});
const har = (n: number, from = 0): string => harDocument(Array.from({ length: n }, (_, i) => harEntry(exchange(from + i), masker, scrubber)), "test");
const write = (name: string, text: string): string => {
  const file = path.join(tmp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};
const collect = async (items: AsyncIterable<HarItem>): Promise<HarItem[]> => {
  const out: HarItem[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe("readHarFile on a complete file", () => {
  it("yields the exchanges parseHar finds, in order, with 0-based indexes", async () => {
    const text = har(25);
    const file = write("complete.har", text);
    const items = await collect(readHarFile(file));
    const parsed = parseHar(text);
    if (!parsed.ok) throw new Error(parsed.message);
    // assert the same conversion as parseHar, entry by entry, and nothing else
    expect(items.map((i) => (i.kind === "exchange" ? i.exchange : i))).toEqual(parsed.exchanges);
    expect(items.map((i) => (i.kind === "exchange" ? i.index : -1))).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it("lists an entry without a response as skipped, and a HAR with no entries yields nothing", async () => {
    const entries = [harEntry(exchange(1), masker, scrubber), { request: { method: "GET", url: "https://x.test/a" }, response: { status: 0 } }];
    const items = await collect(readHarFile(write("aborted.har", JSON.stringify({ log: { version: "1.2", pages: [{ id: "p" }], entries } }))));
    // assert the aborted entry is named with its 1-based position, as parseHar does
    expect(items.map((i) => i.kind)).toEqual(["exchange", "skipped"]);
    expect(items[1]).toMatchObject({ kind: "skipped", index: 1, reason: "entry 2 (GET https://x.test/a): no response was recorded" });
    expect(await collect(readHarFile(write("empty.har", '{"log":{"version":"1.2","entries":[]}}')))).toEqual([]);
  });
});

describe("readHarFile on a cut-off recording", () => {
  it.each([
    ["mid-entry", 0.6],
    ["just after an entry", -1],
  ])("%s: every complete entry, then one truncated item", async (_, where) => {
    const text = har(10);
    const cut = where < 0 ? text.indexOf(",\n", text.indexOf("ver_6")) : Math.floor(text.length * where);
    const complete = parseHar(text);
    if (!complete.ok) throw new Error(complete.message);
    const items = await collect(readHarFile(write(`cut-${where}.har`, text.slice(0, cut))));
    const exchanges = items.filter((i) => i.kind === "exchange");
    // assert a prefix of the complete file's exchanges, and the truncation last, counting them
    expect(exchanges.length).toBeGreaterThan(0);
    expect(exchanges.map((i) => i.exchange)).toEqual(complete.exchanges.slice(0, exchanges.length));
    expect(items.at(-1)).toMatchObject({ kind: "truncated", entriesRead: exchanges.length });
    expect(items.filter((i) => i.kind === "truncated")).toHaveLength(1);
    if (where < 0) expect(exchanges).toHaveLength(7);
  });
});

describe("readHarFile on an entry that is not JSON", () => {
  it("skips that entry, naming it, and reads the entries after it", async () => {
    const [first, second, third] = [0, 1, 2].map((i) => JSON.stringify(harEntry(exchange(i), masker, scrubber)));
    const damaged = second!.replace('"status":200', '"status":2OO');
    const file = write("damaged.har", `{"log":{"version":"1.2","entries":[${first},${damaged},${third}]}}`);
    const items = await collect(readHarFile(file));
    // assert the entries around the damaged one, which is skipped by its 1-based position; no truncation
    expect(items.map((i) => i.kind)).toEqual(["exchange", "skipped", "exchange"]);
    expect(items[1]).toEqual({ kind: "skipped", file, index: 1, reason: "entry 2: not valid JSON" });
    expect(items[2]).toMatchObject({ kind: "exchange", index: 2 });
  });
});

describe("readHarFile on what is not a HAR", () => {
  it.each([
    ["JSON without log.entries", '{"hello":"world"}', 'no "log.entries" array: this is not a HAR file'],
    ["log.entries that is not an array", '{"log":{"entries":{}}}', 'no "log.entries" array'],
    ["entries outside log", '{"entries":[{"request":{}}]}', 'no "log.entries" array'],
    ["not JSON", "GET /api HTTP/1.1", "not valid JSON"],
    ["an empty file", "", 'no "log.entries" array'],
  ])("%s: one invalid item naming the file", async (name, text, message) => {
    const file = write(`${name.replace(/\W+/g, "-")}.har`, text);
    const items = await collect(readHarFile(file));
    // assert one invalid item, its message naming the file and the problem
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "invalid", file });
    expect((items[0] as { message: string }).message).toContain(file);
    expect((items[0] as { message: string }).message).toContain(message);
  });

  it("a missing file and a folder are invalid items, not exceptions", async () => {
    const missing = await collect(readHarFile(path.join(tmp, "missing.har")));
    expect(missing).toEqual([{ kind: "invalid", file: path.join(tmp, "missing.har"), message: `cannot read ${path.join(tmp, "missing.har")}: no such file.` }]);
    const folder = await collect(readHarFile(tmp));
    expect(folder[0]).toMatchObject({ kind: "invalid", message: `${tmp} is a folder; give its path to read the .har files in it.` });
  });
});

describe("expandHarPaths and readHarFiles", () => {
  it("a folder: its .har files in segment order (session, session-2, …, session-10), other files ignored", async () => {
    const dir = path.join(tmp, "segments");
    for (const n of [10, 1, 2, 9]) write(path.join("segments", n === 1 ? "session.har" : `session-${n}.har`), har(1, n));
    write(path.join("segments", "notes.txt"), "not a recording");
    write(path.join("segments", "another.har"), har(1, 99));
    const single = write("single.har", har(1, 50));
    const expanded = await expandHarPaths([single, dir]);
    // assert files as given, then the folder's: name order, segments numerically
    expect(expanded).toEqual({ ok: true, files: [single, ...["another.har", "session.har", "session-2.har", "session-9.har", "session-10.har"].map((n) => path.join(dir, n))] });
    if (!expanded.ok) return;
    const items = await collect(readHarFiles(expanded.files));
    // assert every file's entries, file after file
    expect(items.map((i) => (i.kind === "exchange" ? i.exchange.request.url.split("/").at(-1) : i.kind))).toEqual(["ver_50", "ver_99", "ver_1", "ver_2", "ver_9", "ver_10"]);
  });

  it("a missing path or a folder without recordings is a failure naming it", async () => {
    const missing = path.join(tmp, "nowhere");
    expect(await expandHarPaths([missing])).toEqual({ ok: false, message: `cannot read ${missing}: no such file or folder.` });
    const empty = path.join(tmp, "no-recordings");
    mkdirSync(empty);
    expect(await expandHarPaths([empty])).toEqual({ ok: false, message: `the folder ${empty} holds no .har file; give the recordings' folder or the files themselves.` });
  });
});

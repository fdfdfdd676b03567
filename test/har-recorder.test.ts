/**
 * openHarRecorder's handling of the path it is given: a missing folder is created, an earlier
 * recording is never overwritten, and a path that cannot be a file says what to do. (Rolling
 * segments and SIGKILL are tested through the proxy: test/proxy-cli.test.ts.)
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHarRecorder } from "../src/conformance/har-recorder.js";
import { readHarFile } from "../src/conformance/har-stream.js";
import type { HarEntry } from "../src/conformance/har.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "kyc-recorder-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const entry = (n: number): HarEntry => ({
  startedDateTime: "2026-05-01T10:00:00.000Z",
  time: 1,
  request: { method: "GET", url: `https://identity.myaza.app/api/kyc/status/ver_${n}`, httpVersion: "HTTP/1.1", headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: -1 },
  response: { status: 404, statusText: "", httpVersion: "HTTP/1.1", headers: [], cookies: [], content: { size: 2, mimeType: "application/json", text: "{}" }, redirectURL: "", headersSize: -1, bodySize: -1 },
  cache: {},
  timings: { send: 0, wait: 1, receive: 0 },
});

async function entriesIn(file: string): Promise<number> {
  let n = 0;
  for await (const item of readHarFile(file)) if (item.kind === "exchange") n++;
  return n;
}

describe("openHarRecorder: the recording's path", () => {
  it("creates a missing folder and records into it", async () => {
    const file = path.join(dir, "new", "deeper", "session.har");
    const opened = await openHarRecorder({ file, version: "test", segment: 2 });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    for (let i = 0; i < 3; i++) opened.recorder.add(entry(i));
    const closed = await opened.recorder.close();
    // assert two segments, every entry readable
    expect(closed.files.map((f) => path.basename(f))).toEqual(["session.har", "session-2.har"]);
    expect((await entriesIn(closed.files[0]!)) + (await entriesIn(closed.files[1]!))).toBe(3);
  });

  it("refuses to overwrite an earlier recording, naming its files, and leaves them as they were", async () => {
    const folder = path.join(dir, "earlier");
    await mkdir(folder);
    await writeFile(path.join(folder, "session.har"), "first");
    await writeFile(path.join(folder, "session-2.har"), "second");
    await writeFile(path.join(folder, "other.har"), "unrelated");
    const opened = await openHarRecorder({ file: path.join(folder, "session.har"), version: "test" });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.message).toMatch(/already holds a recording at that name \(session-2\.har, session\.har\); move it away or choose another --record path/);
    expect(await readFile(path.join(folder, "session.har"), "utf8")).toBe("first");
    // assert a stale later segment alone also counts
    await rm(path.join(folder, "session.har"));
    const again = await openHarRecorder({ file: path.join(folder, "session.har"), version: "test" });
    expect(again.ok).toBe(false);
    // assert a different stem is free
    const other = await openHarRecorder({ file: path.join(folder, "sess.har"), version: "test" });
    expect(other.ok).toBe(true);
    if (other.ok) await other.recorder.close();
  });

  it("says to name a file when the path is a folder", async () => {
    const folder = path.join(dir, "a-folder.har");
    await mkdir(folder);
    const opened = await openHarRecorder({ file: folder, version: "test" });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.message).toBe(`cannot write the recording ${folder}: it is a folder. Give a file name inside it, e.g. ${path.join(folder, "session.har")}.`);
  });
});

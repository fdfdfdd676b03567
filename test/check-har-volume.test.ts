/**
 * `kyc-contracts check-har` at volume: many files and folders as one stream with one summary,
 * lifecycle followed across files, a cut-off recording checked with a warning, workers and
 * `--shard K/N` giving the findings of one thread, `--specs DIR`, and the bounded lifecycle
 * state. The recording is the twins' real answers (bench/recording.ts) arranged so that some
 * ids go verified → pending (a lifecycle violation) with other ids' exchanges in between.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingTemplates, writeRecording } from "../bench/recording.js";
import { harDocument, harEntry, harHead, type HarEntry } from "../src/conformance/har.js";
import { createPiiMasker, Scrubber } from "../src/conformance/pii.js";
import type { ExchangeReport, ObservedExchange, TrafficSummary } from "../src/conformance/traffic.js";
import { runCli } from "./helpers/cli.js";
import { copySpecWithEdit } from "./support/spec-copy.js";

const tmp = mkdtempSync(path.join(tmpdir(), "kyc-check-har-volume-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface JsonReport {
  exchanges: ExchangeReport[];
  summary: TrafficSummary;
}

const masker = createPiiMasker(true);
const scrubber = new Scrubber(masker);
let entries: HarEntry[] = [];
/** Users whose last observation goes back from verified to pending. */
const BROKEN_USERS = [3, 17, 40];
const USERS = 60;

beforeAll(async () => {
  const templates = await recordingTemplates();
  const pending = templates.find((t) => t.id === "ver_twin_pending")!;
  const verified = templates.find((t) => t.id === "ver_twin_verified")!;
  const others = templates.filter((t) => !t.id.startsWith("ver_twin"));
  const as = (t: (typeof templates)[number], id: string): ObservedExchange => {
    const swap = (s: string): string => s.split(t.id).join(id);
    return { ...t.exchange, request: { ...t.exchange.request, url: swap(t.exchange.request.url) }, response: { ...t.exchange.response, body: swap(t.exchange.response.body) } };
  };
  const exchanges: ObservedExchange[] = [];
  // Round after round over every user, other providers' traffic and an unmatched request in between.
  for (let round = 0; round < 3; round++) {
    for (let u = 0; u < USERS; u++) {
      const id = `ver_user${u}`;
      const t = round === 0 ? pending : round === 1 ? verified : BROKEN_USERS.includes(u) ? pending : verified;
      exchanges.push(as(t, id));
      exchanges.push(as(others[(u + round) % others.length]!, `${others[(u + round) % others.length]!.id}0${u}`));
      if (u % 20 === 0) exchanges.push({ ...pending.exchange, request: { ...pending.exchange.request, url: "https://twin.example.test/favicon.ico" } });
    }
  }
  entries = exchanges.map((x) => harEntry(x, masker, scrubber));
});

const write = (name: string, list: readonly HarEntry[]): string => {
  const file = path.join(tmp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, harDocument(list, "test"));
  return file;
};

/** Runs check-har with the json reporter; the report file is read back. */
async function jsonRun(...args: string[]): Promise<{ code: number; err: string; report: JsonReport }> {
  const out = path.join(tmp, `report-${Math.random().toString(36).slice(2)}.json`);
  const r = await runCli("check-har", ...args, "--reporter", "json", "--output", out);
  return { code: r.code, err: r.err, report: JSON.parse(readFileSync(out, "utf8")) as JsonReport };
}

const lifecycleFindings = (report: JsonReport): [number, string][] =>
  report.exchanges.flatMap((e) => e.violations.filter((v) => v.check === "lifecycle-transition").map((v): [number, string] => [e.index, v.message]));

describe("check-har on the test recording (one file, one thread)", () => {
  it("finds exactly the broken users' verified → pending, naming both exchanges", async () => {
    const file = write("all.har", entries);
    const { code, report } = await jsonRun(file, "--workers", "1");
    // assert one lifecycle violation per broken user, nothing else failing; unmatched listed
    expect(code).toBe(1);
    const findings = lifecycleFindings(report);
    expect(findings.map(([, m]) => /GET \S+\/(ver_user\d+) went from verified/.exec(m)?.[1])).toEqual(BROKEN_USERS.map((u) => `ver_user${u}`));
    expect(findings[0]![1]).toMatch(/went from verified \(exchange \d+\) to pending \(exchange \d+\)/);
    expect(report.summary).toMatchObject({ exchanges: entries.length, failed: BROKEN_USERS.length, unmatched: 9, forgottenIds: 0 });
    expect(report.exchanges.map((e) => e.index)).toEqual(entries.map((_, i) => i + 1));
  });
});

describe("check-har PATH…: files and folders as one stream", () => {
  it("a folder of segments and the same entries as separate files give the single file's report", async () => {
    const whole = await jsonRun(write("whole.har", entries), "--workers", "1");
    // split into 11 segments named as the proxy names them; a lifecycle violation spans files
    const per = Math.ceil(entries.length / 11);
    const dir = path.join(tmp, "session");
    for (let k = 0; k < 11; k++) write(path.join("session", k === 0 ? "session.har" : `session-${k + 1}.har`), entries.slice(k * per, (k + 1) * per));
    const folder = await jsonRun(dir, "--workers", "1");
    // assert the same exchanges, indexes and findings as the single file: segment 10 came after 9, not after 1
    expect(folder.report).toEqual(whole.report);
    const files = readdirSync(dir).map((f) => path.join(dir, f));
    const listed = await jsonRun(...files.sort(), "--workers", "1");
    // assert files given in plain name order (session-10 before session-2) are read in that order: findings change
    expect(lifecycleFindings(listed.report)).not.toEqual(lifecycleFindings(whole.report));
  });

  it("a cut-off recording: every complete entry is checked, with a warning, not an error", async () => {
    const text = harDocument(entries, "test");
    const file = path.join(tmp, "killed.har");
    writeFileSync(file, text.slice(0, Math.floor(text.length * 0.9)));
    const { code, err, report } = await jsonRun(file, "--workers", "1");
    // assert a prefix of the exchanges was checked, the last broken user's finding among them, and a warning said so
    expect(report.summary.exchanges).toBeGreaterThan(entries.length * 0.85);
    expect(report.summary.exchanges).toBeLessThan(entries.length);
    expect(err).toContain(`kyc-contracts check-har: warning: ${file} ends after ${report.summary.exchanges} complete entries`);
    expect(err).toContain("1 file(s) were cut off");
    expect(code).toBe(1);
    // assert a recording cut just after its head checks clean: nothing to check, exit 0
    const empty = path.join(tmp, "killed-early.har");
    writeFileSync(empty, harHead("test"));
    const r = await runCli("check-har", empty);
    expect(r.err).toContain("ends after 0 complete entries");
    expect(r.code).toBe(0);
  });

  it("unreadable paths and files that are not HAR: exit 2 naming them, no report file left", async () => {
    const missing = path.join(tmp, "missing.har");
    const r1 = await runCli("check-har", write("ok.har", entries.slice(0, 3)), missing);
    expect(r1.err).toContain(`cannot read ${missing}: no such file or folder.`);
    expect(r1.code).toBe(2);
    // assert an input error says what to do itself: no "see --help" pointer, which would not help
    expect(r1.err).not.toContain("--help");
    const noSpecs = await runCli("check-har", path.join(tmp, "ok.har"), "--specs", path.join(tmp, "no-specs-here"));
    expect(noSpecs.err).toMatch(/^kyc-contracts check-har: --specs: .*no-specs-here/);
    expect(noSpecs.err).not.toContain("--help");
    expect(noSpecs.code).toBe(2);
    const notHar = path.join(tmp, "notes.har");
    writeFileSync(notHar, '{"notes":[]}');
    const out = path.join(tmp, "never.json");
    const r2 = await runCli("check-har", path.join(tmp, "ok.har"), notHar, "--reporter", "json", "--output", out);
    expect(r2.err).toContain(`${notHar}: no "log.entries" array`);
    expect(r2.code).toBe(2);
    expect(readdirSync(tmp)).not.toContain("never.json");
    // assert the same with workers, which each read the files: the message once, no report file
    const r2w = await runCli("check-har", path.join(tmp, "ok.har"), notHar, "--workers", "2", "--reporter", "json", "--output", out);
    expect(r2w.err.split(`${notHar}: no "log.entries" array`)).toHaveLength(2);
    expect(r2w.code).toBe(2);
    expect(readdirSync(tmp)).not.toContain("never.json");
    const emptyDir = path.join(tmp, "empty-folder");
    mkdirSync(emptyDir);
    const r3 = await runCli("check-har", emptyDir);
    expect(r3.err).toContain(`the folder ${emptyDir} holds no .har file`);
    expect(r3.code).toBe(2);
  });
});

describe("workers and shards", () => {
  it("--workers 3 gives the report of --workers 1 (json and junit identical)", async () => {
    const file = write("workers.har", entries);
    const one = await jsonRun(file, "--workers", "1");
    const three = await jsonRun(file, "--workers", "3");
    // assert identical reports: findings, indexes, order, summary
    expect(three.report).toEqual(one.report);
    expect(lifecycleFindings(three.report)).toHaveLength(BROKEN_USERS.length);
    const junit = async (workers: string): Promise<string> => {
      const out = path.join(tmp, `junit-${workers}.xml`);
      await runCli("check-har", file, "--workers", workers, "--reporter", "junit", "--output", out);
      return readFileSync(out, "utf8");
    };
    const xml = await junit("1");
    expect(xml).toMatch(/<testsuites name="check-har workers.har" tests="\d+" failures="3" skipped="9">/);
    expect(await junit("2")).toBe(xml);
  });

  it("a folder of segments with aborted entries, an entry that is not JSON and a cut-off last segment gives one thread's report and notes with workers, each note once", async () => {
    const aborted = (e: HarEntry): HarEntry => ({ ...e, response: { ...e.response, status: 0 } });
    const dir = path.join(tmp, "killed-session");
    const per = Math.ceil(entries.length / 3);
    for (let k = 0; k < 3; k++) {
      const list = entries.slice(k * per, (k + 1) * per);
      list.splice(5, 0, aborted(list[4]!));
      const file = write(path.join("killed-session", k === 0 ? "session.har" : `session-${k + 1}.har`), list);
      if (k === 2) writeFileSync(file, harDocument(list, "test").slice(0, -400));
      // segment 2's first entry is not JSON: skipped with a note, the entries after it read
      if (k === 1) writeFileSync(file, harDocument(list, "test").replace('"redirectURL":""', '"redirectURL":nope'));
    }
    const one = await jsonRun(dir, "--workers", "1");
    const two = await jsonRun(dir, "--workers", "2");
    // assert the same report, and the same stderr: three skipped entries and one cut-off file, in recording order, once each
    expect(two.report).toEqual(one.report);
    const notes = (err: string): string => err.replace(/report written to \S+/, "");
    expect(notes(two.err)).toBe(notes(one.err));
    expect(one.err.match(/skipped session(-\d)?\.har: entry 6 \(GET [^)]+\): no response was recorded/g)).toHaveLength(3);
    expect(one.err.match(/warning: \S+session-3\.har ends after \d+ complete entries/g)).toHaveLength(1);
    expect(one.err).toContain("skipped session-2.har: entry 1: not valid JSON");
    expect(lifecycleFindings(one.report).length).toBeGreaterThan(0);
    // assert a report is numbered by its entry's place in the recording: the skipped entries keep their numbers
    expect(one.report.exchanges[4]!.index).toBe(5);
    expect(one.report.exchanges[5]!.index).toBe(7);
    expect((await jsonRun(dir, "--workers", "3")).report).toEqual(one.report);
  });

  it("--shard K/N: the shards' reports add up to the unsharded one", async () => {
    const file = write("shards.har", entries);
    const whole = (await jsonRun(file, "--workers", "1")).report;
    const shards = await Promise.all(["1/3", "2/3", "3/3"].map(async (s) => (await jsonRun(file, "--shard", s, "--workers", s === "2/3" ? "2" : "1")).report));
    // assert every exchange is in exactly one shard, with the same report as unsharded
    expect(shards.every((s) => s.exchanges.length > 0)).toBe(true);
    expect(shards.flatMap((s) => s.exchanges).sort((a, b) => a.index - b.index)).toEqual(whole.exchanges);
    // assert the summaries' counts add up
    const sum = (key: "exchanges" | "checked" | "passed" | "failed" | "unmatched"): number => shards.reduce((n, s) => n + s.summary[key], 0);
    expect({ exchanges: sum("exchanges"), checked: sum("checked"), passed: sum("passed"), failed: sum("failed"), unmatched: sum("unmatched") }).toEqual({
      exchanges: whole.summary.exchanges,
      checked: whole.summary.checked,
      passed: whole.summary.passed,
      failed: whole.summary.failed,
      unmatched: whole.summary.unmatched,
    });
  });

  it("more entries than may be in flight to the workers at once (2,600 > 2,048): --workers 2 gives --workers 1's report", async () => {
    const file = path.join(tmp, "window.har");
    await writeRecording(file, 2600, 40);
    const one = await jsonRun(file, "--workers", "1");
    const two = await jsonRun(file, "--workers", "2");
    // assert every exchange, in order, with the same findings
    expect(one.report.summary.exchanges).toBe(2600);
    expect(two.report).toEqual(one.report);
  });

  it("--shard K/N keeps each id's observations in one shard, and spreads the traffic no lifecycle follows (BTC Direct's one path)", async () => {
    const file = write("spread.har", entries);
    const shards = await Promise.all(["1/2", "2/2"].map(async (s) => (await jsonRun(file, "--shard", s, "--workers", "1")).report));
    const subjects = shards.map((s) => new Set(s.exchanges.filter((e) => e.provider !== undefined && e.provider !== "btc-direct").map((e) => `${e.method} ${e.path}`)));
    // assert no subject of a checked lifecycle is in both shards, and both hold some
    expect([...subjects[0]!].filter((k) => subjects[1]!.has(k))).toEqual([]);
    expect(subjects.every((s) => s.size > 0)).toBe(true);
    // assert BTC Direct's exchanges (one path for every user) are in both shards, about evenly
    const btc = shards.map((s) => s.exchanges.filter((e) => e.provider === "btc-direct").length);
    expect(Math.min(...btc)).toBeGreaterThan((btc[0]! + btc[1]!) / 4);
  });

  it.each([
    [["--workers", "0"], '--workers must be a whole number of at least 1, not "0"'],
    [["--shard", "4/3"], "--shard must be K/N with 1 ≤ K ≤ N"],
    [["--shard", "1"], "--shard must be K/N"],
    [["--lifecycle-ids", "x"], '--lifecycle-ids must be a whole number of at least 1, not "x"'],
  ])("usage: %j", async (args, message) => {
    const r = await runCli("check-har", "x.har", ...args);
    expect(r.err).toContain(message);
    expect(r.code).toBe(2);
  });
});

describe("bounded lifecycle state", () => {
  it("--lifecycle-ids: past the limit the least recently seen ids are forgotten and counted (and their transitions not compared)", async () => {
    const file = write("bounded.har", entries);
    const { report, code } = await jsonRun(file, "--workers", "1", "--lifecycle-ids", "10");
    // assert 60 users cycling through 10 slots: every one forgotten before its next observation
    expect(report.summary.forgottenIds).toBeGreaterThan(0);
    expect(lifecycleFindings(report)).toEqual([]);
    expect(code).toBe(0);
    const human = await runCli("check-har", file, "--workers", "1", "--lifecycle-ids", "10");
    expect(human.out).toContain(`${report.summary.forgottenIds} id(s) were forgotten by the lifecycle check`);
  });
});

describe("--specs DIR", () => {
  it("checks against the specs in DIR: a stricter lifecycle there finds more; missing provider named", async () => {
    const specs = copySpecWithEdit(path.join(tmp, "specs"), "myaza", { file: "components/schemas/VerificationStatusResponse.yaml", from: "to: [verified, failed, not_found, error]", to: "to: [failed, not_found, error]" });
    const file = write("specs.har", entries);
    const { report } = await jsonRun(file, "--workers", "2", "--specs", specs);
    // assert every user's pending → verified is now a violation, and only myaza (the one spec in DIR) is checked
    expect(lifecycleFindings(report).filter(([, m]) => /from pending .* to verified/.test(m))).toHaveLength(USERS);
    expect(Object.keys(report.summary.byProvider)).toEqual(["myaza"]);
    const r = await runCli("check-har", file, "--specs", specs, "--provider", "proof");
    expect(r.err).toContain(`has no spec for proof`);
    expect(r.code).toBe(2);
  });
});

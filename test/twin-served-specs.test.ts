/**
 * Twin fixtures, and records set at run time, are checked against the specs the twins serve
 * (`mock --engine twin --specs DIR`, the `specs` option of startTwins / createTwin), not the
 * bundled ones, and so are the built-in fixtures of a provider whose spec is DIR's. DIR is a copy
 * of openapi/myaza with its status values edited: `on_hold` added (with a named example),
 * `not_found` removed, or `on_hold` added without an example.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkFixtures, createTwin, startTwins, TwinFixturesError, type TwinFixtures } from "../src/twin/index.js";
import { readSpecsDir } from "../src/spec/source.js";
import type { OpenApiDocument } from "../src/spec/load.js";
import { runUntilStopped } from "./helpers/cli.js";
import { copySpecWithEdit, type SpecEdit } from "./support/spec-copy.js";
import { freePortRange, isListening } from "./support/processes.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

const PENDING = "components/schemas/PendingVerificationStatus.yaml";
const STATUS_PATH = "paths/api_kyc_status_{verificationId}.yaml";
const addOnHold: SpecEdit = { file: PENDING, from: "enum: [pending]", to: "enum: [pending, on_hold]" };
const onHoldExample: SpecEdit = {
  file: STATUS_PATH,
  from: "          examples:\n            pending:\n",
  to: "          examples:\n            on_hold:\n              summary: Held for manual review\n              value:\n                verificationId: ver_01j9x2m4k7p8q3r5s6t9v0w1y2\n                status: on_hold\n                createdAt: '2026-04-27T12:00:00.000Z'\n            pending:\n",
};
const removeNotFound: SpecEdit = { file: "components/schemas/FailedVerificationStatus.yaml", from: "enum: [failed, not_found]", to: "enum: [failed]" };

/** A `--specs DIR` holding Myaza's spec with `edits` made. */
const specsDir = (edits: readonly SpecEdit[]): string => copySpecWithEdit(tempDir("twin-specs-dir-"), "myaza", edits);
const myazaSpecIn = async (dir: string): Promise<OpenApiDocument> => {
  const read = await readSpecsDir(dir);
  if (!read.ok || !read.specs.myaza) throw new Error(`no myaza spec in ${dir}`);
  return read.specs.myaza;
};

const myazaFixtures = (status: string, extra: Record<string, string> = {}): TwinFixtures => ({ myaza: { keys: { sk_test_acme: "acme" }, records: { ver_1: { organization: "acme", status, ...extra } } } }) as TwinFixtures;
const fixturesFile = (fixtures: TwinFixtures): string => {
  const file = path.join(tempDir("twin-specs-fixtures-"), "fixtures.json");
  writeFileSync(file, JSON.stringify(fixtures));
  return file;
};
const statusCall = (base: string, id: string) => fetch(`${base}/api/kyc/status/${id}`, { headers: { Authorization: "Bearer sk_test_acme" } });

describe("mock --engine twin --fixtures FILE --specs DIR: a status value DIR adds", () => {
  it("starts with fixtures using it, serves it, and a record set through PUT /__twin/records/{id} may use it too", async () => {
    const dir = specsDir([addOnHold, onHoldExample]);
    const file = fixturesFile(myazaFixtures("on_hold"));
    const [port] = [await freePortRange(1)];
    let served: unknown;
    let put: { status: number; body: unknown } | undefined;
    let putServed: unknown;
    const r = await runUntilStopped(["mock", "--engine", "twin", "--providers", "myaza", "--port", `myaza=${port}`, "--fixtures", file, "--specs", dir], async () => {
      const base = `http://127.0.0.1:${port}`;
      served = await (await statusCall(base, "ver_1")).json();
      const res = await fetch(`${base}/__twin/records/ver_2`, { method: "PUT", body: JSON.stringify({ organization: "acme", status: "on_hold" }) });
      put = { status: res.status, body: await res.json() };
      putServed = await (await statusCall(base, "ver_2")).json();
      return "SIGINT";
    });
    expect(r.code, r.err).toBe(0);
    // assert the fixtures passed against DIR's spec and the twin served the value only DIR documents
    expect(served).toMatchObject({ verificationId: "ver_1", status: "on_hold" });
    // assert the control API checks records against DIR's spec too
    expect(put?.status).toBe(200);
    expect(putServed).toMatchObject({ verificationId: "ver_2", status: "on_hold" });
    expect(r.out).toContain("ver_1  on_hold (acme)");
    expect(isListening(port)).toBe(false);
  });

  it("without --specs the same file is refused, naming the field (exit 2, nothing starts)", async () => {
    const file = fixturesFile(myazaFixtures("on_hold"));
    const r = await runUntilStopped(["mock", "--engine", "twin", "--providers", "myaza", "--fixtures", file]); // (had it started, it would fail at once)
    expect(r.code).toBe(2);
    // assert the bundled spec does not know the value, and the message names the field and the values allowed
    expect(r.err).toContain(`Invalid twin fixtures (${file}): myaza.records.ver_1.status must be one of "pending", "verified", "failed", "not_found", "error" (got "on_hold").`);
    // assert no mention of --specs when the bundled specs were used
    expect(r.err).not.toContain("checked against");
  });
});

describe("mock --engine twin --fixtures FILE --specs DIR: a status value DIR removes", () => {
  it("refuses fixtures using it, and the message names DIR as the specs checked against (exit 2)", async () => {
    const dir = specsDir([removeNotFound]);
    const file = fixturesFile(myazaFixtures("not_found", { reasonCode: "identity_not_found" }));
    const r = await runUntilStopped(["mock", "--engine", "twin", "--providers", "myaza", "--fixtures", file, "--specs", dir]); // (had it started, it would fail at once)
    expect(r.code).toBe(2);
    // assert DIR's values are the ones listed, and the user is told which specs those are
    expect(r.err).toContain(`myaza.records.ver_1.status must be one of "pending", "verified", "failed", "error" (got "not_found").`);
    expect(r.err).toContain(`The fixtures were checked against the specs in ${dir} (--specs), not the bundled ones.`);
  });

  it("the bundled specs still accept that file (the check above is DIR's)", async () => {
    const file = fixturesFile(myazaFixtures("not_found", { reasonCode: "identity_not_found" }));
    const [port] = [await freePortRange(1)];
    let served: unknown;
    const r = await runUntilStopped(["mock", "--engine", "twin", "--providers", "myaza", "--port", `myaza=${port}`, "--fixtures", file], async () => {
      served = await (await statusCall(`http://127.0.0.1:${port}`, "ver_1")).json();
      return "SIGINT";
    });
    expect(r.code, r.err).toBe(0);
    expect(served).toMatchObject({ status: "not_found", reasonCode: "identity_not_found" });
  });
});

describe("mock --engine twin --specs DIR without --fixtures: the built-in fixtures are checked against DIR too", () => {
  it("refuses to serve a built-in record whose status DIR removed, naming the record, DIR and what to do (exit 2)", async () => {
    const dir = specsDir([removeNotFound]);
    const r = await runUntilStopped(["mock", "--engine", "twin", "--providers", "myaza", "--specs", dir]); // (had it started, it would fail at once)
    expect(r.code).toBe(2);
    // assert the user learns it is the built-in record, which values DIR allows, and to give their own section
    expect(r.err).toContain(`the built-in myaza fixtures do not fit the myaza spec served: myaza.records.ver_twin_not_found.status must be one of "pending", "verified", "failed", "error" (got "not_found"). Give a myaza section in the fixtures, with records that spec allows.`);
    expect(r.err).toContain(`The fixtures were checked against the specs in ${dir} (--specs), not the bundled ones.`);
  });
});

describe("startTwins / createTwin with specs: fixtures and records follow the specs served", () => {
  it("createTwin without fixtures checks the built-in ones against the served spec: refused where it dropped a status they use, taken where it only adds one", async () => {
    const removed = await myazaSpecIn(specsDir([removeNotFound]));
    expect(() => createTwin("myaza", { specs: { myaza: removed } })).toThrow(TwinFixturesError);
    // assert a section of its own replaces the built-in one (only what is used is checked)
    expect(() => createTwin("myaza", { fixtures: myazaFixtures("pending"), specs: { myaza: removed } })).not.toThrow();
    const added = await myazaSpecIn(specsDir([addOnHold, onHoldExample]));
    expect(() => createTwin("myaza", { specs: { myaza: added } })).not.toThrow();
  });

  it("startTwins with a fixtures file refuses a value the served spec removed (TwinFixturesError naming the field) and leaves nothing listening", async () => {
    const myaza = await myazaSpecIn(specsDir([removeNotFound]));
    const file = fixturesFile(myazaFixtures("not_found", { reasonCode: "identity_not_found" }));
    const port = await freePortRange(1);
    const started = startTwins({ providers: ["myaza"], ports: { myaza: port }, fixtures: file, specs: { myaza } });
    await expect(started).rejects.toBeInstanceOf(TwinFixturesError);
    await expect(started).rejects.toMatchObject({ code: "invalid-fixtures", field: "myaza.records.ver_1.status" });
    expect(isListening(port)).toBe(false);
  });

  it("a twin's set() checks against its served spec: DIR's twin refuses not_found, the bundled twin takes it", async () => {
    const myaza = await myazaSpecIn(specsDir([removeNotFound]));
    const record = { organization: "acme", status: "not_found", reasonCode: "identity_not_found" } as const;
    const served = createTwin("myaza", { fixtures: myazaFixtures("pending"), specs: { myaza } });
    expect(() => served.set("ver_2", record)).toThrow(/myaza\.records\.ver_2\.status must be one of "pending", "verified", "failed", "error" \(got "not_found"\)/);
    // assert the bundled twin, in the same process, is not affected by DIR's checks (one cache per spec document)
    const bundled = createTwin("myaza", { fixtures: myazaFixtures("pending") });
    expect(() => bundled.set("ver_2", record)).not.toThrow();
  });

  it("checkFixtures checks against the specs given, else the bundled ones, one after the other in one process", async () => {
    const myaza = await myazaSpecIn(specsDir([addOnHold, onHoldExample]));
    const fixtures = myazaFixtures("on_hold");
    // assert: bundled refuses, DIR's accepts, bundled still refuses (no validator shared between the two)
    expect(checkFixtures(fixtures)).toMatchObject({ ok: false, problem: { field: "myaza.records.ver_1.status" } });
    expect(checkFixtures(fixtures, { specs: { myaza } })).toMatchObject({ ok: true });
    expect(checkFixtures(fixtures)).toMatchObject({ ok: false, problem: { field: "myaza.records.ver_1.status" } });
  });

  it("a status value the served spec lists but has no named example of is refused (the twin would have no body to serve)", async () => {
    const myaza = await myazaSpecIn(specsDir([addOnHold]));
    const check = checkFixtures(myazaFixtures("on_hold"), { specs: { myaza } });
    expect(check).toEqual({
      ok: false,
      problem: { field: "myaza.records.ver_1.status", message: `myaza.records.ver_1.status is "on_hold", which the myaza spec has no named 200 example of, so the twin has no body to serve: add an example with that status to the spec, or use another status.` },
    });
    // assert a step of a record is checked too
    const stepped = checkFixtures({ myaza: { keys: { k: "acme" }, records: { ver_1: { organization: "acme", status: "pending", then: [{ afterCalls: 1, status: "on_hold" }] } } } }, { specs: { myaza } });
    expect(stepped).toMatchObject({ ok: false, problem: { field: "myaza.records.ver_1.then[0].status" } });
  });
});

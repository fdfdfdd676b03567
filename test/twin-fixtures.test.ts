/** Twin fixtures: the JSON Schema built from the specs, one clear error per bad file, YAML and JSON files. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { checkFixtures, defaultFixtures, fixturesSchema, loadFixturesFile, TwinError, type TwinFixtures } from "../src/twin/index.js";
import { createAjv } from "../src/spec/validator.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(tmpdir(), "twin-fixtures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const myaza = (records: object, extra: object = {}) => ({ myaza: { keys: { pk_test_a: "acme" }, records, ...extra } }) as unknown as TwinFixtures;

describe("the fixtures schema", () => {
  it("is what generated/twin-fixtures.schema.json holds (the file the package exports), and a valid 2020-12 schema", () => {
    const file = JSON.parse(readFileSync(path.join(root, "generated", "twin-fixtures.schema.json"), "utf8")) as unknown;
    expect(file).toEqual(fixturesSchema());
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { exports: Record<string, unknown> };
    expect(pkg.exports["./twin/fixtures.schema.json"]).toBe("./generated/twin-fixtures.schema.json");
    expect(() => createAjv().compile(fixturesSchema())).not.toThrow();
  });
  it("takes status values from the specs", () => {
    const schema = JSON.stringify(fixturesSchema());
    for (const status of ["not_started", "not_found", "rejected", "outstanding_requirements", "ER999".toLowerCase()]) expect(schema).toContain(status === "er999" ? "er999_general_error" : status);
  });
  it("accepts the built-in defaults", () => {
    expect(checkFixtures(defaultFixtures())).toMatchObject({ ok: true });
  });
});

describe("a bad fixture is one error naming the field", () => {
  it.each([
    ["an unknown status", myaza({ ver_1: { organization: "acme", status: "approved" } }), "myaza.records.ver_1.status", 'must be one of "pending", "verified", "failed", "not_found", "error" (got "approved")'],
    ["an unknown field", myaza({ ver_1: { organization: "acme", status: "pending", colour: "red" } }), "myaza.records.ver_1.colour", "is not a known field (allowed: organization, status, reasonCode"],
    ["a missing field", myaza({ ver_1: { status: "pending" } }), "myaza.records.ver_1.organization", "is required"],
    ["an id that breaks the spec's pattern", myaza({ x_1: { organization: "acme", status: "pending" } }), "myaza.records.x_1", 'the key "x_1" must match ^ver_'],
    ["an organization no key belongs to", myaza({ ver_1: { organization: "globex", status: "pending" } }), "myaza.records.ver_1.organization", 'is "globex", which no key in myaza.keys belongs to'],
    ["an unknown reasonCode without a reason", myaza({ ver_1: { organization: "acme", status: "failed", reasonCode: "new_code" } }), "myaza.records.ver_1.reason", 'no failed example with reasonCode "new_code"'],
    ["a step without a trigger", myaza({ ver_1: { organization: "acme", status: "pending", then: [{ status: "verified" }] } }), "myaza.records.ver_1.then[0]", "needs exactly one of afterCalls or afterMs"],
    ["a step with both triggers", myaza({ ver_1: { organization: "acme", status: "pending", then: [{ afterCalls: 1, afterMs: 5, status: "verified" }] } }), "myaza.records.ver_1.then[0]", "(it has both)"],
    ["a step the spec's lifecycle forbids", myaza({ ver_1: { organization: "acme", status: "failed", reasonCode: "selfie_mismatch", then: [{ afterCalls: 1, status: "verified" }] } }), "myaza.records.ver_1.then[0].status", "failed → verified cannot happen (failed is final in the spec"],
    ["a step the spec's lifecycle forbids, after another step", { proof: { tokens: ["t"], records: { u: { status: "pending", then: [{ afterCalls: 1, status: "verified" }, { afterCalls: 2, status: "not_started" }] } } } }, "proof.records.u.then[1].status", "verified → not_started cannot happen"],
    ["a step to an unknown status", myaza({ ver_1: { organization: "acme", status: "pending", then: [{ afterCalls: 1, status: "done" }] } }), "myaza.records.ver_1.then[0].status", "must be one of"],
    ["webhooks without a secret", myaza({ ver_1: { organization: "acme", status: "pending", webhooks: { endpoints: ["http://127.0.0.1:4020/"] } } }), "myaza.records.ver_1.webhooks.secret", "is required"],
    ["a webhook endpoint that is not an http(s) URL", myaza({ ver_1: { organization: "acme", status: "pending", webhooks: { endpoints: ["ftp://x"], secret: "s" } } }), "myaza.records.ver_1.webhooks.endpoints[0]", "must match"],
    ["webhooks in a transition", myaza({ ver_1: { organization: "acme", status: "pending", then: [{ afterCalls: 1, webhooks: { endpoints: ["http://x/"], secret: "s" } }] } }), "myaza.records.ver_1.then[0].webhooks", "is not a known field"],
    ["an undocumented fault status", myaza({}, { faults: [{ status: 503 }] }), "myaza.faults[0].status", "must be one of 500"],
    ["a fault of two kinds", myaza({}, { faults: [{ hang: true, reset: true }] }), "myaza.faults[0]", "has hang and reset"],
    ["a fault that does nothing", myaza({}, { faults: [{ onCall: 2 }] }), "myaza.faults[0]", "does nothing"],
    ["a latency over the bound", myaza({}, { faults: [{ latencyMs: 600_000 }] }), "myaza.faults[0].latencyMs", "must be <= 60000"],
    ["a fault example of another status", { proof: { tokens: ["t"], records: {}, faults: [{ status: 500, example: "provider_error" }] } }, "proof.faults[0].example", 'is not an example of HTTP 500'],
    ["a wrong type", { proof: { tokens: "t", records: {} } }, "proof.tokens", "must be array"],
    ["an unknown provider", { paypal: {} }, "paypal", "is not a known field (allowed: $schema, proof, btc-direct, nyota-imara, myaza)"],
    ["a BTC Direct identifier too short", { "btc-direct": { apiKeys: ["k"], records: { short: { example: "fully_verified" } } } }, "btc-direct.records.short", "must match ^[A-Za-z0-9-]{36,255}$"],
    ["a BTC Direct record with neither example nor requirements", { "btc-direct": { apiKeys: ["k"], records: { ["a".repeat(36)]: {} } } }, `btc-direct.records.${"a".repeat(36)}`, "needs exactly one of example"],
    ["a BTC Direct requirement the spec rejects", { "btc-direct": { apiKeys: ["k"], records: { ["a".repeat(36)]: { requirements: [{ name: "x" }] } } } }, `btc-direct.records.${"a".repeat(36)}.requirements[0].status`, "is required"],
    ["Nyota Imara's `me` as a record id", { "nyota-imara": { tokens: {}, records: { me: { status: "none" } } } }, "nyota-imara.records.me", "cannot be used as a key"],
    ["a Nyota Imara date that is not a date", { "nyota-imara": { tokens: {}, records: { usr_1: { status: "verified", verifiedAt: "yesterday" } } } }, "nyota-imara.records.usr_1.verifiedAt", 'must match format "date-time"'],
  ])("%s", (_, fixtures, field, text) => {
    const result = checkFixtures(fixtures);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.field).toBe(field);
    expect(result.problem.message).toContain(text);
    expect(result.problem.message.startsWith(field)).toBe(true);
  });
});

describe("fixtures files", () => {
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  it("reads YAML and JSON; providers left out keep the defaults", async () => {
    const fixtures = myaza({ ver_1: { organization: "acme", status: "verified" } });
    for (const file of [write("f.yaml", stringify(fixtures)), write("f.json", JSON.stringify(fixtures))]) {
      const loaded = await loadFixturesFile(file);
      expect(loaded.myaza.records).toEqual({ ver_1: { organization: "acme", status: "verified" } });
      expect(loaded.proof).toEqual(defaultFixtures().proof);
    }
  });
  it.each([
    ["missing.yaml", undefined, "fixtures-unreadable", "does not exist"],
    ["broken.yaml", "myaza: [unclosed", "fixtures-unreadable", "is not valid YAML"],
    ["broken.json", "{", "fixtures-unreadable", "is not valid JSON"],
    ["empty.yaml", "", "fixtures-unreadable", "is empty"],
    ["bad.yaml", stringify(myaza({ ver_1: { organization: "acme", status: "approved" } })), "invalid-fixtures", "bad.yaml): myaza.records.ver_1.status must be one of"],
  ])("%s → one TwinError (%s)", async (name, text, code, message) => {
    const file = text === undefined ? path.join(dir, name) : write(name, text);
    const error = (await loadFixturesFile(file).catch((e: unknown) => e)) as TwinError;
    expect(error).toBeInstanceOf(TwinError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
    expect(error.message.split("\n")).toHaveLength(1);
    // assert a whole sentence: no dangling colon where the parser's excerpt was cut off
    expect(error.message).toMatch(/[.)]$/);
    if (name === "broken.yaml") expect(error.message).toContain("at line 1, column 17. Correct the file there");
    if (code === "invalid-fixtures") expect(error.field).toBe("myaza.records.ver_1.status");
  });
});

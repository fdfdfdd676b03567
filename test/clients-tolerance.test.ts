/**
 * Tolerant clients (src/clients/tolerance.ts): the fields the normalized status is built from are
 * checked strictly; any other deviation from the spec is a warning on the success result, with
 * its pointer and keyword. The conformance checker stays strict on the same bodies.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createBtcDirectClient, createMyazaClient, createNyotaImaraClient, createProofClient } from "../src/index.js";
import { coreSchema } from "../src/clients/tolerance.js";
import { createConformanceChecker, type ConformanceChecker } from "../src/conformance/index.js";
import fc from "fast-check";
import { myazaClientContract } from "../generated/myaza-client.js";
import { loadSpec, type OpenApiDocument } from "../src/spec/index.js";
import { exclusiveBranch, unionPlan } from "../src/spec/union.js";
import { specView } from "../src/twin/spec-view.js";
import { BASE_URL, recordingFetch, TOKEN, USER_ID } from "./helpers/clients.js";

const answer = (body: unknown) => recordingFetch(() => Response.json(body)).fetch;
const nyota = (body: unknown) => createNyotaImaraClient({ baseUrl: BASE_URL, token: TOKEN, fetch: answer(body) }).getKycStatus("me");
const myaza = (body: unknown) => createMyazaClient({ baseUrl: BASE_URL, apiKey: TOKEN, fetch: answer(body) }).getKycStatus("ver_01");
const proof = (body: unknown) => createProofClient({ baseUrl: BASE_URL, clientToken: TOKEN, fetch: answer(body) }).getKycStatus("u1");
const btc = (body: unknown) => createBtcDirectClient({ baseUrl: BASE_URL, apiKey: TOKEN, userIdentifier: USER_ID, fetch: answer(body) }).getKycStatus();

const url = "https://storage.example.com/doc?X-Amz-Expires=900";
const pendingRecord = {
  userId: "usr_01",
  userInfo: { email: "a@example.com", name: "A" },
  idNumber: "12345678",
  status: "pending",
  documents: { idFrontUrl: url, passportPhotoUrl: url },
  verifiedAt: null,
  rejectionReason: null,
  submittedAt: "2025-04-20T08:30:00.000Z",
};

describe("tolerated: the status is returned, the deviation is a warning", () => {
  it("Nyota Imara: a pending record without idBackUrl", async () => {
    const result = await nyota({ success: true, data: pendingRecord });
    expect(result).toMatchObject({ ok: true, kyc: { state: "pending", rawStatus: "pending" } });
    expect(result.ok && result.warnings).toEqual([{ pointer: "/data/documents/idBackUrl", keyword: "required", message: "must have required property 'idBackUrl'" }]);
  });

  it("Nyota Imara: a record without documents at all still has a documentsExpireAt (now: nothing to keep)", async () => {
    const { documents: _documents, ...withoutDocuments } = pendingRecord;
    const before = Date.now();
    const result = await nyota({ success: true, data: withoutDocuments });
    expect(result.ok && result.warnings).toEqual([{ pointer: "/data/documents", keyword: "required", message: "must have required property 'documents'" }]);
    expect(result.ok && result.documentsExpireAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("Myaza: a failed verification without completedAt, warned from the failed branch only", async () => {
    const result = await myaza({ verificationId: "ver_01", status: "failed", createdAt: "2026-04-27T12:00:00.000Z", reason: "Blurry.", reasonCode: "document_blurry" });
    expect(result).toMatchObject({ ok: true, kyc: { state: "rejected", reasonCode: "document_blurry", reason: "Blurry." } });
    expect(result.ok && result.warnings).toEqual([{ pointer: "/completedAt", keyword: "required", message: "must have required property 'completedAt'" }]);
  });

  it("Myaza: a status the spec does not list yet is `unknown`, with an enum warning", async () => {
    const result = await myaza({ verificationId: "ver_01", status: "on_hold", createdAt: "2026-04-27T12:00:00.000Z" });
    expect(result).toMatchObject({ ok: true, kyc: { state: "unknown", rawStatus: "on_hold" } });
    expect(result.ok && result.warnings).toEqual([{ pointer: "/status", keyword: "enum", message: "must be equal to one of the allowed values" }]);
  });

  it("Proof: a partner_user_id of the wrong type", async () => {
    const result = await proof({ partner_user_id: 42, status: "verified" });
    expect(result).toMatchObject({ ok: true, kyc: { state: "approved" } });
    expect(result.ok && result.warnings).toEqual([{ pointer: "/partner_user_id", keyword: "type", message: "must be string" }]);
  });

  it("a body that matches the spec in full has no warnings", async () => {
    const result = await proof({ partner_user_id: "u1", status: "verified" });
    expect(result.ok && result.warnings).toEqual([]);
  });
});

describe("strict: the fields the status is built from", () => {
  it.each<[string, () => Promise<{ ok: boolean; error?: { kind: string; message: string } }>, string]>([
    ["Myaza without status", () => myaza({ verificationId: "ver_01", createdAt: "2026-04-27T12:00:00.000Z" }), "must have required property 'status'"],
    ["Myaza with a numeric status", () => myaza({ verificationId: "ver_01", status: 3, createdAt: "2026-04-27T12:00:00.000Z" }), "/status must be string"],
    ["Nyota Imara without data.status", () => nyota({ success: true, data: { ...pendingRecord, status: undefined } }), "/data must have required property 'status'"],
    ["Nyota Imara without data", () => nyota({ success: true }), "must have required property 'data'"],
    ["BTC Direct with a requirement without a name", () => btc([{ status: "missing" }]), "/0 must have required property 'name'"],
    ["BTC Direct with an object instead of the array", () => btc({ name: "kyc", status: "missing" }), "/ must be array"],
    ["Proof with a status of the wrong type", () => proof({ partner_user_id: "u1", status: ["verified"] }), "/status must be string"],
  ])("%s: invalid_response naming the field", async (_name, run, problem) => {
    const result = await run();
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe("invalid_response");
    expect(result.error?.message).toContain(problem);
  });
});

describe("coreSchema", () => {
  it("keeps only the strict fields and the way to them (types, required), without enums", async () => {
    const doc = await loadSpec("myaza");
    expect(coreSchema(doc, "/components/schemas/PendingVerificationStatus", [["status"]])).toEqual({
      type: "object",
      properties: { status: { type: "string" } },
      required: ["status"],
    });
  });
});

describe("conformance stays strict on the same bodies", () => {
  let checker: ConformanceChecker;
  beforeAll(async () => {
    checker = await createConformanceChecker("nyota-imara");
  });

  it("fails the record the client tolerated", () => {
    const r = checker.check({ method: "GET", path: "/v1/kyc/me", status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ success: true, data: pendingRecord }) });
    expect(r.ok).toBe(false);
    expect(r.violations).toContainEqual(expect.objectContaining({ check: "body-schema", pointer: "/data/documents", expected: 'property "idBackUrl"' }));
  });
});

/** Every 200 example of Myaza's status response. */
const myazaExamples = (): unknown[] => [...(specView("myaza").statuses.get(200)?.examples.values() ?? [])];

describe("exclusive tagged unions: the selected branch alone decides", () => {
  const doc = (union: Record<string, unknown>, bValues: unknown[] = ["b"]) =>
    ({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: {
        schemas: {
          U: union,
          A: { type: "object", required: ["kind", "a"], properties: { kind: { enum: ["a"] }, a: { type: "string" } } },
          B: { type: "object", required: ["kind"], properties: { kind: { enum: bValues }, b: { type: "integer" } } },
        },
      },
    }) as unknown as OpenApiDocument;
  const oneOf = [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }];

  it("a oneOf that is the whole schema, with disjoint tags, is exclusive; a sibling keyword or a shared tag value makes it not", () => {
    expect(unionPlan(doc({ oneOf, description: "text only" }), "/components/schemas/U").union?.exclusive).toBe(true);
    // assert a sibling keyword keeps the tags disjoint but not exclusive; a shared value makes them neither
    expect(unionPlan(doc({ oneOf, type: "object" }), "/components/schemas/U").union).toMatchObject({ disjoint: true });
    expect(unionPlan(doc({ oneOf, type: "object" }), "/components/schemas/U").union).not.toHaveProperty("exclusive");
    expect(unionPlan(doc({ oneOf }, ["b", "a"]), "/components/schemas/U").union).not.toHaveProperty("exclusive");
    expect(unionPlan(doc({ oneOf }, ["b", "a"]), "/components/schemas/U").union).not.toHaveProperty("disjoint");
    const plan = unionPlan(doc({ oneOf }), "/components/schemas/U");
    expect(exclusiveBranch(plan, { kind: "b" })?.pointer).toBe("/components/schemas/U/oneOf/1");
    expect([exclusiveBranch(plan, { kind: "c" }), exclusiveBranch(plan, { b: 1 }), exclusiveBranch(plan, "b")]).toEqual([undefined, undefined, undefined]);
  });

  it("Myaza's generated client contract: wherever a branch is selected, its validator and the whole schema's agree (valid and invalid bodies)", () => {
    const [body] = myazaClientContract.successes[0]!.bodies;
    expect(body!.narrowing.union?.exclusive).toBe(true);
    const full = body!.validators[body!.pointer]!;
    const examples = myazaExamples();
    const value = fc.oneof(
      fc.constantFrom(...examples),
      fc.tuple(fc.constantFrom(...examples), fc.constantFrom("status", "verificationId", "createdAt", "completedAt", "reason", "reasonCode", "assuranceLevel", "extra"), fc.jsonValue({ maxDepth: 1 }), fc.boolean()).map(([example, key, v, drop]) => {
        const copy: Record<string, unknown> = { ...(example as Record<string, unknown>) };
        if (drop) delete copy[key];
        else copy[key] = v;
        return copy;
      }),
      fc.record({ status: fc.constantFrom("pending", "verified", "failed", "not_found", "error", "other") }),
    );
    let selected = 0;
    let invalid = 0;
    fc.assert(
      fc.property(value, (v) => {
        const branch = exclusiveBranch(body!.narrowing, v);
        if (!branch) return true;
        selected++;
        const verdict = body!.validators[branch.pointer]!(v);
        if (!verdict) invalid++;
        return verdict === full(v);
      }),
      { numRuns: 2000 },
    );
    // assert the property saw selected branches, both accepted and refused
    expect(selected).toBeGreaterThan(1000);
    expect(invalid).toBeGreaterThan(100);
  });
});

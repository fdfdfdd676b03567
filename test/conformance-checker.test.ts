import { beforeAll, describe, expect, it } from "vitest";
import { createConformanceChecker, type ConformanceChecker, type Exchange } from "../src/conformance/index.js";
import { providerSlugs } from "../src/providers.js";
import { getAtPointer, listOperations, listResponses, loadSpec } from "../src/spec/index.js";

const json = { "content-type": "application/json; charset=utf-8" };
const proofHeaders = { ...json, "x-request-id": "req_1" };
const proofPath = "/widget/users/user-123/kyc-status";
const myazaPath = "/api/kyc/status/ver_01j9x2m4k7";
const rateLimit = { "ratelimit-limit": "100", "ratelimit-remaining": "99", "ratelimit-reset": "900" };

const exchange = (over: Partial<Exchange>): Exchange => ({ method: "GET", path: proofPath, status: 200, headers: proofHeaders, body: "", ...over });

describe("conformance checker: a correct exchange", () => {
  let proof: ConformanceChecker;
  beforeAll(async () => {
    proof = await createConformanceChecker("proof");
  });

  it("passes and reports the operation, status and the example it equals", () => {
    const r = proof.check(exchange({ body: JSON.stringify({ partner_user_id: "user-123", status: "verified" }) }));
    expect(r.violations).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.operation?.operationId).toBe("getKycStatus");
    expect(r.documentedStatus).toBe("200");
    expect(r.matchedExample).toBe("verified");
  });

  it("matches an example sent with other spacing, key order and header-name case", () => {
    const headers = { "Content-Type": "application/json", "X-Request-Id": "req_1" };
    const r = proof.check(exchange({ headers, body: '{ "status" : "verified",\n  "partner_user_id": "user-123" }' }));
    expect(r.violations).toEqual([]);
    expect(r.matchedExample).toBe("verified");
    const odd = proof.check(exchange({ headers: { "cOnTeNt-TyPe": "Application/JSON", "x-REQUEST-id": "req_1" }, body: JSON.stringify({ partner_user_id: "user-123", status: "verified" }) }));
    expect(odd.violations).toEqual([]);
    expect(odd.matchedExample).toBe("verified");
  });

  it("passes a correct body that equals no example, with no matched example", () => {
    const r = proof.check(exchange({ path: "/widget/users/someone-else/kyc-status", body: JSON.stringify({ partner_user_id: "someone-else", status: "pending" }) }));
    expect(r.ok).toBe(true);
    expect(r.matchedExample).toBeUndefined();
  });

  it("passes for every named example of every provider, served with its documented headers", async () => {
    let checked = 0;
    for (const slug of providerSlugs) {
      const spec = await loadSpec(slug);
      // the examples are about several ids; the id echo is tested in conformance-semantic.test.ts
      const checker = await createConformanceChecker(slug, { idEcho: false, lifecycle: false });
      for (const op of listOperations(spec)) {
        const path = op.path.replace(/\{[^}]+\}/g, "ver_x");
        for (const res of listResponses(spec, op)) {
          const headers: Record<string, string> = { ...json };
          for (const h of res.headers) headers[h.name] = String(getAtPointer(spec, `${h.pointer}/example`));
          for (const example of res.media[0]!.examples) {
            const r = checker.check({ method: "GET", path, status: Number(res.status), headers, body: JSON.stringify(example.value) });
            expect(r.violations, `${slug} ${res.status} ${example.name}`).toEqual([]);
            expect(r.matchedExample).toBe(example.name);
            checked++;
          }
        }
      }
      // assert coverage saw every documented status and example exactly once
      const cov = checker.coverage();
      expect(cov.statuses.seen).toEqual(cov.statuses.documented);
      expect(cov.examples.seen).toEqual(cov.examples.documented);
    }
    expect(checked).toBeGreaterThan(60);
  });
});

describe("conformance checker: each check fails on a broken exchange", () => {
  let proof: ConformanceChecker;
  let myaza: ConformanceChecker;
  let nyota: ConformanceChecker;
  beforeAll(async () => {
    [proof, myaza, nyota] = await Promise.all([createConformanceChecker("proof"), createConformanceChecker("myaza"), createConformanceChecker("nyota-imara")]);
  });

  const okProof = JSON.stringify({ partner_user_id: "user-123", status: "verified" });
  const okMyaza = { verificationId: "ver_01j9x2m4k7", status: "verified", createdAt: "2026-04-27T12:00:00.000Z", completedAt: "2026-04-27T12:00:05.000Z" };

  it.each([
    ["an undocumented operation", () => proof.check(exchange({ method: "POST", body: okProof })), "operation-documented", ""],
    ["an undocumented path", () => proof.check(exchange({ path: "/widget/users/u/kyc", body: okProof })), "operation-documented", ""],
    ["an undocumented status", () => proof.check(exchange({ status: 503, body: okProof })), "status-documented", ""],
    ["a wrong content type", () => proof.check(exchange({ headers: { "content-type": "text/html", "x-request-id": "r" }, body: "<html>oops</html>" })), "content-type", "/headers/content-type"],
    ["a missing required header", () => myaza.check({ method: "GET", path: myazaPath, status: 200, headers: { ...json, "ratelimit-remaining": "99", "ratelimit-reset": "900" }, body: JSON.stringify(okMyaza) }), "header-present", "/headers/RateLimit-Limit"],
    ["an invalid header value", () => myaza.check({ method: "GET", path: myazaPath, status: 200, headers: { ...json, ...rateLimit, "ratelimit-limit": "lots" }, body: JSON.stringify(okMyaza) }), "header-valid", "/headers/RateLimit-Limit"],
    ["an empty body", () => proof.check(exchange({ body: "" })), "body-present", ""],
    ["a truncated JSON body", () => proof.check(exchange({ body: okProof.slice(0, 20) })), "body-json", ""],
    ["a wrong enum value", () => proof.check(exchange({ body: JSON.stringify({ partner_user_id: "u", status: "approved" }) })), "body-schema", "/status"],
    ["a missing required field", () => proof.check(exchange({ body: JSON.stringify({ status: "verified" }) })), "body-schema", ""],
    ["an invalid date-time", () => myaza.check({ method: "GET", path: myazaPath, status: 200, headers: { ...json, ...rateLimit }, body: JSON.stringify({ ...okMyaza, createdAt: "27/04/2026" }) }), "body-schema", "/createdAt"],
    ["an error body of the wrong shape", () => proof.check(exchange({ status: 404, body: JSON.stringify({ type: "about:blank", title: "Not Found", status: 404 }) })), "body-schema", ""],
    ["a nested field of the wrong type", () => nyota.check({ method: "GET", path: "/v1/kyc/me", status: 200, headers: json, body: JSON.stringify({ success: true, data: { userId: 1 } }) }), "body-schema", "/data/userId"],
  ])("names the check for %s", (_name, run, check, pointer) => {
    const r = run();
    expect(r.ok).toBe(false);
    const hit = r.violations.find((v) => v.check === check && v.pointer === pointer);
    expect(hit, JSON.stringify(r.violations)).toBeDefined();
    // assert the violation explains itself
    expect(hit!.expected.length).toBeGreaterThan(0);
    expect(hit!.actual.length).toBeGreaterThan(0);
    expect(hit!.message.length).toBeGreaterThan(0);
  });

  it("states expected and actual for a wrong enum value", () => {
    const r = proof.check(exchange({ body: JSON.stringify({ partner_user_id: "u", status: "approved" }) }));
    expect(r.violations).toContainEqual(expect.objectContaining({ check: "body-schema", pointer: "/status", expected: 'one of ["not_started","pending","verified","failed"]', actual: '"approved"' }));
  });

  it("reports one violation, listing every allowed value, for a status no oneOf branch accepts", () => {
    const r = myaza.check({ method: "GET", path: myazaPath, status: 200, headers: { ...json, ...rateLimit }, body: JSON.stringify({ ...okMyaza, status: "approved" }) });
    expect(r.violations).toEqual([
      expect.objectContaining({ check: "body-schema", pointer: "/status", expected: 'one of ["pending","verified","failed","not_found","error"]', actual: '"approved"' }),
    ]);
  });

  it("reports only the errors of the oneOf branch the status selects", () => {
    const failedWithoutReason = { verificationId: "ver_01j9x2m4k7", status: "failed", createdAt: "2026-04-27T12:00:00.000Z", completedAt: "2026-04-27T12:00:05.000Z" };
    const r = myaza.check({ method: "GET", path: myazaPath, status: 200, headers: { ...json, ...rateLimit }, body: JSON.stringify(failedWithoutReason) });
    expect(r.violations.filter((v) => v.check === "body-schema").map((v) => v.expected).sort()).toEqual(['property "reason"', 'property "reasonCode"']);
    // assert the semantic check names the same gap
    expect(r.violations.filter((v) => v.check === "myaza-reason").map((v) => v.pointer)).toEqual(["/reason", "/reasonCode"]);
  });

  it("accepts an undocumented optional header and ignores unknown headers", () => {
    const r = proof.check(exchange({ headers: { ...proofHeaders, "x-unknown": "1" }, body: okProof }));
    expect(r.ok).toBe(true);
  });
});

describe("conformance checker: what the specs decide a record may lack (issue 10)", () => {
  let proof: ConformanceChecker;
  let nyota: ConformanceChecker;
  beforeAll(async () => {
    [proof, nyota] = await Promise.all([createConformanceChecker("proof"), createConformanceChecker("nyota-imara")]);
  });
  const record = (data: Record<string, unknown>) => nyota.check({ method: "GET", path: "/v1/kyc/me", status: 200, headers: json, body: JSON.stringify({ success: true, data }) });
  const base = { userId: "usr_01", userInfo: { email: "a@example.com", name: "A" }, verifiedAt: null, rejectionReason: null };
  const url = "https://storage.example.com/doc?X-Amz-Expires=900";
  const submitted = { ...base, idNumber: "1", documents: { idFrontUrl: url, idBackUrl: url, passportPhotoUrl: url }, submittedAt: "2025-04-20T08:30:00.000Z" };

  it("Nyota Imara: a `none` record without idNumber, documents and submittedAt, or with documents {}, conforms", () => {
    expect(record({ ...base, status: "none" }).violations).toEqual([]);
    expect(record({ ...base, status: "none", documents: {} }).violations).toEqual([]);
  });

  it("Nyota Imara: a submitted record must have all of them, with every document URL", () => {
    expect(record({ ...submitted, status: "pending" }).violations).toEqual([]);
    const { documents: _documents, ...withoutDocuments } = submitted;
    expect(record({ ...withoutDocuments, status: "pending" }).violations).toContainEqual(expect.objectContaining({ check: "body-schema", pointer: "/data", expected: 'property "documents"' }));
    const withoutBack = { ...submitted, status: "verified", documents: { idFrontUrl: url, passportPhotoUrl: url } };
    expect(record(withoutBack).violations).toContainEqual(expect.objectContaining({ check: "body-schema", pointer: "/data/documents", expected: 'property "idBackUrl"' }));
  });

  it("Proof: a response without X-Request-Id conforms (documented, not required); an empty one does not", () => {
    const gateway502 = JSON.stringify({ error: "upstream_unavailable", code: "upstream_unavailable", message: "Upstream unavailable." });
    expect(proof.check(exchange({ status: 502, headers: json, body: gateway502 })).violations).toEqual([]);
    expect(proof.check(exchange({ headers: json, body: JSON.stringify({ partner_user_id: "user-123", status: "pending" }) })).violations).toEqual([]);
    expect(proof.check(exchange({ headers: { ...json, "x-request-id": "" }, body: JSON.stringify({ partner_user_id: "user-123", status: "pending" }) })).violations).toContainEqual(
      expect.objectContaining({ check: "header-valid", pointer: "/headers/X-Request-Id" }),
    );
  });
});

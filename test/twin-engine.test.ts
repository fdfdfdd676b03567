/**
 * The twin engines in memory (`handle` / `twin.fetch`): each provider's behaviour from the
 * sources, Prism-compatible Prefer, transitions, faults, the control API and reset. Every
 * answer is checked against the spec by the conformance checker (afterEach).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createTwin, DEFAULT_CREDENTIALS as C, DEFAULT_IDS as I, type Twin } from "../src/twin/index.js";
import { specView } from "../src/twin/spec-view.js";
import type { ProviderSlug } from "../src/providers.js";
import { expectJournalConforms, manualClock } from "./helpers/twins.js";

const used: Twin[] = [];
function twin<S extends ProviderSlug>(slug: S, options: Parameters<typeof createTwin>[1] = {}): Twin<S> {
  const t = createTwin(slug, options);
  used.push(t);
  return t;
}
afterEach(() => {
  // assert every answer of every twin this test used conforms to its spec
  for (const t of used.splice(0)) expectJournalConforms(t);
});

const get = async (t: Twin, path: string, headers: Record<string, string> = {}) => {
  const response = await t.fetch(`http://twin.test${path}`, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
};
const example = (slug: ProviderSlug, status: number, name: string) => specView(slug).example(status, name);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("Proof twin", () => {
  const path = (id: string) => `/widget/users/${encodeURIComponent(id)}/kyc-status`;
  it("answers each user's status from the fixtures, echoing the id, with a fresh X-Request-Id", async () => {
    const t = twin("proof");
    for (const [status, id] of [["not_started", I.proof.not_started], ["pending", I.proof.pending], ["verified", I.proof.verified], ["failed", I.proof.failed]] as const) {
      const r = await get(t, path(id), bearer(C.proof.clientToken));
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ partner_user_id: id, status });
    }
    const ids = t.requests().map((e) => e.headers["X-Request-Id"]);
    expect(new Set(ids).size).toBe(4);
  });
  it("401 missing_token without a bearer, invalid_token for an unknown one, 404 not_found for an unknown user", async () => {
    const t = twin("proof");
    expect((await get(t, path(I.proof.verified))).json).toEqual(example("proof", 401, "missing_token"));
    expect((await get(t, path(I.proof.verified), { Authorization: "Basic abc" })).json).toEqual(example("proof", 401, "missing_token"));
    const wrong = await get(t, path(I.proof.verified), bearer("someone-elses-token"));
    expect([wrong.status, wrong.json]).toEqual([401, example("proof", 401, "invalid_token")]);
    const unknown = await get(t, path("nobody"), bearer(C.proof.clientToken));
    expect([unknown.status, unknown.json]).toEqual([404, example("proof", 404, "not_found")]);
    // assert X-Request-Id on every response, errors included
    expect(t.requests().every((e) => /^req_[0-9a-f]{16}$/.test(e.headers["X-Request-Id"] ?? ""))).toBe(true);
  });
});

describe("BTC Direct twin", () => {
  const p = "/api/v2/user/verification-status";
  const b = C["btc-direct"];
  const user = I["btc-direct"].outstanding_requirements;
  const code = async (t: Twin, headers: Record<string, string>) => {
    const r = await get(t, p, headers);
    return [r.status, Object.keys((r.json?.errors as object | undefined) ?? {})[0] ?? "ok"];
  };
  it("serves the user's requirements with an API key or a partner token, and via a user token", async () => {
    const t = twin("btc-direct");
    expect((await get(t, p, { "X-Api-Key": b.apiKey, "User-Identifier": user })).json).toEqual(example("btc-direct", 200, "outstanding_requirements"));
    expect((await get(t, p, { ...bearer(b.partnerToken), "User-Identifier": I["btc-direct"].fully_verified })).json).toEqual([]);
    expect((await get(t, p, { "X-Api-Key": b.apiKey, "User-Authorization": `Bearer ${b.userToken}` })).json).toEqual(example("btc-direct", 200, "outstanding_requirements"));
  });
  it.each([
    ["no credentials at all", {}, 401, "ER806"],
    ["a user but no partner credential", { "User-Identifier": user }, 401, "ER806"],
    ["an unknown API key", { "X-Api-Key": "nope", "User-Identifier": user }, 401, "ER805"],
    ["an Authorization header that is not a bearer", { Authorization: "Basic x", "User-Identifier": user }, 401, "ER802"],
    ["an unknown partner token", { Authorization: "Bearer nope", "User-Identifier": user }, 401, "ER800"],
    ["an expired partner token", { Authorization: `Bearer ${b.expiredPartnerToken}`, "User-Identifier": user }, 400, "ER801"],
    ["both partner methods", { "X-Api-Key": b.apiKey, Authorization: `Bearer ${b.partnerToken}`, "User-Identifier": user }, 400, "ER803"],
    ["no user credential", { "X-Api-Key": b.apiKey }, 401, "ER704"],
    ["both user methods", { "X-Api-Key": b.apiKey, "User-Identifier": user, "User-Authorization": `Bearer ${b.userToken}` }, 400, "ER803"],
    ["a malformed identifier", { "X-Api-Key": b.apiKey, "User-Identifier": "too-short" }, 400, "ER707"],
    ["an identifier with illegal characters", { "X-Api-Key": b.apiKey, "User-Identifier": `${"a".repeat(36)}!` }, 400, "ER707"],
    ["an unknown identifier", { "X-Api-Key": b.apiKey, "User-Identifier": "0".repeat(40) }, 404, "ER705"],
    ["a user token that is not a bearer", { "X-Api-Key": b.apiKey, "User-Authorization": b.userToken }, 401, "ER700"],
    ["an unknown user token", { "X-Api-Key": b.apiKey, "User-Authorization": "Bearer nope" }, 401, "ER702"],
    ["an expired user token", { "X-Api-Key": b.apiKey, "User-Authorization": `Bearer ${b.expiredUserToken}` }, 400, "ER701"],
  ])("%s → %i %s", async (_, headers, status, er) => {
    const t = twin("btc-direct");
    expect(await code(t, headers)).toEqual([status, er]);
  });
  it.each([
    ["an empty X-Api-Key beside a partner token", { "X-Api-Key": "", ...bearer(b.partnerToken), "User-Identifier": user }, 200, "ok"],
    ["a blank Authorization beside an API key", { "X-Api-Key": b.apiKey, Authorization: " ", "User-Identifier": user }, 200, "ok"],
    ["an empty User-Authorization beside a User-Identifier", { "X-Api-Key": b.apiKey, "User-Identifier": user, "User-Authorization": "" }, 200, "ok"],
    ["an empty Authorization alone", { Authorization: "", "User-Identifier": user }, 401, "ER806"],
    ["an empty User-Authorization alone", { "X-Api-Key": b.apiKey, "User-Authorization": "" }, 401, "ER704"],
  ])("an empty credential header is absent: %s", async (_, headers, status, er) => {
    const t = twin("btc-direct");
    // assert one rule for ER803 and for missing credentials alike: an empty (or blank) header counts as not sent
    expect(await code(t, headers)).toEqual([status, er]);
  });
  it("a user token whose user has no record → ER709; fixture requirements are served as given", async () => {
    const t = twin("btc-direct", { fixtures: { "btc-direct": { apiKeys: ["k"], userTokens: { gone: { user: "g".repeat(36) } }, records: { ["r".repeat(36)]: { requirements: [{ name: "emailCode", status: "pending" }] } } } } });
    expect(await code(t, { "X-Api-Key": "k", "User-Authorization": "Bearer gone" })).toEqual([404, "ER709"]);
    expect((await get(t, p, { "X-Api-Key": "k", "User-Identifier": "r".repeat(36) })).json).toEqual([{ name: "emailCode", status: "pending" }]);
  });
});

describe("Nyota Imara twin", () => {
  const n = C["nyota-imara"];
  it("`me` is the token's own record; an admin reads others; documents are signed afresh on every call", async () => {
    const clock = manualClock();
    const t = twin("nyota-imara", { clock });
    const first = await get(t, "/v1/kyc/me", bearer(n.userToken));
    expect((first.json?.data as { userId: string }).userId).toBe(I["nyota-imara"].pending);
    clock.advance(60_000);
    const second = await get(t, "/v1/kyc/me", bearer(n.userToken));
    const urls = (r: typeof first) => Object.values((r.json?.data as { documents: Record<string, string> }).documents);
    for (const [a, b] of urls(first).map((u, i) => [u, urls(second)[i]!])) {
      expect(a).not.toBe(b);
      expect(new URL(b!).searchParams.get("X-Amz-Expires")).toBe("900");
    }
    expect(new URL(urls(second)[0]!).searchParams.get("X-Amz-Date")).toBe("20260427T120100Z");
    const other = await get(t, `/v1/kyc/${I["nyota-imara"].rejected}`, bearer(n.adminToken));
    expect(other.json).toMatchObject({ data: { userId: I["nyota-imara"].rejected, status: "rejected", rejectionReason: (example("nyota-imara", 200, "rejected") as { data: { rejectionReason: string } }).data.rejectionReason } });
  });
  it("401 missing / invalid / expired, 403 another user without the read policy, 404 no record", async () => {
    const t = twin("nyota-imara");
    expect(await get(t, "/v1/kyc/me")).toMatchObject({ status: 401, json: example("nyota-imara", 401, "missing_token") });
    expect(await get(t, "/v1/kyc/me", bearer("nope"))).toMatchObject({ status: 401, json: example("nyota-imara", 401, "invalid_or_expired_token") });
    expect(await get(t, "/v1/kyc/me", bearer(n.expiredToken))).toMatchObject({ status: 401, json: example("nyota-imara", 401, "invalid_or_expired_token") });
    expect(await get(t, `/v1/kyc/${I["nyota-imara"].verified}`, bearer(n.userToken))).toMatchObject({ status: 403, json: example("nyota-imara", 403, "missing_read_policy") });
    expect(await get(t, "/v1/kyc/usr_nobody", bearer(n.adminToken))).toMatchObject({ status: 404, json: example("nyota-imara", 404, "kyc_record_not_found") });
  });
  it("uses the record's own fields over the example's", async () => {
    const t = twin("nyota-imara");
    t.set("usr_x", { status: "rejected", rejectionReason: "Blurred selfie.", name: "Juma Otieno", email: "juma@example.com" });
    const r = await get(t, "/v1/kyc/usr_x", bearer(n.adminToken));
    expect(r.json).toMatchObject({ data: { userId: "usr_x", rejectionReason: "Blurred selfie.", userInfo: { name: "Juma Otieno", email: "juma@example.com" }, verifiedAt: null } });
  });
  it("a body built once is reused with fresh signatures only, and a record changed by set() shows at once", async () => {
    const t = twin("nyota-imara", { clock: manualClock() });
    t.set("usr_x", { status: "pending", name: "Juma Otieno" });
    const first = await get(t, "/v1/kyc/usr_x", bearer(n.adminToken));
    const again = await get(t, "/v1/kyc/usr_x", bearer(n.adminToken));
    const unsigned = (text: string) => text.replace(/X-Amz-Signature=[0-9a-f]{64}/g, "X-Amz-Signature=…");
    expect(again.text).not.toBe(first.text);
    expect(unsigned(again.text)).toBe(unsigned(first.text));
    t.set("usr_x", { status: "pending", name: "Wanjiru Kamau" });
    expect((await get(t, "/v1/kyc/usr_x", bearer(n.adminToken))).json).toMatchObject({ data: { userId: "usr_x", userInfo: { name: "Wanjiru Kamau" } } });
    t.set("usr_x", { status: "verified", verifiedAt: "2026-05-01T09:30:00Z" });
    expect((await get(t, "/v1/kyc/usr_x", bearer(n.adminToken))).json).toMatchObject({ data: { status: "verified", verifiedAt: "2026-05-01T09:30:00Z" } });
    // assert another user's record, same state, is not served from the first one's body
    t.set("usr_y", { status: "verified", verifiedAt: "2026-05-01T09:30:00Z" });
    expect((await get(t, "/v1/kyc/usr_y", bearer(n.adminToken))).json).toMatchObject({ data: { userId: "usr_y" } });
  });
});

describe("Myaza twin", () => {
  const m = C.myaza;
  const p = (id: string) => `/api/kyc/status/${encodeURIComponent(id)}`;
  it("serves a verification to its own organization's keys, with the example of its reasonCode", async () => {
    const t = twin("myaza");
    const r = await get(t, p(I.myaza.failed), bearer(m.publishableKey));
    expect(r.json).toEqual({ ...(example("myaza", 200, "failed_selfie_mismatch") as object), verificationId: I.myaza.failed });
    t.set("ver_blurry", { organization: "acme", status: "failed", reasonCode: "document_blurry" });
    expect((await get(t, p("ver_blurry"), bearer(m.secretKey))).json).toEqual({ ...(example("myaza", 200, "failed_document_blurry") as object), verificationId: "ver_blurry" });
    t.set("ver_new_code", { organization: "acme", status: "failed", reasonCode: "liveness_failed", reason: "The liveness check failed." });
    expect((await get(t, p("ver_new_code"), bearer(m.secretKey))).json).toMatchObject({ status: "failed", reasonCode: "liveness_failed", reason: "The liveness check failed." });
    // assert a changed record is served changed though its earlier body is kept for reuse
    t.set("ver_new_code", { organization: "acme", status: "failed", reasonCode: "liveness_failed", reason: "A second liveness check failed." });
    expect((await get(t, p("ver_new_code"), bearer(m.secretKey))).json).toMatchObject({ reason: "A second liveness check failed." });
  });
  it("another organization's verification is 404 exactly like an unknown one; 401s; malformed id 400", async () => {
    const t = twin("myaza");
    const foreign = await get(t, p(I.myaza.otherOrganization), bearer(m.publishableKey));
    const unknown = await get(t, p("ver_unknown"), bearer(m.publishableKey));
    expect([foreign.status, foreign.text]).toEqual([404, unknown.text]);
    expect(foreign.json).toEqual(example("myaza", 404, "verification_not_found"));
    expect(await get(t, p(I.myaza.verified))).toMatchObject({ status: 401, json: example("myaza", 401, "missing_authorization") });
    expect(await get(t, p(I.myaza.verified), bearer("pk_test_unknown"))).toMatchObject({ status: 401, json: example("myaza", 401, "invalid_api_key") });
    expect(await get(t, p("abc"), bearer(m.publishableKey))).toMatchObject({ status: 400, json: example("myaza", 400, "invalid_request") });
  });
  it("rate-limits per key: 100 per 900 s by default, with RateLimit-* headers, then 429 until the window resets", async () => {
    const clock = manualClock();
    const t = twin("myaza", { clock });
    let last = await get(t, p(I.myaza.verified), bearer(m.secretKey));
    expect([last.headers.get("RateLimit-Limit"), last.headers.get("RateLimit-Remaining"), last.headers.get("RateLimit-Reset")]).toEqual(["100", "99", "900"]);
    for (let i = 2; i <= 100; i++) last = await get(t, p(I.myaza.verified), bearer(m.secretKey));
    expect([last.status, last.headers.get("RateLimit-Remaining")]).toEqual([200, "0"]);
    clock.advance(300_000);
    const limited = await get(t, p(I.myaza.verified), bearer(m.secretKey));
    expect([limited.status, limited.json, limited.headers.get("RateLimit-Remaining"), limited.headers.get("RateLimit-Reset")]).toEqual([429, example("myaza", 429, "too_many_requests"), "0", "600"]);
    // assert the limit is per key: the other key of the same organization is not limited
    expect((await get(t, p(I.myaza.verified), bearer(m.publishableKey))).status).toBe(200);
    clock.advance(600_000);
    expect((await get(t, p(I.myaza.verified), bearer(m.secretKey))).status).toBe(200);
  });
  it("every answer to a known key carries its window's RateLimit-*, whatever chose it: a Prefer 429 says 0 remaining, a fault's 5xx the key's count", async () => {
    const clock = manualClock();
    const t = twin("myaza", { clock, fixtures: { myaza: { keys: { k: "o" }, rateLimit: { limit: 10, windowMs: 60_000 }, records: { ver_1: { organization: "o", status: "pending", faults: [{ onCall: 3, status: 500 }] } } } } });
    const rate = (r: { headers: Headers }) => ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"].map((h) => r.headers.get(h));
    expect(rate(await get(t, p("ver_1"), bearer("k")))).toEqual(["10", "9", "60"]);
    clock.advance(10_000);
    // assert a Prefer answer reads the key's window (not the spec's example) and a 429 never claims requests remain
    expect(rate(await get(t, p("ver_1"), { ...bearer("k"), Prefer: "code=429" }))).toEqual(["10", "0", "50"]);
    expect(rate(await get(t, p("ver_1"), { ...bearer("k"), Prefer: "code=200, example=verified" }))).toEqual(["10", "9", "50"]);
    await get(t, p("ver_1"), bearer("k"));
    const fault = await get(t, p("ver_1"), bearer("k"));
    expect([fault.status, ...rate(fault)]).toEqual([500, "10", "7", "50"]);
    // assert an unknown key's answer carries none
    expect(rate(await get(t, p("ver_1"), bearer("unknown")))).toEqual([null, null, null]);
  });
  it("takes its limit from the fixtures", async () => {
    const t = twin("myaza", { fixtures: { myaza: { keys: { k: "o" }, rateLimit: { limit: 2, windowMs: 10_000 }, records: { ver_1: { organization: "o", status: "pending" } } } } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(t, p("ver_1"), bearer("k"))).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe("Prefer (Prism-compatible)", () => {
  it("serves any named example verbatim when credentials are present (any values, like Prism), and the real 401 when they are not", async () => {
    const t = twin("myaza");
    const chosen = await get(t, p("ver_anything"), { Authorization: "Bearer pk_test_123", Prefer: "code=200, example=failed_document_expired" });
    expect(chosen.json).toEqual(example("myaza", 200, "failed_document_expired"));
    expect((await get(t, p("ver_anything"), { Authorization: "Bearer pk_test_123", Prefer: "code=404" })).json).toEqual(example("myaza", 404, "verification_not_found"));
    expect((await get(t, p("ver_anything"), { Prefer: "code=200, example=verified" })).status).toBe(401);
    const btc = twin("btc-direct");
    expect((await get(btc, "/api/v2/user/verification-status", { "X-Api-Key": "x", "User-Identifier": "y", Prefer: "example=er801_token_expired" })).status).toBe(400);
  });
  it("a Prefer that names nothing documented is a clear problem+json outside the contract", async () => {
    const t = twin("proof");
    const r = await get(t, "/widget/users/u/kyc-status", { Authorization: "Bearer x", Prefer: "code=200, example=approved" });
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(String(r.json?.detail)).toContain('example "approved"');
    expect(String(r.json?.detail)).toContain("kyc-contracts scenarios --provider proof");
  });
  function p(id: string) {
    return `/api/kyc/status/${id}`;
  }
});

describe("transitions", () => {
  it("afterCalls counts per id: pending, pending, then verified on the third call", async () => {
    const t = twin("proof");
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(t, `/widget/users/${I.proof.becomesVerified}/kyc-status`, bearer(C.proof.clientToken))).json?.status);
    // another id's calls do not advance it
    await get(t, `/widget/users/${I.proof.pending}/kyc-status`, bearer(C.proof.clientToken));
    expect(statuses).toEqual(["pending", "pending", "verified", "verified"]);
  });
  it("afterMs follows the injected clock; steps apply in order, the last triggered wins", async () => {
    const clock = manualClock();
    const t = twin("myaza", { clock });
    t.set("ver_timed", { organization: "acme", status: "pending", then: [{ afterMs: 1_000, assuranceLevel: "gov_db" }, { afterMs: 5_000, status: "failed", reasonCode: "document_expired" }] });
    const status = async () => (await get(t, "/api/kyc/status/ver_timed", bearer(C.myaza.secretKey))).json;
    expect(await status()).toEqual(expect.not.objectContaining({ assuranceLevel: expect.anything() as unknown }));
    clock.advance(999);
    expect(await status()).toMatchObject({ status: "pending" });
    clock.advance(1);
    expect(await status()).toMatchObject({ status: "pending", assuranceLevel: "gov_db" });
    clock.advance(4_000);
    // assert both steps' fields: the later step wins where they overlap, the earlier one's stay
    expect(await status()).toMatchObject({ status: "failed", reasonCode: "document_expired", assuranceLevel: "gov_db" });
  });
  it("a foreign organization's calls do not count", async () => {
    const t = twin("myaza");
    for (let i = 0; i < 3; i++) await get(t, `/api/kyc/status/${I.myaza.becomesVerified}`, bearer(C.myaza.otherOrganizationKey));
    expect((await get(t, `/api/kyc/status/${I.myaza.becomesVerified}`, bearer(C.myaza.secretKey))).json?.status).toBe("pending");
  });
});

describe("faults", () => {
  const proofFixtures = (faults: object[], recordFaults: object[] = []) => ({ proof: { tokens: ["t"], records: { u: { status: "pending", faults: recordFaults } }, faults } }) as never;
  const call = (t: Twin, init: RequestInit = {}) => t.fetch("http://twin.test/widget/users/u/kyc-status", { headers: bearer("t"), ...init });
  it("a documented 5xx on the Nth call (per provider), its first example or a named one", async () => {
    const t = twin("proof", { fixtures: proofFixtures([{ onCall: 2, status: 502 }, { onCall: 3, status: 502, example: "upstream_unavailable" }]) });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const r = await call(t);
      statuses.push([r.status, ((await r.json()) as { code?: string }).code ?? "ok"]);
    }
    expect(statuses).toEqual([[200, "ok"], [502, "provider_error"], [502, "upstream_unavailable"], [200, "ok"]]);
  });
  it("per record: a connection reset rejects fetch; a malformed body is cut JSON with the success status", async () => {
    const t = twin("proof", { fixtures: proofFixtures([], [{ onCall: 1, reset: true }, { onCall: 2, malformed: true }]) });
    await expect(call(t)).rejects.toThrow(TypeError);
    const malformed = await call(t);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    expect(t.requests().map((e) => e.fault)).toEqual(["reset", "malformed"]);
  });
  it("latency waits on the clock; a hang answers only when the request is aborted (or on reset)", async () => {
    const clock = manualClock();
    const t = twin("proof", { clock, fixtures: proofFixtures([{ onCall: 1, latencyMs: 250 }, { onCall: 2, hang: true }, { onCall: 3, hang: true }]) });
    const slow = call(t);
    await expect.poll(() => clock.sleepers()).toBe(1);
    clock.advance(249);
    expect(clock.sleepers()).toBe(1);
    clock.advance(1);
    expect((await slow).status).toBe(200);
    const controller = new AbortController();
    const hung = call(t, { signal: controller.signal });
    let settled = false;
    void hung.catch(() => undefined).finally(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    controller.abort();
    await expect(hung).rejects.toThrow();
    const released = call(t);
    t.reset();
    await expect(released).rejects.toThrow(TypeError);
  });
});

describe("control API over handle", () => {
  it("GET /__twin/requests is the journal (credentials redacted), PUT /__twin/records/{id} sets a record, POST /__twin/reset restores the fixtures", async () => {
    const t = twin("myaza");
    const secret = C.myaza.secretKey;
    await get(t, `/api/kyc/status/${I.myaza.pending}`, { ...bearer(secret), "X-Trace": secret });
    const journal = (await get(t, "/__twin/requests")).json as unknown as { path: string; requestHeaders: Record<string, string>; status: number }[];
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({ path: `/api/kyc/status/${I.myaza.pending}`, status: 200, requestHeaders: { authorization: "Bearer [redacted]", "x-trace": "[redacted]" } });
    expect(JSON.stringify(journal)).not.toContain(secret);

    const put = await t.fetch("http://twin.test/__twin/records/ver_put", { method: "PUT", body: JSON.stringify({ organization: "acme", status: "verified" }) });
    expect(put.status).toBe(200);
    expect((await get(t, "/api/kyc/status/ver_put", bearer(secret))).json).toMatchObject({ verificationId: "ver_put", status: "verified" });
    const bad = await t.fetch("http://twin.test/__twin/records/ver_bad", { method: "PUT", body: JSON.stringify({ organization: "acme", status: "approved" }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "myaza.records.ver_bad.status" });
    expect((await t.fetch("http://twin.test/__twin/records/ver_x", { method: "PUT", body: "{" })).status).toBe(400);
    expect((await t.fetch("http://twin.test/__twin/records/ver_x", { method: "PUT", body: "x".repeat(70_000) })).status).toBe(413);

    expect((await t.fetch("http://twin.test/__twin/reset", { method: "POST" })).status).toBe(204);
    expect((await get(t, "/api/kyc/status/ver_put", bearer(secret))).status).toBe(404);
    expect((await get(t, "/__twin/nothing")).status).toBe(404);
    expect((await t.fetch("http://twin.test/__twin/reset")).status).toBe(405);
  });
});

describe("reset()", () => {
  it("leaves nothing behind: records set, call counts, rate-limit windows and the journal", async () => {
    const t = twin("myaza", { fixtures: { myaza: { keys: { k: "o" }, rateLimit: { limit: 2, windowMs: 60_000 }, records: { ver_1: { organization: "o", status: "pending", then: [{ afterCalls: 1, status: "verified" }] } } } } });
    const run = async () => {
      const out = [];
      t.set("ver_2", { organization: "o", status: "error" });
      for (const id of ["ver_1", "ver_1", "ver_2"]) {
        const r = await get(t, `/api/kyc/status/${id}`, bearer("k"));
        out.push(`${r.status}:${String(r.json?.status ?? r.json?.error)}`);
      }
      return out;
    };
    const first = await run();
    expect(first).toEqual(["200:pending", "200:verified", `429:${String((example("myaza", 429, "too_many_requests") as { error: string }).error)}`]);
    expect(t.requests()).toHaveLength(3);
    t.reset();
    expect(t.requests()).toEqual([]);
    expect((await get(t, "/api/kyc/status/ver_2", bearer("k"))).status).toBe(404);
    t.reset();
    expect(await run()).toEqual(first);
  });
  it("the journal copies request headers: it keeps no transport object alive and reads nothing from it later", async () => {
    const t = twin("proof");
    let live = true;
    const headers: Record<string, string> = { authorization: `Bearer ${C.proof.clientToken}`, "x-trace": "abc" };
    const request = {
      method: "GET",
      url: `/widget/users/${I.proof.verified}/kyc-status`,
      headers: {
        get: (name: string) => {
          if (!live) throw new Error("request read after it was answered");
          return headers[name.toLowerCase()] ?? null;
        },
        forEach(callback: (value: string, name: string) => void) {
          if (!live) throw new Error("request read after it was answered");
          for (const [name, value] of Object.entries(headers)) callback(value, name);
        },
      },
    };
    expect((await t.answer(request))?.status).toBe(200);
    live = false; // a node:http transport's request is gone once answered
    expect(t.requests().map((e) => e.requestHeaders)).toEqual([{ authorization: "Bearer [redacted]", "x-trace": "abc" }]);
  });
  it("twins are independent: state in one never shows in another", async () => {
    const a = twin("proof");
    const b = twin("proof");
    a.set("only-in-a", { status: "verified" });
    expect((await get(b, "/widget/users/only-in-a/kyc-status", bearer(C.proof.clientToken))).status).toBe(404);
    expect(b.requests()).toHaveLength(1);
  });
});

describe("outside the contract", () => {
  it("an unknown path or method gets a problem+json 404/405 naming what the twin serves", async () => {
    const t = twin("nyota-imara");
    const r = await get(t, "/v2/elsewhere");
    expect([r.status, r.headers.get("content-type")]).toEqual([404, "application/problem+json"]);
    expect(String(r.json?.detail)).toContain("GET /v1/kyc/{userId}");
    expect((await t.fetch("http://twin.test/v1/kyc/me", { method: "DELETE" })).status).toBe(405);
  });
  it("every 405 names the allowed methods in Allow (RFC 9110), the provider's operation and the control endpoints alike", async () => {
    for (const slug of ["proof", "btc-direct", "nyota-imara", "myaza"] as const) {
      const t = twin(slug);
      const operation = specView(slug).operation;
      const r = await t.fetch(`http://twin.test${operation.path.replace(/\{[^}]+\}/g, "x")}`, { method: "POST" });
      expect([slug, r.status, r.headers.get("allow")]).toEqual([slug, 405, "GET"]);
    }
    const t = twin("myaza");
    const allow = async (path: string, method: string) => (await t.fetch(`http://twin.test/__twin/${path}`, { method })).headers.get("allow");
    expect([await allow("requests", "POST"), await allow("reset", "GET"), await allow("records/ver_1", "GET"), await allow("webhooks", "POST"), await allow("webhooks/ver_1", "GET")]).toEqual(["GET", "POST", "PUT", "GET", "POST"]);
  });
});

describe("portability", () => {
  it("the engines (createTwin and everything it imports) use no Node built-ins: web-standard Request/Response only", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
    const seen = new Set<string>();
    const builtins: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const [, spec] of source.matchAll(/^(?:import|export)[^"';]*?from\s+"([^"]+)"/gm)) {
        if (spec!.startsWith("node:")) builtins.push(`${path.relative(root, file)} imports ${spec}`);
        else if (spec!.startsWith(".")) visit(path.resolve(path.dirname(file), spec!.replace(/\.js$/, ".ts")));
      }
    };
    visit(path.join(root, "src", "twin", "create-twin.ts"));
    expect(seen.size).toBeGreaterThan(10);
    expect(builtins).toEqual([]);
  });
});

/**
 * The four typed clients against the twins over HTTP: a user's status moving under
 * pollUntilSettled, each provider-specific failure, rate limiting and faults.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBtcDirectClient, createMyazaClient, createNyotaImaraClient, createProofClient, pollUntilSettled } from "../src/index.js";
import { providerSlugs } from "../src/providers.js";
import { startTwins, DEFAULT_CREDENTIALS as C, DEFAULT_IDS as I, type RunningTwins } from "../src/twin/index.js";
import { expectJournalConforms } from "./helpers/twins.js";

let twins: RunningTwins;
beforeAll(async () => {
  twins = await startTwins();
});
afterEach(() => {
  for (const slug of providerSlugs) {
    expectJournalConforms(twins.twins[slug]);
    twins.twins[slug].reset();
  }
});
afterAll(() => twins.stop());

const fast = { intervalMs: 1, maxIntervalMs: 5, timeoutMs: 20_000 };
const proof = (clientToken: string = C.proof.clientToken) => createProofClient({ baseUrl: twins.urls.proof, clientToken });
const btc = (o: { apiKey?: string; userIdentifier?: string; userToken?: string } = {}) =>
  o.userToken !== undefined
    ? createBtcDirectClient({ baseUrl: twins.urls["btc-direct"], apiKey: o.apiKey ?? C["btc-direct"].apiKey, userToken: o.userToken })
    : createBtcDirectClient({ baseUrl: twins.urls["btc-direct"], apiKey: o.apiKey ?? C["btc-direct"].apiKey, userIdentifier: o.userIdentifier ?? I["btc-direct"].fully_verified });
const nyota = (token: string = C["nyota-imara"].adminToken) => createNyotaImaraClient({ baseUrl: twins.urls["nyota-imara"], token });
const myaza = (apiKey: string = C.myaza.secretKey, timeoutMs?: number) => createMyazaClient({ baseUrl: twins.urls.myaza, apiKey, ...(timeoutMs ? { timeoutMs } : {}) });
const failure = (r: { ok: boolean; error?: { kind: string; httpStatus?: number; code?: string; retryable: boolean } }) => (r.ok ? "ok" : [r.error!.kind, r.error!.httpStatus, r.error!.code, r.error!.retryable]);

describe("lifecycle: pending → approved after N polls, via pollUntilSettled", () => {
  it.each([
    ["proof", () => { const c = proof(); return (o: object) => c.getKycStatus(I.proof.becomesVerified, o); }],
    ["btc-direct", () => { const c = btc({ userIdentifier: I["btc-direct"].becomesVerified }); return (o: object) => c.getKycStatus(o); }],
    ["nyota-imara", () => { const c = nyota(); return (o: object) => c.getKycStatus(I["nyota-imara"].becomesVerified, o); }],
    ["myaza", () => { const c = myaza(); return (o: object) => c.getKycStatus(I.myaza.becomesVerified, o); }],
  ] as const)("%s", async (slug, make) => {
    const call = make();
    const seen: string[] = [];
    const result = await pollUntilSettled(async (o) => {
      const r = await call(o);
      seen.push(r.ok ? r.kyc.state : r.error.kind);
      return r;
    }, fast);
    expect(seen).toEqual(["pending", "pending", "approved"]);
    expect(result.ok && result.kyc.state).toBe("approved");
    expect(twins.twins[slug].requests()).toHaveLength(3);
  });
  it("a record set during the test moves on its own schedule (afterCalls: 4)", async () => {
    twins.twins.myaza.set("ver_later", { organization: "acme", status: "pending", then: [{ afterCalls: 4, status: "failed", reasonCode: "document_expired" }] });
    const client = myaza();
    const result = await pollUntilSettled((o) => client.getKycStatus("ver_later", o), fast);
    expect(result.ok && [result.kyc.state, result.kyc.reasonCode]).toEqual(["rejected", "document_expired"]);
    expect(twins.twins.myaza.requests()).toHaveLength(5);
  });
});

describe("provider-specific failures, as the clients report them", () => {
  it("Proof: unknown token 401 invalid_token, unknown user 404 not_found; requestId from X-Request-Id", async () => {
    const unauthorised = await proof("wrong").getKycStatus(I.proof.verified);
    expect(failure(unauthorised)).toEqual(["http", 401, "invalid_token", false]);
    expect(!unauthorised.ok && unauthorised.error.requestId).toMatch(/^req_/);
    expect(failure(await proof().getKycStatus("nobody"))).toEqual(["http", 404, "not_found", false]);
  });
  it("BTC Direct: each catalogue code at its spec status, with the catalogue entry", async () => {
    const b = C["btc-direct"];
    const cases: [ReturnType<typeof btc>, number, string][] = [
      [btc({ apiKey: "wrong" }), 401, "ER805"],
      [btc({ userIdentifier: "short" }), 400, "ER707"],
      [btc({ userIdentifier: "0".repeat(36) }), 404, "ER705"],
      [btc({ userToken: "wrong" }), 401, "ER702"],
      [btc({ userToken: b.expiredUserToken }), 400, "ER701"],
    ];
    for (const [client, status, code] of cases) {
      const r = await client.getKycStatus();
      expect(failure(r)).toEqual(["http", status, code, false]);
      expect(!r.ok && r.error.catalogueEntry?.code).toBe(code);
    }
    expect((await btc({ userToken: b.userToken }).getKycStatus()).ok).toBe(true);
  });
  it("Nyota Imara: 401 for an unknown token, 403 for another user without the policy, 404 for no record; fresh documentsExpireAt", async () => {
    expect(failure(await nyota("wrong").getKycStatus("me"))).toEqual(["http", 401, undefined, false]);
    expect(failure(await nyota(C["nyota-imara"].userToken).getKycStatus(I["nyota-imara"].verified))).toEqual(["http", 403, undefined, false]);
    expect(failure(await nyota().getKycStatus("usr_nobody"))).toEqual(["http", 404, undefined, false]);
    const before = Date.now();
    const own = await nyota(C["nyota-imara"].userToken).getKycStatus("me");
    expect(own.ok && own.kyc.state).toBe("pending");
    // assert the signed URLs expire 15 minutes after the twin signed them
    if (own.ok) expect(own.documentsExpireAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 899_000);
  });
  it("Myaza: another organization's verification is a 404 like an unknown id; 401; 400 for a malformed id", async () => {
    expect(failure(await myaza(C.myaza.publishableKey).getKycStatus(I.myaza.otherOrganization))).toEqual(["http", 404, undefined, false]);
    expect(failure(await myaza("sk_test_wrong").getKycStatus(I.myaza.verified))).toEqual(["http", 401, undefined, false]);
    expect(failure(await myaza().getKycStatus("not-a-ver-id"))).toEqual(["http", 400, undefined, false]);
  });
});

describe("rate limiting", () => {
  it("the 101st Myaza call in the window is a retryable 429 with the wait from RateLimit-Reset", async () => {
    const client = myaza(C.myaza.publishableKey);
    for (let i = 0; i < 100; i++) expect((await client.getKycStatus(I.myaza.verified)).ok).toBe(true);
    const limited = await client.getKycStatus(I.myaza.verified);
    expect(failure(limited)).toEqual(["http", 429, undefined, true]);
    expect(!limited.ok && limited.error.retryAfterMs).toBeGreaterThan(890_000);
    // assert the other key is not affected
    expect((await myaza(C.myaza.secretKey).getKycStatus(I.myaza.verified)).ok).toBe(true);
  });
});

describe("faults", () => {
  it("a 502 on the 2nd call is retried by pollUntilSettled; a reset is a network error; a malformed body is invalid_response", async () => {
    twins.twins.proof.set("flaky", { status: "pending", then: [{ afterCalls: 1, status: "verified" }], faults: [{ onCall: 2, status: 502 }] });
    const client = proof();
    const seen: string[] = [];
    const result = await pollUntilSettled(async (o) => {
      const r = await client.getKycStatus("flaky", o);
      seen.push(r.ok ? r.kyc.state : `${r.error.kind} ${r.error.httpStatus}`);
      return r;
    }, fast);
    expect(seen).toEqual(["pending", "http 502", "approved"]);
    expect(result.ok).toBe(true);

    twins.twins.proof.set("reset", { status: "verified", faults: [{ onCall: 1, reset: true }, { onCall: 2, malformed: true }] });
    expect(failure(await client.getKycStatus("reset"))).toEqual(["network", undefined, undefined, true]);
    expect(failure(await client.getKycStatus("reset"))).toEqual(["invalid_response", 200, undefined, false]);
  });
  it("a hung answer is the client's timeout; latency below the timeout is just slower", async () => {
    twins.twins.myaza.set("ver_hang", { organization: "acme", status: "verified", faults: [{ onCall: 1, hang: true }, { onCall: 2, latencyMs: 50 }] });
    // A timeout proves the hang is cut (long enough for the twin to have counted the call even on
    // a loaded machine); the slow answer gets the default timeout, so a loaded machine cannot
    // turn 50 ms of latency into a timeout.
    expect(failure(await myaza(C.myaza.secretKey, 2_000).getKycStatus("ver_hang"))).toEqual(["timeout", undefined, undefined, true]);
    expect(twins.twins.myaza.requests().filter((r) => r.path.endsWith("/ver_hang")).map((r) => r.fault)).toEqual(["hang"]);
    const started = Date.now();
    expect((await myaza().getKycStatus("ver_hang")).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});

/**
 * Our KYC integration against the provider twins: started in-process once for this file, reset
 * after each test, and every answer they gave checked against the providers' contracts.
 */
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMyazaClient, createProofClient, pollUntilSettled } from "kyc-status-contracts";
import { startTwins, type RunningTwins } from "kyc-status-contracts/twin";

let kyc: RunningTwins<"proof" | "myaza">;
beforeAll(async () => {
  kyc = await startTwins({ providers: ["proof", "myaza"], fixtures: fileURLToPath(new URL("./kyc-fixtures.yaml", import.meta.url)) });
});
/** Faults whose answer is meant to break the contract (or is no answer at all). */
const BROKEN_ON_PURPOSE = new Set(["malformed", "reset", "hang"]);
afterEach(() => {
  for (const twin of [kyc.twins.proof, kyc.twins.myaza]) {
    // every answer our code got is one the provider documents, a fault's 500 included
    for (const entry of twin.requests()) if (!BROKEN_ON_PURPOSE.has(entry.fault ?? "")) expect(entry).toSatisfyContract();
    twin.reset();
  }
});
afterAll(() => kyc.stop());

const proof = () => createProofClient({ baseUrl: kyc.urls.proof, clientToken: "test-client-token" });
const myaza = (apiKey = "sk_test_acme") => createMyazaClient({ baseUrl: kyc.urls.myaza, apiKey });

describe("reading a status", () => {
  it("a verified Proof user is approved", async () => {
    const result = await proof().getKycStatus("user-a");
    expect(result.ok && result.kyc.state).toBe("approved");
  });

  it("a user who never started is not_started", async () => {
    const result = await proof().getKycStatus("user-new");
    expect(result.ok && result.kyc.state).toBe("not_started");
  });

  it("another organization's verification is Myaza's 404, not its status", async () => {
    const result = await myaza().getKycStatus("ver_globex");
    expect(!result.ok && [result.error.kind, result.error.httpStatus]).toEqual(["http", 404]);
  });
});

describe("a transition: pending, then verified from the third call", () => {
  it("pollUntilSettled waits it out", async () => {
    const client = myaza();
    const settled = await pollUntilSettled((call) => client.getKycStatus("ver_user_b", call), { intervalMs: 10 });
    expect(settled.ok && settled.kyc.state).toBe("approved");
    expect(kyc.twins.myaza.requests().map((e) => JSON.parse(e.body) as { status: string }).map((b) => b.status)).toEqual(["pending", "pending", "verified"]);
  });
});

describe("faults", () => {
  it("a documented 500 on the first call, then the status", async () => {
    const first = await myaza().getKycStatus("ver_flaky");
    expect(!first.ok && [first.error.kind, first.error.httpStatus]).toEqual(["http", 500]);
    const second = await myaza().getKycStatus("ver_flaky");
    expect(second.ok && second.kyc.state).toBe("approved");
  });

  it("a cut JSON body is invalid_response, and is not an answer Myaza documents", async () => {
    const result = await myaza().getKycStatus("ver_cut");
    expect(!result.ok && result.error.kind).toBe("invalid_response");
    const [entry] = kyc.twins.myaza.requests();
    expect(entry?.fault).toBe("malformed");
    expect(entry).not.toSatisfyContract();
  });
});

describe("our own stubs and fetch calls, against the contract", () => {
  it("the stub our UI tests use for a failed verification is one Myaza can send", () => {
    const stub = {
      method: "GET",
      path: "/api/kyc/status/ver_ui_stub",
      status: 200,
      // Myaza documents its rate-limit headers on every 200: a stub without them is not an answer Myaza sends
      headers: { "content-type": "application/json", "ratelimit-limit": "100", "ratelimit-remaining": "99", "ratelimit-reset": "900" },
      body: { verificationId: "ver_ui_stub", status: "failed", reason: "Selfie did not match.", reasonCode: "selfie_mismatch", createdAt: "2026-04-27T12:00:00.000Z", completedAt: "2026-04-27T12:00:05.000Z" },
    };
    expect(stub).toSatisfyContract("myaza");
  });

  it("a plain fetch answer", async () => {
    const response = await fetch(`${kyc.urls.myaza}/api/kyc/status/ver_globex`, { headers: { Authorization: "Bearer sk_test_globex" } });
    await expect(response).toSatisfyContract();
    expect(await response.json()).toMatchObject({ status: "failed", reasonCode: "selfie_mismatch" });
  });
});

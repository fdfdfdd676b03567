/**
 * `kyc-status-contracts/vitest`: `toSatisfyContract` passes on every named example of every spec
 * (served by the twins) and on twin journal entries, fails naming the pointer of a drifted body,
 * works with `.not`, with fetch Responses and asymmetrically, and is typed on vitest's Assertion.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import "../src/vitest/index.js";
import type { ContractExchange } from "../src/vitest/index.js";
import { providerSlugs, type ProviderSlug } from "../src/providers.js";
import { listScenarios } from "../src/spec/scenarios.js";
import { specDocument } from "../src/spec/load.js";
import { createTwin, startTwins, DEFAULT_CREDENTIALS as C, DEFAULT_IDS as I, type RunningTwins, type TwinRequestRecord } from "../src/twin/index.js";

/** A request each twin answers with 200 from its built-in fixtures. */
const known: Record<ProviderSlug, { path: string; headers: Record<string, string> }> = {
  proof: { path: `/widget/users/${I.proof.verified}/kyc-status`, headers: { Authorization: `Bearer ${C.proof.clientToken}` } },
  "btc-direct": { path: "/api/v2/user/verification-status", headers: { "X-Api-Key": C["btc-direct"].apiKey, "User-Identifier": I["btc-direct"].fully_verified } },
  "nyota-imara": { path: `/v1/kyc/${I["nyota-imara"].verified}`, headers: { Authorization: `Bearer ${C["nyota-imara"].adminToken}` } },
  myaza: { path: `/api/kyc/status/${I.myaza.verified}`, headers: { Authorization: `Bearer ${C.myaza.secretKey}` } },
};

/** A twin journal entry: the twin's answer to `known[slug]` (with extra headers, e.g. Prefer). */
async function journalEntry(slug: ProviderSlug, headers: Record<string, string> = {}): Promise<TwinRequestRecord> {
  const twin = createTwin(slug);
  await twin.handle(new Request(`https://${slug}.example.test${known[slug].path}`, { headers: { ...known[slug].headers, ...headers } }));
  const [entry] = twin.requests();
  if (!entry) throw new Error("the twin journaled nothing");
  return entry;
}

/** A Myaza 200 whose body drifted from the spec: a status value the spec does not list. */
async function driftedMyaza(): Promise<TwinRequestRecord> {
  const entry = await journalEntry("myaza");
  return { ...entry, body: entry.body.replace('"status":"verified"', '"status":"approved"') };
}

describe("passes on the specs' named examples and on twin journal entries", () => {
  it.each(providerSlugs)("%s: every named example of every status, as the twin serves it with Prefer", async (slug) => {
    const scenarios = listScenarios(specDocument(slug));
    expect(scenarios.length).toBeGreaterThan(4);
    for (const scenario of scenarios) {
      const entry = await journalEntry(slug, { Prefer: scenario.prefer });
      // assert the twin served that example, and it satisfies the contract with the provider detected and named
      expect(entry.status, scenario.prefer).toBe(Number(scenario.status));
      expect(entry).toSatisfyContract();
      expect(entry).toSatisfyContract(slug);
    }
  });

  it("a journal of stateful answers (a 200, a 401, a 404) passes as it is", async () => {
    const twin = createTwin("myaza");
    const call = (id: string, key?: string) => twin.fetch(`https://identity.myaza.app/api/kyc/status/${id}`, key ? { headers: { Authorization: `Bearer ${key}` } } : {});
    await call(I.myaza.failed, C.myaza.secretKey);
    await call(I.myaza.verified);
    await call(I.myaza.verified, C.myaza.otherOrganizationKey);
    // assert each entry, and the whole journal asymmetrically
    expect(twin.requests().map((e) => e.status)).toEqual([200, 401, 404]);
    for (const entry of twin.requests()) expect(entry).toSatisfyContract("myaza");
    expect(twin.requests()).toEqual([expect.toSatisfyContract(), expect.toSatisfyContract(), expect.toSatisfyContract("myaza")]);
  });

  it("a stub's parsed body is judged as its JSON", () => {
    const stub: ContractExchange = { method: "GET", path: "/api/kyc/status/ver_stub", status: 401, headers: { "content-type": "application/json" }, body: { error: "Invalid API key" } };
    expect(stub).toSatisfyContract();
  });
});

describe("fails with every violation named: check, pointer, expected, actual", () => {
  it("a drifted body names its pointer", async () => {
    const drifted = await driftedMyaza();
    // assert the message lists the body-schema violation at /status with what was expected and seen
    expect(() => expect(drifted).toSatisfyContract()).toThrow(/to satisfy the myaza contract; 1 violation:\n {2}✗ \[body-schema\] at \/status: expected one of \["pending","verified","failed","not_found","error"\], got "approved"\./);
  });

  it("lists several violations, one line each", async () => {
    const entry = await journalEntry("myaza");
    const body = JSON.parse(entry.body) as Record<string, unknown>;
    const broken = { ...entry, body: JSON.stringify({ ...body, verificationId: 42, status: "approved" }) };
    let message = "";
    try {
      expect(broken).toSatisfyContract("myaza");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("✗ [body-schema] at /status");
    expect(message).toContain("✗ [id-echo] at /verificationId: expected \"ver_twin_verified\", got 42.");
    expect(message.split("\n").filter((l) => l.startsWith("  ✗ ")).length).toBeGreaterThanOrEqual(2);
  });

  it("an undocumented status, an undocumented path, the wrong provider", async () => {
    const entry = await journalEntry("proof");
    expect(() => expect({ ...entry, status: 418 }).toSatisfyContract()).toThrow(/✗ \[status-documented\] at \(response\): expected one of 200, 400, 401, 403, 404, 500, 502, got 418/);
    expect(() => expect({ ...entry, path: "/nowhere" }).toSatisfyContract()).toThrow("no provider's spec documents GET /nowhere. Pass the provider");
    expect(() => expect(entry).toSatisfyContract("myaza")).toThrow("✗ [operation-documented]");
  });

  it("a fault's answer (a cut JSON body) does not satisfy the contract", async () => {
    const twin = createTwin("myaza", { fixtures: { myaza: { keys: { sk_test_acme: "acme" }, records: { ver_1: { organization: "acme", status: "verified", faults: [{ malformed: true }] } } } } });
    await twin.fetch("https://identity.myaza.app/api/kyc/status/ver_1", { headers: { Authorization: "Bearer sk_test_acme" } });
    const [entry] = twin.requests();
    expect(entry?.fault).toBe("malformed");
    expect(entry).not.toSatisfyContract();
    expect(() => expect(entry).toSatisfyContract()).toThrow("✗ [body-json]");
  });

  it("refuses what is not an exchange, and an unknown provider, as usage errors", async () => {
    expect(() => expect({ path: "/x" }).toSatisfyContract()).toThrow("this value has no method, status, headers, body");
    expect(() => expect("GET /x").toSatisfyContract()).toThrow(TypeError);
    // @ts-expect-error "stripe" is not a provider slug
    expect(() => expect(journalEntry).toSatisfyContract("stripe")).toThrow(TypeError);
    const entry = await journalEntry("proof");
    // @ts-expect-error "stripe" is not a provider slug
    expect(() => expect(entry).toSatisfyContract("stripe")).toThrow('toSatisfyContract("stripe"): unknown provider. Use one of proof, btc-direct, nyota-imara, myaza');
  });
});

describe(".not", () => {
  it("passes on a drifted body and fails on a conforming one, saying so", async () => {
    expect(await driftedMyaza()).not.toSatisfyContract();
    const entry = await journalEntry("nyota-imara");
    expect(() => expect(entry).not.toSatisfyContract()).toThrow(`expected GET ${known["nyota-imara"].path} → 200 not to satisfy the nyota-imara contract, but every check passed.`);
  });
});

describe("fetch Responses (awaited)", () => {
  let running: RunningTwins<"myaza">;
  beforeAll(async () => {
    running = await startTwins({ providers: ["myaza"] });
  });
  afterAll(() => running.stop());

  it("judges a Response by its url, from a clone: the body is still readable", async () => {
    const response = await fetch(`${running.urls.myaza}/api/kyc/status/${I.myaza.failed}`, { headers: { Authorization: `Bearer ${C.myaza.secretKey}` } });
    await expect(response).toSatisfyContract();
    await expect(response).toSatisfyContract("myaza");
    expect(((await response.json()) as { status: string }).status).toBe("failed");
    const unauthorized = await fetch(`${running.urls.myaza}/api/kyc/status/${I.myaza.failed}`);
    await expect(unauthorized).toSatisfyContract();
  });

  it("{ request, response }: a Response without a url, judged for the request it answered", async () => {
    const request = new Request("https://identity.myaza.app/api/kyc/status/ver_stub");
    await expect({ request, response: Response.json({ error: "Invalid API key" }, { status: 401 }) }).toSatisfyContract();
    await expect({ request, response: Response.json({ error: "Invalid API key" }, { status: 200 }) }).not.toSatisfyContract();
    await expect(expect({ request, response: Response.json({ verificationId: "ver_stub", status: "approved", createdAt: "2026-04-27T12:00:00Z" }) }).toSatisfyContract()).rejects.toThrow(
      "✗ [body-schema] at /status",
    );
  });

  it("refuses a Response whose path is unknown or whose body was read", async () => {
    await expect(expect(Response.json({})).toSatisfyContract()).rejects.toThrow("this Response has no url (made with new Response or Response.json?), so its request path is unknown. Pass { request, response }.");
    const response = await fetch(`${running.urls.myaza}/api/kyc/status/${I.myaza.failed}`);
    await response.text();
    await expect(expect(response).toSatisfyContract()).rejects.toThrow("this Response's body was already read");
  });
});

describe("types", () => {
  it("extend vitest's Assertion: void for an exchange, a Promise for a Response; the provider is a slug", async () => {
    const entry = await journalEntry("proof");
    expectTypeOf(expect(entry).toSatisfyContract).parameter(0).toEqualTypeOf<ProviderSlug | undefined>();
    expectTypeOf(expect(entry).toSatisfyContract).returns.toEqualTypeOf<void>();
    expectTypeOf(expect(entry).not.toSatisfyContract).returns.toEqualTypeOf<void>();
    const response = Response.json({});
    expectTypeOf(expect(response).toSatisfyContract).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(expect({ request: new Request("https://x.test/"), response }).toSatisfyContract).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(expect.toSatisfyContract).toBeFunction();
  });
});

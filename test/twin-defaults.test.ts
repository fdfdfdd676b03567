/**
 * Every record of the built-in fixtures (what `kyc-contracts mock --engine twin` serves and prints)
 * answers through its typed client with the state its raw status maps to, and every answer is one
 * the spec allows. A record the twins' own defaults list but cannot serve is a twin bug.
 */
import { describe, expect, it } from "vitest";
import { createBtcDirectClient, createMyazaClient, createNyotaImaraClient, createProofClient } from "../src/index.js";
import { createTwin, DEFAULT_CREDENTIALS as C, DEFAULT_IDS as I } from "../src/twin/index.js";
import { expectJournalConforms } from "./helpers/twins.js";

const base = "https://twin.test";

describe("every built-in twin record answers through its client", () => {
  it.each(Object.entries(I.proof))("proof %s", async (_name, id) => {
    const twin = createTwin("proof");
    const result = await createProofClient({ baseUrl: base, clientToken: C.proof.clientToken, fetch: (request) => twin.fetch(request) }).getKycStatus(id);
    // assert a 200 the client reads, and a journal the spec allows
    expect(result.ok ? result.httpStatus : result.error.message).toBe(200);
    expectJournalConforms(twin);
  });

  it.each(Object.entries(I["btc-direct"]))("btc-direct %s", async (_name, id) => {
    const twin = createTwin("btc-direct");
    const result = await createBtcDirectClient({ baseUrl: base, apiKey: C["btc-direct"].apiKey, userIdentifier: id, fetch: (request) => twin.fetch(request) }).getKycStatus();
    expect(result.ok ? result.httpStatus : result.error.message).toBe(200);
    expectJournalConforms(twin);
  });

  it.each(Object.entries(I["nyota-imara"]))("nyota-imara %s", async (name, id) => {
    const twin = createTwin("nyota-imara");
    const result = await createNyotaImaraClient({ baseUrl: base, token: C["nyota-imara"].adminToken, fetch: (request) => twin.fetch(request) }).getKycStatus(id);
    expect(result.ok ? result.httpStatus : result.error.message).toBe(200);
    if (name === "none") expect(result.ok && result.kyc.state).toBe("not_started");
    expectJournalConforms(twin);
  });

  it.each(Object.entries(I.myaza))("myaza %s", async (name, id) => {
    const twin = createTwin("myaza");
    const key = name === "otherOrganization" ? C.myaza.otherOrganizationKey : C.myaza.secretKey;
    const result = await createMyazaClient({ baseUrl: base, apiKey: key, fetch: (request) => twin.fetch(request) }).getKycStatus(id);
    expect(result.ok ? result.httpStatus : result.error.message).toBe(200);
    expectJournalConforms(twin);
  });
});

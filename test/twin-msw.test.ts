/**
 * The MSW 2 recipe from the README: one `http.all` handler per provider host calling the twin's
 * `handle`. The clients then run with their default `fetch` against the provider's real base URL.
 */
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createMyazaClient, createProofClient, pollUntilSettled } from "../src/index.js";
import { createTwins, DEFAULT_CREDENTIALS as C, DEFAULT_IDS as I } from "../src/twin/index.js";
import { expectJournalConforms } from "./helpers/twins.js";

const twins = createTwins({ providers: ["myaza", "proof"] });
const server = setupServer(
  http.all("https://identity.myaza.app/*", ({ request }) => twins.myaza.handle(request)),
  http.all("https://proof.example.test/*", ({ request }) => twins.proof.handle(request)),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  expectJournalConforms(twins.myaza);
  expectJournalConforms(twins.proof);
  twins.myaza.reset();
  twins.proof.reset();
});
afterAll(() => server.close());

it("serves the clients' default fetch through MSW: status moves, failures are the provider's", async () => {
  const myaza = createMyazaClient({ baseUrl: "https://identity.myaza.app", apiKey: C.myaza.secretKey });
  const settled = await pollUntilSettled((o) => myaza.getKycStatus(I.myaza.becomesVerified, o), { intervalMs: 1 });
  expect(settled.ok && settled.kyc.state).toBe("approved");
  const foreign = await createMyazaClient({ baseUrl: "https://identity.myaza.app", apiKey: C.myaza.otherOrganizationKey }).getKycStatus(I.myaza.verified);
  expect(!foreign.ok && foreign.error.httpStatus).toBe(404);
  expect(twins.myaza.requests()).toHaveLength(4);
});

it("a reset fault becomes MSW's network error", async () => {
  twins.proof.set("u", { status: "verified", faults: [{ onCall: 1, reset: true }] });
  const proof = createProofClient({ baseUrl: "https://proof.example.test", clientToken: C.proof.clientToken });
  const first = await proof.getKycStatus("u");
  expect(!first.ok && first.error.kind).toBe("network");
  const second = await proof.getKycStatus("u");
  expect(second.ok && second.kyc.state).toBe("approved");
});

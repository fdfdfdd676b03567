/** Credentials as the spec says to send them: the one place clients, conformance and mocks build auth headers. */
import { describe, expect, it } from "vitest";
import { credentialHeaders, listOperations, loadSpec, securityRequirements, type OpenApiDocument } from "../src/spec/index.js";

const schemes = {
  bearer: { type: "http", scheme: "bearer" },
  key: { type: "apiKey", in: "header", name: "X-Key" },
  user: { type: "apiKey", in: "header", name: "X-User" },
};
const doc = (operationSecurity?: unknown[], documentSecurity?: unknown[]): OpenApiDocument => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  ...(documentSecurity ? { security: documentSecurity } : {}),
  paths: { "/x": { get: { responses: {}, ...(operationSecurity ? { security: operationSecurity } : {}) } } },
  components: { securitySchemes: schemes },
});
const op = (d: OpenApiDocument) => listOperations(d)[0]!;

describe("securityRequirements", () => {
  it("takes the operation's requirements over the document's, in spec order", () => {
    const d = doc([{ key: [], user: [] }, { bearer: [] }], [{ bearer: [] }]);
    expect(securityRequirements(d, op(d))).toEqual([["key", "user"], ["bearer"]]);
    const inherited = doc(undefined, [{ bearer: [] }]);
    expect(securityRequirements(inherited, op(inherited))).toEqual([["bearer"]]);
  });
});

describe("credentialHeaders", () => {
  it("puts each value in its scheme's header", () => {
    const d = doc([{ key: [], user: [] }, { bearer: [] }]);
    expect(credentialHeaders(d, op(d), { user: "u", key: "k" })).toEqual({ "X-Key": "k", "X-User": "u" });
    expect(credentialHeaders(d, op(d), { bearer: "t" })).toEqual({ Authorization: "Bearer t" });
  });

  it("refuses a set of schemes that is not exactly one requirement, naming schemes, never values", () => {
    const d = doc([{ key: [], user: [] }, { bearer: [] }]);
    // both user credentials, or a partial requirement: a bug in the caller
    const attempts: Record<string, string>[] = [{ key: "SECRETk", user: "SECRETu", bearer: "SECRETt" }, { key: "SECRETk" }];
    for (const values of attempts) {
      const attempt = () => credentialHeaders(d, op(d), values);
      expect(attempt).toThrow(/accepts no security requirement made of exactly \{/);
      expect(() => attempt()).not.toThrow(/SECRET/);
    }
  });

  it("refuses an undefined scheme", () => {
    const d = doc([{ missing: [] }]);
    expect(() => credentialHeaders(d, op(d), { missing: "v" })).toThrow('security scheme "missing" is not defined');
  });

  it("builds each provider's documented headers from its spec", async () => {
    const expectations: [string, Record<string, string>, Record<string, string>][] = [
      ["proof", { clientToken: "t" }, { Authorization: "Bearer t" }],
      ["btc-direct", { apiKey: "k", userIdentifier: "u" }, { "X-Api-Key": "k", "User-Identifier": "u" }],
      ["btc-direct", { partnerToken: "p", userToken: "Bearer ut" }, { Authorization: "Bearer p", "User-Authorization": "Bearer ut" }],
      ["nyota-imara", { bearerJwt: "jwt" }, { Authorization: "Bearer jwt" }],
      ["myaza", { apiKey: "sk_test_x" }, { Authorization: "Bearer sk_test_x" }],
    ];
    for (const [slug, values, headers] of expectations) {
      const spec = await loadSpec(slug as "proof");
      expect(credentialHeaders(spec, op(spec), values), slug).toEqual(headers);
    }
  });
});

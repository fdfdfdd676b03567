/**
 * Table tests of the local Spectral rules (kyc-*), run through the real .spectral.yaml so the
 * rule definitions, JSONPaths and functions are what `npm run lint` uses.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import spectralCore from "@stoplight/spectral-core";
import spectralParsers from "@stoplight/spectral-parsers";
import { beforeAll, describe, expect, it } from "vitest";

const { Spectral, Document } = spectralCore;
// The Spectral CLI's own ruleset loader, so the test resolves `.spectral.yaml` exactly as
// `spectral lint` does (YAML migration, OWASP extends from node_modules, functionsDir).
const { getRuleset } = createRequire(import.meta.url)("@stoplight/spectral-cli/dist/services/linter/utils/getRuleset.js") as {
  getRuleset: (file: string) => Promise<Parameters<InstanceType<typeof Spectral>["setRuleset"]>[0]>;
};
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Case {
  name: string;
  document: Record<string, unknown>;
  /** Expected kyc-* findings as `rule @ path`; empty for a valid case. */
  errors?: string[];
}

const base = (operation: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  paths: { "/things/{id}": { get: { operationId: "getThing", ...operation } } },
  ...extra,
});

const json = (examples?: Record<string, unknown>): Record<string, unknown> => ({
  "application/json": { schema: { type: "object" }, ...(examples ? { examples } : {}) },
});

const ok = { description: "ok", content: json({ found: { value: { id: "1" } } }) };
const err404 = { description: "not found", content: json({ not_found: { value: { error: "not_found" } } }) };
const secured = { security: [{ bearer: [] }] };

/** A document whose only operation is an OpenAPI 3.1 webhook. */
const webhookDoc = (operation: Record<string, unknown>): Record<string, unknown> => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" }, signature: { type: "apiKey", in: "header", name: "X-Signature" } } },
  security: [{ bearer: [] }],
  paths: {},
  webhooks: { "thing.created": { post: { operationId: "thingCreated", responses: { "2XX": { description: "ok" } }, ...operation } } },
});

const cases: Case[] = [
  { name: "valid: secured operation, every error response has named examples", document: base({ ...secured, responses: { "200": ok, "404": err404 } }) },
  { name: "valid: security inherited from the document", document: base({ responses: { "200": ok } }, { security: [{ bearer: [] }] }) },
  { name: "valid: 5XX range with examples", document: base({ ...secured, responses: { "200": ok, "5XX": { description: "e", content: json({ boom: { value: {} } }) } } }) },
  {
    name: "invalid: 404 without any content",
    document: base({ ...secured, responses: { "200": ok, "404": { description: "nf" } } }),
    errors: ["kyc-error-response-named-examples @ paths./things/{id}.get.responses.404"],
  },
  {
    name: "invalid: 500 with a schema but no named examples",
    document: base({ ...secured, responses: { "200": ok, "500": { description: "e", content: json() } } }),
    errors: ["kyc-error-response-named-examples @ paths./things/{id}.get.responses.500.content.application/json"],
  },
  {
    name: "invalid: named example with no value",
    document: base({ ...secured, responses: { "200": ok, "401": { description: "e", content: json({ bad: { summary: "no value" } }) } } }),
    errors: ["kyc-error-response-named-examples @ paths./things/{id}.get.responses.401.content.application/json.examples.bad"],
  },
  {
    name: "invalid: operation with no security anywhere",
    document: base({ responses: { "200": ok } }),
    errors: ["kyc-operation-security @ paths./things/{id}.get"],
  },
  {
    name: "invalid: empty security requirement makes auth optional",
    document: base({ security: [{ bearer: [] }, {}], responses: { "200": ok } }),
    errors: ["kyc-operation-security @ paths./things/{id}.get.security"],
  },
  {
    name: "invalid: operation opts out of the document's security",
    document: base({ security: [], responses: { "200": ok } }, { security: [{ bearer: [] }] }),
    errors: ["kyc-operation-security @ paths./things/{id}.get"],
  },
  {
    name: "invalid: bare default response",
    document: base({ ...secured, responses: { "200": ok, default: { description: "anything", content: json({ any: { value: {} } }) } } }),
    errors: ["kyc-no-default-response @ paths./things/{id}.get.responses.default"],
  },
  {
    name: "invalid: example name not snake_case",
    document: base({ ...secured, responses: { "200": { description: "ok", content: json({ "Found-It": { value: {} } }) } } }),
    errors: ["kyc-example-names-snake-case @ paths./things/{id}.get.responses.200.content.application/json.examples.Found-It"],
  },
  {
    name: "valid: webhook with its own signature security and snake_case body examples",
    document: webhookDoc({ security: [{ signature: [] }], requestBody: { content: json({ completed: { value: {} } }) } }),
  },
  {
    name: "invalid: webhook opts out of security",
    document: webhookDoc({ security: [], requestBody: { content: json({ completed: { value: {} } }) } }),
    errors: ["kyc-operation-security @ webhooks.thing.created.post"],
  },
  {
    name: "invalid: webhook uses an undefined scheme, and a body example name not snake_case",
    document: webhookDoc({ security: [{ hmac: [] }], requestBody: { content: json({ "Thing-Created": { value: {} } }) } }),
    errors: [
      "kyc-operation-security @ webhooks.thing.created.post.security",
      "kyc-example-names-snake-case @ webhooks.thing.created.post.requestBody.content.application/json.examples.Thing-Created",
    ],
  },
];

describe("local Spectral rules", () => {
  let spectral: InstanceType<typeof Spectral>;
  beforeAll(async () => {
    spectral = new Spectral();
    spectral.setRuleset(await getRuleset(path.join(root, ".spectral.yaml")));
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const document = new Document(JSON.stringify(c.document), spectralParsers.Json, path.join(root, "test", "inline.json"));
    const results = await spectral.run(document);
    const mine = results
      .filter((r) => String(r.code).startsWith("kyc-"))
      .map((r) => `${r.code} @ ${r.path.join(".")}`)
      .sort();
    expect(mine).toEqual([...(c.errors ?? [])].sort());
  });
});

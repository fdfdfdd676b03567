/**
 * Table tests of the diff rules (src/evolution/rules.ts): each rule with a tiny pair of specs.
 * Schema, parameter, media-type and example rules are written once and placed in each direction
 * (a response body, a request body, a webhook payload; response headers, request parameters,
 * webhook headers), so `response-enum-value-added`, `request-enum-value-added` and
 * `webhook-enum-value-added` are each exercised. The last describe fails when a registry rule has
 * no case here.
 */
import { describe, expect, it } from "vitest";
import { diffSpecs, type ProviderDiff } from "../src/evolution/diff.js";
import { diffRules, type ChangeDirection } from "../src/evolution/rules.js";
import type { OpenApiDocument } from "../src/spec/load.js";
import type { ProviderSlug } from "../src/providers.js";
import { obj, str, templateCases, type TemplateCase } from "./fixtures/diff-cases.js";

type Json = Record<string, unknown>;

const doc = (parts: Json): OpenApiDocument => ({ openapi: "3.1.0", info: { title: "t", version: "1.0.0" }, paths: {}, ...parts });

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const getWith = (responses: Json, extra: Json = {}): Json => ({ "/things/{id}": { get: { operationId: "getThing", parameters: [idParam], responses, ...extra } } });
const ok = (content: Json, extra: Json = {}): Json => ({ "200": { description: "ok", content, ...extra } });
const json = (schema: unknown, extra: Json = {}): Json => ({ "application/json": { schema, ...extra } });
const postWith = (operation: Json): Json => ({ "/things": { post: { operationId: "createThing", responses: { "204": { description: "done" } }, ...operation } } });
const webhookWith = (operation: Json): Json => ({ "thing.created": { post: { operationId: "thingCreated", responses: { "2XX": { description: "ok" } }, ...operation } } });

/** Places a schema, parameters, a `content` map, in one direction. */
const place: Record<ChangeDirection, { schema(s: unknown): OpenApiDocument; params(p: Json[]): OpenApiDocument; content(c: Json): OpenApiDocument }> = {
  response: {
    schema: (s) => doc({ paths: getWith(ok(json(s))) }),
    // Response headers: the parameter's `name` becomes the header key.
    params: (p) => doc({ paths: getWith(ok(json({ type: "object" }), { headers: Object.fromEntries(p.map(({ name, in: _in, ...h }) => [name as string, h])) })) }),
    content: (c) => doc({ paths: getWith(ok(c)) }),
  },
  request: {
    schema: (s) => doc({ paths: postWith({ requestBody: { required: true, content: json(s) } }) }),
    params: (p) => doc({ paths: postWith({ parameters: p }) }),
    content: (c) => doc({ paths: postWith({ requestBody: { required: true, content: c } }) }),
  },
  webhook: {
    schema: (s) => doc({ webhooks: webhookWith({ requestBody: { required: true, content: json(s) } }) }),
    params: (p) => doc({ webhooks: webhookWith({ parameters: p }) }),
    content: (c) => doc({ webhooks: webhookWith({ requestBody: { required: true, content: c } }) }),
  },
};

const ids = (d: ProviderDiff): string[] => d.changes.map((c) => c.id);
const run = (oldDoc: OpenApiDocument, newDoc: OpenApiDocument, provider: ProviderSlug = "proof"): ProviderDiff => diffSpecs(oldDoc, newDoc, { provider });

const placed = (c: TemplateCase, direction: ChangeDirection, side: "old" | "new"): OpenApiDocument => {
  const value = c[side];
  const p = place[direction];
  return c.kind === "schema" ? p.schema(value) : c.kind === "params" ? p.params(value as Json[]) : p.content(value as Json);
};

const directions: ChangeDirection[] = ["response", "request", "webhook"];

describe("schema, parameter, media-type and example rules, in each direction", () => {
  for (const c of templateCases) {
    for (const direction of directions) {
      it(`${direction}-${c.key}`, () => {
        const d = run(placed(c, direction, "old"), placed(c, direction, "new"));
        // assert the rule fires, with the registry's level and direction
        const change = d.changes.find((x) => x.id === `${direction}-${c.key}`);
        expect(change, JSON.stringify(ids(d))).toBeDefined();
        expect(change?.level).toBe(diffRules.get(`${direction}-${c.key}`)?.level);
        expect(change?.direction).toBe(direction);
        // assert the same document against itself is no change
        expect(run(placed(c, direction, "new"), placed(c, direction, "new")).changes).toEqual([]);
      });
    }
  }
});

describe("direction decides the level", () => {
  it("a new enum value breaks a response and a webhook payload, and is info in a request", () => {
    const c = templateCases.find((x) => x.key === "enum-value-added") as TemplateCase;
    // assert reader directions break, the sender direction does not
    expect(run(placed(c, "response", "old"), placed(c, "response", "new")).changes[0]?.level).toBe("breaking");
    expect(run(placed(c, "webhook", "old"), placed(c, "webhook", "new")).changes[0]?.level).toBe("breaking");
    expect(run(placed(c, "request", "old"), placed(c, "request", "new")).changes[0]?.level).toBe("info");
  });
  it("a tighter pattern breaks a request and is info in a response", () => {
    const c = templateCases.find((x) => x.key === "pattern-added") as TemplateCase;
    expect(run(placed(c, "request", "old"), placed(c, "request", "new")).changes[0]?.level).toBe("breaking");
    expect(run(placed(c, "response", "old"), placed(c, "response", "new")).changes[0]?.level).toBe("info");
  });
  it("a description alone is never above info", () => {
    const c = templateCases.find((x) => x.key === "description-changed") as TemplateCase;
    for (const direction of directions) {
      const d = run(placed(c, direction, "old"), placed(c, direction, "new"));
      // assert info only, and a patch bump
      expect(d.changes.map((x) => x.level)).toEqual(["info"]);
      expect(d.recommendedBump).toBe("patch");
    }
  });
});

interface SingleCase {
  id: string;
  old: OpenApiDocument;
  new: OpenApiDocument;
  provider?: ProviderSlug;
}

const secured = (security: Json[], schemes: Json): Json => ({ components: { securitySchemes: schemes }, security });
const bearer = { bearer: { type: "http", scheme: "bearer" } };
const apiKey = { key: { type: "apiKey", in: "header", name: "X-Api-Key" } };
const status = (values: string[], transitions: Json[] = [{ from: "pending", to: ["verified", "failed"] }, { from: "verified", to: [] }]): OpenApiDocument =>
  doc({ paths: getWith(ok(json(obj({ status: { type: "string", enum: values } }, ["status"], { "x-lifecycle": { property: "status", transitions } })))) });
const btcError = (code: string, httpStatus: string, message = "Token expired.", solution = "Refresh it."): Json => ({
  [httpStatus]: { description: "error", content: json({ type: "object" }, { examples: { [`${code.toLowerCase()}_example`]: { value: { errors: { [code]: { code, message, solution } } } } } }) },
});
const btc = (...errors: Json[]): OpenApiDocument => doc({ paths: getWith(Object.assign({ "200": { description: "ok" } }, ...errors) as Json) });

const singleCases: SingleCase[] = [
  { id: "operation-removed", old: doc({ paths: getWith(ok(json(str))) }), new: doc({}) },
  { id: "operation-added", old: doc({}), new: doc({ paths: getWith(ok(json(str))) }) },
  { id: "operation-id-changed", old: doc({ paths: getWith(ok(json(str))) }), new: doc({ paths: getWith(ok(json(str)), { operationId: "fetchThing" }) }) },
  { id: "request-body-became-required", old: doc({ paths: postWith({ requestBody: { required: false, content: json(str) } }) }), new: doc({ paths: postWith({ requestBody: { required: true, content: json(str) } }) }) },
  { id: "request-body-removed", old: doc({ paths: postWith({ requestBody: { content: json(str) } }) }), new: doc({ paths: postWith({}) }) },
  { id: "security-changed", old: doc({ paths: getWith(ok(json(str))), ...secured([{ bearer: [] }], bearer) }), new: doc({ paths: getWith(ok(json(str))), ...secured([{ key: [] }], apiKey) }) },
  {
    id: "security-alternative-added",
    old: doc({ paths: getWith(ok(json(str))), ...secured([{ bearer: [] }], bearer) }),
    new: doc({ paths: getWith(ok(json(str))), ...secured([{ bearer: [] }, { key: [] }], { ...bearer, ...apiKey }) }),
  },
  { id: "server-removed", old: doc({ servers: [{ url: "https://a.example" }] }), new: doc({ servers: [{ url: "https://b.example" }] }) },
  { id: "server-added", old: doc({ servers: [{ url: "https://a.example" }] }), new: doc({ servers: [{ url: "https://a.example" }, { url: "https://b.example" }] }) },
  { id: "response-status-added", old: doc({ paths: getWith(ok(json(str))) }), new: doc({ paths: getWith({ ...ok(json(str)), "409": { description: "conflict" } }) }) },
  { id: "response-status-removed", old: doc({ paths: getWith({ ...ok(json(str)), "409": { description: "conflict" } }) }), new: doc({ paths: getWith(ok(json(str))) }) },
  { id: "webhook-removed", old: doc({ webhooks: webhookWith({}) }), new: doc({}) },
  { id: "webhook-added", old: doc({}), new: doc({ webhooks: webhookWith({}) }) },
  { id: "kyc-status-value-added", old: status(["pending", "verified"]), new: status(["pending", "verified", "failed"]) },
  { id: "kyc-status-unmapped", old: status(["pending", "verified", "failed"]), new: status(["pending", "verified", "failed", "expired"]) },
  { id: "kyc-status-value-removed", old: status(["pending", "verified", "failed"]), new: status(["pending", "verified"]) },
  {
    id: "lifecycle-transition-from-final-added",
    old: status(["pending", "verified", "failed"]),
    new: status(["pending", "verified", "failed"], [{ from: "pending", to: ["verified", "failed"] }, { from: "verified", to: ["pending"] }]),
  },
  { id: "lifecycle-transition-added", old: status(["pending", "verified", "failed"]), new: status(["pending", "verified", "failed"], [{ from: "pending", to: ["verified", "failed", "pending"] }, { from: "verified", to: [] }]) },
  { id: "lifecycle-transition-removed", old: status(["pending", "verified", "failed"]), new: status(["pending", "verified", "failed"], [{ from: "pending", to: ["verified"] }, { from: "verified", to: [] }]) },
  { id: "btc-direct-error-code-removed", provider: "btc-direct", old: btc(btcError("ER801", "400"), btcError("ER700", "401")), new: btc(btcError("ER801", "400")) },
  { id: "btc-direct-error-code-moved", provider: "btc-direct", old: btc(btcError("ER801", "400")), new: btc(btcError("ER801", "401")) },
  { id: "btc-direct-error-code-added", provider: "btc-direct", old: btc(btcError("ER801", "400")), new: btc(btcError("ER801", "400"), btcError("ER700", "401")) },
  { id: "btc-direct-error-text-changed", provider: "btc-direct", old: btc(btcError("ER801", "400")), new: btc(btcError("ER801", "400", "Token has expired.")) },
  { id: "document-text-changed", old: doc({ info: { title: "t", version: "1.0.0", description: "old" } }), new: doc({ info: { title: "t", version: "1.0.0", description: "new" } }) },
];

describe("operation, security, server, webhook and domain rules", () => {
  for (const c of singleCases) {
    it(c.id, () => {
      const d = run(c.old, c.new, c.provider);
      // assert the rule fires with the registry's level
      const change = d.changes.find((x) => x.id === c.id);
      expect(change, JSON.stringify(ids(d))).toBeDefined();
      expect(change?.level).toBe(diffRules.get(c.id)?.level);
      expect(change?.pointer).toMatch(/^(\/[^/]*)*$/);
      // assert the new document against itself is no change
      expect(run(c.new, structuredClone(c.new), c.provider).changes).toEqual([]);
    });
  }

  it("a new status the normalization maps is breaking but not unmapped", () => {
    const d = run(status(["pending", "verified"]), status(["pending", "verified", "failed"]));
    // assert failed is in statusTable.proof: only kyc-status-value-added (and the enum rule)
    expect(ids(d)).toContain("kyc-status-value-added");
    expect(ids(d)).not.toContain("kyc-status-unmapped");
  });

  it("a catalogue code moved to another status is reported on the code, not only as statuses", () => {
    const d = run(btc(btcError("ER801", "400")), btc(btcError("ER801", "401")), "btc-direct");
    expect(d.changes.find((c) => c.id === "btc-direct-error-code-moved")?.message).toContain("from HTTP 400 to 401");
  });
});

describe("every registry rule has a case", () => {
  it("the tables above cover the registry", () => {
    const covered = new Set([...templateCases.flatMap((c) => directions.map((d) => `${d}-${c.key}`)), ...singleCases.map((c) => c.id)]);
    // assert a rule added to rules.ts without a case here fails
    expect([...diffRules.keys()].filter((id) => !covered.has(id))).toEqual([]);
    // assert no case names a rule that does not exist
    expect([...covered].filter((id) => !diffRules.has(id))).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { providerSlugs, type ProviderSlug } from "../src/providers.js";
import { createSpecValidator, getAtPointer, listOperations, listResponses, loadSpec, type OpenApiDocument, type ResponseInfo, type SpecValidator } from "../src/spec/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));

interface DocFixture {
  name: string;
  source: string;
  status: string;
  body: unknown;
}

const fixtures = (slug: ProviderSlug): DocFixture[] =>
  JSON.parse(readFileSync(path.join(here, "fixtures", "provider-docs", `${slug}.json`), "utf8")) as DocFixture[];

interface Loaded {
  doc: OpenApiDocument;
  validator: SpecValidator;
  responses: ResponseInfo[];
}

async function load(slug: ProviderSlug): Promise<Loaded> {
  const doc = await loadSpec(slug);
  const ops = listOperations(doc);
  // assert each spec describes exactly the one documented GET
  expect(ops).toHaveLength(1);
  expect(ops[0]?.method).toBe("get");
  return { doc, validator: createSpecValidator(doc), responses: listResponses(doc, ops[0]!) };
}

function jsonSchemaPointer(loaded: Loaded, status: string): string {
  const res = loaded.responses.find((r) => r.status === status);
  const pointer = res?.media.find((m) => m.mediaType === "application/json")?.schemaPointer;
  if (!pointer) throw new Error(`no application/json schema for ${status}`);
  return pointer;
}

const clone = <T>(v: T): T => structuredClone(v);

describe.each(providerSlugs)("%s spec", (slug) => {
  let loaded: Loaded;
  beforeAll(async () => {
    loaded = await load(slug);
  });

  it("is OpenAPI 3.1.0 with the JSON Schema 2020-12 dialect", () => {
    expect(loaded.doc.openapi).toBe("3.1.0");
    expect(loaded.doc.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("gives every response a JSON body schema and at least one named example", () => {
    for (const res of loaded.responses) {
      const json = res.media.find((m) => m.mediaType === "application/json");
      expect(json?.schemaPointer, `${res.status} schema`).toBeDefined();
      expect(json?.examples.length, `${res.status} examples`).toBeGreaterThan(0);
    }
  });

  it("has every named example valid against its response schema (Ajv 2020-12 + formats)", () => {
    let checked = 0;
    for (const res of loaded.responses) {
      for (const media of res.media) {
        for (const example of media.examples) {
          const result = loaded.validator.validate(media.schemaPointer!, example.value);
          expect(result, `${res.status} example ${example.name}`).toEqual({ valid: true });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("has every documented response header example valid against its schema", () => {
    const checked: string[] = [];
    for (const res of loaded.responses) {
      for (const header of res.headers) {
        const example = (getAtPointer(loaded.doc, header.pointer) as { example?: unknown }).example;
        expect(example, `${res.status} ${header.name} example`).toBeDefined();
        expect(loaded.validator.validate(header.schemaPointer!, example)).toEqual({ valid: true });
        checked.push(`${res.status} ${header.name}`);
      }
    }
    // assert the headers the providers document are there to check (Proof X-Request-Id everywhere, Myaza RateLimit-* on 200/429)
    const expected: Record<ProviderSlug, string[]> = {
      proof: ["200", "400", "401", "403", "404", "500", "502"].map((s) => `${s} X-Request-Id`),
      "btc-direct": [],
      "nyota-imara": [],
      myaza: ["200", "429"].flatMap((s) => ["Limit", "Remaining", "Reset"].map((h) => `${s} RateLimit-${h}`)),
    };
    expect(checked.sort()).toEqual(expected[slug].sort());
  });

  it.each(fixtures(slug).map((f) => [f.name, f] as const))("accepts the provider page's body: %s", (_name, fixture) => {
    const result = loaded.validator.validate(jsonSchemaPointer(loaded, fixture.status), fixture.body);
    expect(result).toEqual({ valid: true });
  });
});

/** A negative case: a documented body, broken one way, that the schema must reject. */
interface Negative {
  name: string;
  status: string;
  body: unknown;
  /** The Ajv keyword expected among the violations. */
  keyword: string;
}

const proofOk = { partner_user_id: "user-123", status: "verified" };
const nyotaOk = (fixtures("nyota-imara")[0]!.body as { data: Record<string, unknown> });
const myazaOk = { verificationId: "ver_01j9x2m4k7", status: "verified", createdAt: "2026-04-27T12:00:00.000Z", completedAt: "2026-04-27T12:00:05.000Z" };
const myazaFailed = { ...myazaOk, status: "failed", reason: "Selfie mismatch", reasonCode: "selfie_mismatch" };
const without = <T extends Record<string, unknown>>(o: T, key: string): Record<string, unknown> => {
  const c: Record<string, unknown> = clone(o);
  delete c[key];
  return c;
};
const nyotaWith = (data: Record<string, unknown>): unknown => ({ success: true, data });

const negatives: Record<ProviderSlug, Negative[]> = {
  proof: [
    { name: "undocumented status value", status: "200", body: { ...proofOk, status: "approved" }, keyword: "enum" },
    { name: "missing partner_user_id", status: "200", body: without(proofOk, "partner_user_id"), keyword: "required" },
    { name: "missing status", status: "200", body: without(proofOk, "status"), keyword: "required" },
    { name: "error body without code", status: "404", body: { error: "not_found", message: "Unknown" }, keyword: "required" },
    { name: "problem+json instead of Proof's error body", status: "401", body: { type: "about:blank", title: "Unauthorized", status: 401 }, keyword: "required" },
  ],
  "btc-direct": [
    { name: "a plain object instead of the requirement array", status: "200", body: { status: "verified" }, keyword: "type" },
    { name: "requirement without status", status: "200", body: [{ name: "idDocument", type: "document" }], keyword: "required" },
    { name: "requirement without name", status: "200", body: [{ status: "missing" }], keyword: "required" },
    { name: "requirement data that is a string", status: "200", body: [{ name: "kyc", status: "open", data: "token" }], keyword: "type" },
    { name: "error without solution", status: "401", body: { errors: { ER806: { code: "ER806", message: "API key not found." } } }, keyword: "required" },
    { name: "error key that is not an ER code", status: "401", body: { errors: { apiKey: { code: "apiKey", message: "x", solution: "y" } } }, keyword: "pattern" },
    { name: "empty error map", status: "500", body: { errors: {} }, keyword: "minProperties" },
  ],
  "nyota-imara": [
    { name: "undocumented status value", status: "200", body: nyotaWith({ ...nyotaOk, status: "approved" }), keyword: "enum" },
    { name: "missing submittedAt", status: "200", body: nyotaWith(without(nyotaOk, "submittedAt")), keyword: "required" },
    { name: "non-timestamp submittedAt", status: "200", body: nyotaWith({ ...nyotaOk, submittedAt: "20 April 2025" }), keyword: "format" },
    { name: "verifiedAt that is not a timestamp or null", status: "200", body: nyotaWith({ ...nyotaOk, verifiedAt: "yesterday" }), keyword: "format" },
    { name: "document URL that is not a URI", status: "200", body: nyotaWith({ ...nyotaOk, documents: { idFrontUrl: "not a url", idBackUrl: "https://a.example/b", passportPhotoUrl: "https://a.example/c" } }), keyword: "format" },
    { name: "success: false on a 200", status: "200", body: { success: false, data: nyotaOk }, keyword: "const" },
    { name: "error body with message instead of error", status: "404", body: { success: false, message: "KYC record not found for this user." }, keyword: "required" },
  ],
  myaza: [
    { name: "undocumented status value", status: "200", body: { ...myazaOk, status: "approved" }, keyword: "oneOf" },
    { name: "missing createdAt", status: "200", body: without(myazaOk, "createdAt"), keyword: "oneOf" },
    { name: "non-timestamp createdAt", status: "200", body: { ...myazaOk, createdAt: "yesterday" }, keyword: "format" },
    { name: "verificationId without the ver_ prefix", status: "200", body: { ...myazaOk, verificationId: "01j9x2m4k7" }, keyword: "pattern" },
    { name: "failed without reasonCode", status: "200", body: without(myazaFailed, "reasonCode"), keyword: "required" },
    { name: "verified without completedAt", status: "200", body: without(myazaOk, "completedAt"), keyword: "required" },
    { name: "error body without error", status: "404", body: { message: "Verification not found" }, keyword: "required" },
  ],
};

describe.each(providerSlugs)("%s schemas reject broken bodies", (slug) => {
  let loaded: Loaded;
  beforeAll(async () => {
    loaded = await load(slug);
  });

  it.each(negatives[slug].map((n) => [n.name, n] as const))("rejects %s", (_name, negative) => {
    const result = loaded.validator.validate(jsonSchemaPointer(loaded, negative.status), negative.body);
    expect(result.valid).toBe(false);
    // assert it fails for the intended reason, not an unrelated one
    const keywords = result.valid ? [] : result.violations.map((v) => v.keyword);
    expect(keywords).toContain(negative.keyword);
  });
});

describe("spec facts the provider pages state", () => {
  it("uses the documented paths, written in full", async () => {
    const paths = await Promise.all(providerSlugs.map(async (s) => Object.keys((await loadSpec(s)).paths)));
    expect(paths).toEqual([
      ["/widget/users/{partner_user_id}/kyc-status"],
      ["/api/v2/user/verification-status"],
      ["/v1/kyc/{userId}"],
      ["/api/kyc/status/{verificationId}"],
    ]);
  });

  it("lists only hosts in servers", async () => {
    for (const slug of providerSlugs) {
      const servers = (await loadSpec(slug)).servers as { url: string }[];
      expect(servers.length).toBeGreaterThan(0);
      for (const s of servers) expect(s.url, slug).toMatch(/^https:\/\/[^/]+$/);
    }
  });

  it("documents every status code per provider", async () => {
    const statuses = async (slug: ProviderSlug): Promise<string[]> => {
      const doc = await loadSpec(slug);
      return listResponses(doc, listOperations(doc)[0]!).map((r) => r.status);
    };
    expect(await statuses("proof")).toEqual(["200", "400", "401", "403", "404", "500", "502"]);
    expect(await statuses("btc-direct")).toEqual(["200", "400", "401", "403", "404", "500"]);
    expect(await statuses("nyota-imara")).toEqual(["200", "401", "403", "404", "500"]);
    expect(await statuses("myaza")).toEqual(["200", "400", "401", "403", "404", "429", "500"]);
  });

  it("gives Proof one named example per documented error/code pair", async () => {
    const doc = await loadSpec("proof");
    const pairs = listResponses(doc, listOperations(doc)[0]!)
      .filter((r) => Number(r.status) >= 400)
      .flatMap((r) => r.media[0]!.examples.map((e) => `${r.status} ${(e.value as { error: string }).error}/${(e.value as { code: string }).code}`));
    expect(pairs.sort()).toEqual(
      [
        "400 invalid_request/validation_error",
        "400 invalid_request/decode_error",
        "400 invalid_request/missing_param",
        "401 unauthorised/missing_token",
        "401 unauthorised/invalid_token",
        "403 forbidden/forbidden_origin",
        "404 not_found/not_found",
        "500 internal_error/db_error",
        "500 internal_error/token_error",
        "502 upstream_error/provider_error",
        "502 upstream_unavailable/upstream_unavailable",
        "502 upstream_unavailable/upstream_invalid_response",
      ].sort(),
    );
  });

  it("has a named success example for every documented status value", async () => {
    const successValues = async (slug: ProviderSlug, pick: (v: unknown) => string[]): Promise<Set<string>> => {
      const doc = await loadSpec(slug);
      const ok = listResponses(doc, listOperations(doc)[0]!).find((r) => r.status === "200")!;
      return new Set(ok.media[0]!.examples.flatMap((e) => pick(e.value)));
    };
    const top = (v: unknown): string[] => [(v as { status: string }).status];
    expect(await successValues("proof", top)).toEqual(new Set(["not_started", "pending", "verified", "failed"]));
    expect(await successValues("nyota-imara", (v) => [(v as { data: { status: string } }).data.status])).toEqual(new Set(["none", "pending", "verified", "rejected"]));
    expect(await successValues("myaza", top)).toEqual(new Set(["pending", "verified", "failed", "not_found", "error"]));
    const btc = await successValues("btc-direct", (v) => (Array.isArray(v) ? (v.length === 0 ? ["(empty)"] : v.map((i: { status: string }) => i.status)) : []));
    expect(btc).toEqual(new Set(["(empty)", "missing", "pending", "open"]));
  });
});

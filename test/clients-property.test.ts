/**
 * Property: whatever a server or the network does (any status, content type, headers, and any
 * body: documented, mutated, truncated, HTML, empty, random, echoing the secrets), a call never
 * throws and returns a well-formed result that tells the truth about the response.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientErrorKinds, createProofClient, kycStates, loadSpec, providerSlugs } from "../src/index.js";
import { createSpecValidator, listOperations, listResponses } from "../src/spec/index.js";
import { isObject } from "../src/json.js";
import type { ProviderSlug } from "../src/providers.js";
import { harnesses, RECORD_ID, recordingFetch, secretsInError, shapeProblems, TOKEN, USER_ID, type AnyResult } from "./helpers/clients.js";

const RUNS = 1000;
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"];

interface Exchange {
  status: number;
  contentType: string | undefined;
  body: string;
  /** The body is a documented example, unmodified. */
  documented: boolean;
  headers: Record<string, string>;
  networkFailure: boolean;
}

const headerText = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, "").trim());

function exchanges(examples: readonly unknown[], successExamples: readonly unknown[]): fc.Arbitrary<Exchange> {
  const documented = fc.constantFrom(...examples).map((v) => ({ body: JSON.stringify(v), documented: true }));
  const documentedSuccess = fc.constantFrom(...successExamples).map((v) => ({ body: JSON.stringify(v), documented: true }));
  const other = (body: fc.Arbitrary<string>) => body.map((b) => ({ body: b, documented: false }));
  const mutated = fc
    .tuple(fc.constantFrom(...examples), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
    .map(([example, key, value]) => {
      const copy: Record<string, unknown> = isObject(example) ? structuredClone(example) : {};
      const keys = Object.keys(copy);
      copy[keys.length > 0 && key.length % 2 === 0 ? keys[key.length % keys.length]! : key] = value;
      return JSON.stringify(copy);
    });
  const truncated = fc.tuple(fc.constantFrom(...examples), fc.nat()).map(([example, cut]) => {
    const text = JSON.stringify(example);
    return text.slice(0, cut % Math.max(1, text.length));
  });
  const secretEcho = fc.constantFrom(
    JSON.stringify({ error: TOKEN, code: USER_ID, message: `${TOKEN} ${RECORD_ID}`, errors: { [TOKEN]: { code: TOKEN, message: USER_ID, solution: RECORD_ID } } }),
    JSON.stringify({ success: false, error: `Unauthorized: ${TOKEN}` }),
    `<html><title>502</title>${TOKEN} ${USER_ID}</html>`,
  );
  const body = fc.oneof(
    { weight: 3, arbitrary: documentedSuccess },
    { weight: 3, arbitrary: documented },
    { weight: 2, arbitrary: other(mutated) },
    { weight: 2, arbitrary: other(truncated) },
    { weight: 1, arbitrary: other(fc.json({ maxDepth: 3 })) },
    { weight: 1, arbitrary: other(fc.constantFrom("", " ", "null", "[]", "{}", "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>", "\ufeff{}")) },
    { weight: 1, arbitrary: other(fc.string({ maxLength: 60 })) },
    { weight: 1, arbitrary: other(secretEcho) },
  );
  const status = fc.oneof(
    { weight: 4, arbitrary: fc.constant(200) },
    { weight: 3, arbitrary: fc.constantFrom(201, 204, 301, 302, 304, 400, 401, 403, 404, 429, 500, 502, 503, 504) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
  );
  const contentType = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...JSON_TYPES) },
    { weight: 2, arbitrary: fc.constantFrom("text/html; charset=utf-8", "text/plain", "application/problem+json", "application/octet-stream", "", "application/jsonp", undefined) },
    { weight: 1, arbitrary: headerText },
  );
  const headers = fc.record(
    {
      "retry-after": fc.oneof(fc.nat({ max: 100_000 }).map(String), headerText, fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toUTCString())),
      "ratelimit-reset": fc.oneof(fc.nat().map(String), headerText),
      "x-request-id": fc.oneof(headerText, fc.constant(TOKEN)),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({ status, contentType, body, headers, networkFailure: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) })
    .map(({ body: b, ...rest }) => ({ ...rest, body: b.body, documented: b.documented }));
}

function toResponse(x: Exchange): Response {
  const headers = new Headers(x.headers);
  if (x.contentType !== undefined) headers.set("content-type", x.contentType);
  return new Response(NULL_BODY_STATUSES.has(x.status) ? null : x.body, { status: x.status, headers });
}

async function successSchema(slug: ProviderSlug) {
  const doc = await loadSpec(slug);
  const responses = listResponses(doc, listOperations(doc)[0]!);
  const json = responses.find((r) => r.status === "200")!.media.find((m) => m.mediaType === "application/json")!;
  const examples = responses.flatMap((r) => r.media.flatMap((m) => m.examples.map((e) => e.value)));
  return { validator: createSpecValidator(doc), pointer: json.schemaPointer!, examples, successExamples: json.examples.map((e) => e.value) };
}

describe.each(providerSlugs)("%s client under generated responses", (slug) => {
  it(`never throws and always returns a well-formed, truthful result (${RUNS} runs)`, async () => {
    const { validator, pointer, examples, successExamples } = await successSchema(slug);
    const counts = { ok: 0, http: 0, invalid_response: 0, network: 0, timeout: 0 };
    let current: Exchange | undefined;
    const transport = recordingFetch(() => (current!.networkFailure ? Promise.reject(new TypeError("fetch failed")) : toResponse(current!)));
    const get = harnesses[slug].create({ fetch: transport.fetch });
    // (secrets are the client's own credentials and id: another provider's test values are just text to it)

    await fc.assert(
      fc.asyncProperty(exchanges(examples, successExamples), async (exchange) => {
        current = exchange;
        const result: AnyResult = await get(RECORD_ID);
        counts[result.ok ? "ok" : result.error.kind]++;
        // assert the shape, and no secret in any failure
        expect(shapeProblems(result, slug, kycStates, clientErrorKinds)).toEqual([]);
        expect(secretsInError(result, harnesses[slug].secrets)).toEqual([]);
        // assert it tells the truth about what came back
        const jsonType = exchange.contentType !== undefined && JSON_TYPES.includes(exchange.contentType);
        if (exchange.networkFailure) {
          expect(!result.ok && result.error.kind).toBe("network");
        } else if (exchange.status >= 300) {
          expect(!result.ok && result.error).toMatchObject({ kind: "http", httpStatus: exchange.status });
        } else if (result.ok) {
          expect(exchange.status).toBe(200);
          expect(jsonType).toBe(true);
          // a body that matches the spec in full comes without warnings; any other has at least one
          expect(result.warnings.length === 0, JSON.stringify(result.warnings)).toBe(validator.validate(pointer, result.data).valid);
        } else {
          expect(result.error).toMatchObject({ kind: "invalid_response", httpStatus: exchange.status });
        }
        // assert a documented body with 200 and a JSON type is a success
        if (!exchange.networkFailure && exchange.documented && exchange.status === 200 && jsonType && validator.validate(pointer, JSON.parse(exchange.body)).valid) {
          expect(result.ok).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // assert the generator reached every outcome but timeouts (tested on their own), each often:
    // the rarest (BTC Direct's ok) averages ~68 of 1000 with a spread of ~7, so 1 in 100 is far
    // below any seed's count (a bound of 1 in 20 failed about one run in two hundred).
    expect(counts.ok + counts.http + counts.invalid_response + counts.network).toBe(RUNS);
    for (const outcome of ["ok", "http", "invalid_response", "network"] as const) expect(counts[outcome], outcome).toBeGreaterThan(RUNS / 100);
  });
});

describe("credential options", () => {
  it("a credential is accepted exactly when a Headers object takes it as a value, it has no control character and no whitespace at either end", () => {
    // The rule as first written: build a Headers object. The factories check it without one (cheaper on a first call).
    const headersRule = (value: string): boolean => {
      if (value.trim() === "" || value !== value.trim() || /\p{Cc}/u.test(value)) return false;
      try {
        new Headers([["x-check", value]]);
        return true;
      } catch {
        return false;
      }
    };
    const accepted = (value: string): boolean => {
      try {
        createProofClient({ baseUrl: "http://127.0.0.1:9", clientToken: value });
        return true;
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError);
        return false;
      }
    };
    const text = fc.oneof(fc.string({ maxLength: 12, unit: "grapheme" }), fc.string({ maxLength: 12, unit: "binary" }), fc.string({ maxLength: 12, unit: fc.integer({ min: 0, max: 0x200 }).map((c) => String.fromCodePoint(c)) }));
    fc.assert(fc.property(text, (value) => accepted(value) === headersRule(value)), { numRuns: 3000 });
    // assert both kinds occur: the property is not vacuous
    expect([accepted("tok_123"), accepted("tok\u0085x"), accepted("tok ÿ"), accepted("tokĀ")]).toEqual([true, false, true, false]);
  });
});

/** The example request (path parameters and credentials) derived from a spec, and its curl line. */
import { describe, expect, it } from "vitest";
import { exampleRequest, toCurl } from "../src/mock/example-request.js";
import { providerSlugs } from "../src/providers.js";
import { listOperations, loadSpec, type OpenApiDocument } from "../src/spec/index.js";

const doc = (operation: Record<string, unknown>, securitySchemes: Record<string, unknown> = {}, security?: unknown[]): OpenApiDocument => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  ...(security ? { security } : {}),
  paths: { "/things/{thingId}/parts/{part}": { parameters: [{ name: "part", in: "path", required: true, schema: { type: "string", examples: ["wheel"] } }], get: { responses: {}, ...operation } } },
  components: { securitySchemes, parameters: { Thing: { name: "thingId", in: "path", required: true, example: "t_1" } } },
});

describe("exampleRequest", () => {
  it("fills path parameters from named examples, examples, and schema examples, following $refs", () => {
    const request = exampleRequest(doc({ parameters: [{ $ref: "#/components/parameters/Thing" }] }));
    expect(request.path).toBe("/things/t_1/parts/wheel");
  });

  it("prefers a parameter's first named example and leaves an undocumented one as a placeholder", () => {
    const named = exampleRequest(doc({ parameters: [{ name: "thingId", in: "path", examples: { a: { value: "first" }, b: { value: "second" } } }] }));
    expect(named.path).toBe("/things/first/parts/wheel");
    const bare = exampleRequest(doc({ parameters: [{ name: "thingId", in: "path", schema: { type: "string" } }] }));
    expect(bare.path).toBe("/things/%3CthingId%3E/parts/wheel");
  });

  it.each([
    ["http bearer", { type: "http", scheme: "bearer" }, { Authorization: "Bearer <scheme-name>" }],
    ["apiKey in a header", { type: "apiKey", in: "header", name: "X-Key" }, { "X-Key": "<scheme-name>" }],
  ])("sends credentials for %s", (_, scheme, headers) => {
    const request = exampleRequest(doc({ security: [{ schemeName: [] }], parameters: [{ $ref: "#/components/parameters/Thing" }] }, { schemeName: scheme }));
    expect(request.headers).toEqual(headers);
    expect(request.path).toBe("/things/t_1/parts/wheel");
  });

  it.each([
    ["http basic", { type: "http", scheme: "basic" }],
    ["apiKey in the query", { type: "apiKey", in: "query", name: "key" }],
    ["oauth2", { type: "oauth2", flows: {} }],
  ])("refuses %s, which no provider uses, naming the scheme", (_, scheme) => {
    expect(() => exampleRequest(doc({ security: [{ schemeName: [] }] }, { schemeName: scheme }))).toThrow(/security scheme "schemeName" \(.*\) is not supported/);
  });

  it("uses the first security requirement, the operation's over the document's", () => {
    const schemes = { a: { type: "apiKey", in: "header", name: "A" }, b: { type: "apiKey", in: "header", name: "B" }, c: { type: "apiKey", in: "header", name: "C" } };
    expect(exampleRequest(doc({ security: [{ a: [], b: [] }, { c: [] }] }, schemes, [{ c: [] }])).headers).toEqual({ A: "<a>", B: "<b>" });
    expect(exampleRequest(doc({}, schemes, [{ c: [] }])).headers).toEqual({ C: "<c>" });
    expect(exampleRequest(doc({ security: [] }, schemes, [{ c: [] }])).headers).toEqual({});
  });

  it("fails on a security requirement naming an undefined scheme", () => {
    expect(() => exampleRequest(doc({ security: [{ missing: [] }] }))).toThrow('security scheme "missing" is not defined');
  });

  it.each(providerSlugs)("derives %s's request from its spec, with its credentials", async (slug) => {
    const spec = await loadSpec(slug);
    const request = exampleRequest(spec);
    // assert every path parameter is filled and some credential is sent
    expect(request.path).not.toMatch(/[{}]/);
    expect(request.path.startsWith(listOperations(spec)[0]!.path.split("{")[0]!)).toBe(true);
    expect(Object.keys(request.headers).length).toBeGreaterThan(0);
    // assert the printed id is one a user can send: no value elided as in the provider's docs (`ver_01j9...`)
    expect(request.path).not.toMatch(/\.\.\.|…/);
  });

  it("skips an example elided with ... or …, taking the next one", () => {
    const request = exampleRequest(doc({ parameters: [{ name: "thingId", in: "path", examples: { docs: { value: "t_01j9..." }, other: { value: "t_…" }, full: { value: "t_01j9x2" } } }] }));
    expect(request.path).toBe("/things/t_01j9x2/parts/wheel");
    // assert an id the docs only elide keeps its visible part, still of the id's shape
    expect(exampleRequest(doc({ parameters: [{ name: "thingId", in: "path", examples: { docs: { value: "t_01j9..." } } }] })).path).toBe("/things/t_01j9/parts/wheel");
  });
});

describe("toCurl", () => {
  it("quotes the URL and headers so a shell passes them unchanged", () => {
    const line = toCurl("http://127.0.0.1:4010", { method: "GET", path: "/a?b=c", headers: { Authorization: 'Bearer "$TOKEN`' } });
    expect(line).toBe('curl "http://127.0.0.1:4010/a?b=c" -H "Authorization: Bearer \\"\\$TOKEN\\`"');
    expect(toCurl("http://h", { method: "POST", path: "/", headers: {} })).toBe('curl -X POST "http://h/"');
  });
});

/**
 * The four Prism mocks, started once with `startMocks()` (free ports), answer as the specs say:
 * the provider pages' curl lines, every named example through `Prefer`, the documented 401
 * without credentials, the documented headers, every documented response through the provider's
 * client (test/helpers/client-examples.ts). Then `stop()` leaves nothing behind.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleRequest, startMocks, toCurl, type RunningMocks } from "../src/mock/index.js";
import { prismDefaults } from "../src/mock/prism-defaults.js";
import { providerSlugs, type ProviderSlug } from "../src/providers.js";
import {
  createSpecValidator,
  getAtPointer,
  listOperations,
  listResponses,
  listScenarios,
  loadSpec,
  type OpenApiDocument,
  type Operation,
  type ResponseInfo,
  type Scenario,
  type SpecValidator,
} from "../src/spec/index.js";
import { viaPrism, walkExamples } from "./helpers/client-examples.js";
import { parseCurl, rebase } from "./support/curl.js";
import { isAlive, isListening, prismChildren } from "./support/processes.js";

const here = path.dirname(fileURLToPath(import.meta.url));

interface Provider {
  slug: ProviderSlug;
  doc: OpenApiDocument;
  op: Operation;
  responses: ResponseInfo[];
  validator: SpecValidator;
}

const specs = Object.fromEntries(
  await Promise.all(
    providerSlugs.map(async (slug): Promise<[ProviderSlug, Provider]> => {
      const doc = await loadSpec(slug);
      const op = listOperations(doc)[0]!;
      return [slug, { slug, doc, op, responses: listResponses(doc, op), validator: createSpecValidator(doc) }];
    }),
  ),
) as Record<ProviderSlug, Provider>;

const seedCurls = JSON.parse(readFileSync(path.join(here, "fixtures", "provider-docs", "curl.json"), "utf8")) as Record<ProviderSlug, { name: string; source: string; curl: string }[]>;

let mocks: RunningMocks | undefined;
const running = (): RunningMocks => mocks ?? expect.unreachable("startMocks() failed in beforeAll");

beforeAll(async () => {
  mocks = await startMocks();
}, 120_000);

afterAll(async () => {
  await mocks?.stop();
});

const json = (p: Provider, status: string) => {
  const media = p.responses.find((r) => r.status === status)?.media.find((m) => m.mediaType === "application/json");
  if (!media?.schemaPointer) throw new Error(`${p.slug}: no JSON schema for ${status}`);
  return { schemaPointer: media.schemaPointer, examples: media.examples };
};

const exampleValue = (p: Provider, s: Scenario): unknown => json(p, s.status).examples.find((e) => e.name === s.example)?.value;

async function send(p: Provider, init: { path?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; type: string; body: unknown; headers: Headers }> {
  const request = exampleRequest(p.doc, p.op);
  const res = await fetch(`${running().urls[p.slug]}${init.path ?? request.path}`, { headers: init.headers ?? request.headers });
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.json(), headers: res.headers };
}

const withAuth = (p: Provider, extra: Record<string, string>): Record<string, string> => ({ ...exampleRequest(p.doc, p.op).headers, ...extra });

describe("the provider pages' curl lines (host replaced)", () => {
  const cases = providerSlugs.flatMap((slug) => seedCurls[slug].map((c) => ({ slug, ...c })));

  it("covers every provider whose page shows one (BTC Direct's page shows none)", () => {
    // assert the fixture has curl lines for every provider except BTC Direct, whose reference
    // page documents no request example; its spec-derived curl line is tested below
    expect(providerSlugs.filter((s) => seedCurls[s].length === 0)).toEqual(["btc-direct"]);
  });

  it.each(cases)("$slug: $name", async ({ slug, curl }) => {
    const p = specs[slug];
    const request = parseCurl(curl);
    const res = await fetch(rebase(request, running().urls[slug]), { method: request.method, headers: request.headers });
    const body: unknown = await res.json();
    // assert a documented success, with a body valid against the spec
    expect(res.status).toBe(200);
    expect(p.validator.validate(json(p, "200").schemaPointer, body)).toEqual({ valid: true });
    // assert it is the example Prism serves by default
    const unasked = prismDefaults(p.doc, p.op).valid!;
    expect(body).toEqual(exampleValue(p, unasked));
  });
});

describe("the example requests `kyc-contracts mock` prints", () => {
  it.each(providerSlugs)("%s", async (slug) => {
    const p = specs[slug];
    const request = parseCurl(toCurl(running().urls[slug], exampleRequest(p.doc, p.op)));
    const res = await fetch(request.url, { headers: request.headers });
    // assert the printed curl line gets a documented success with a valid body
    expect(res.status).toBe(200);
    expect(p.validator.validate(json(p, "200").schemaPointer, await res.json())).toEqual({ valid: true });
  });
});

describe.each(providerSlugs)("%s: every named example through Prefer", (slug) => {
  const p = specs[slug];
  const scenarios = listScenarios(p.doc);

  it.each(scenarios)("$status $example", async (s) => {
    const res = await send(p, { headers: withAuth(p, { Prefer: s.prefer }) });
    // assert the documented status and the example, unchanged
    expect(res.status).toBe(Number(s.status));
    expect(res.type).toBe("application/json");
    expect(res.body).toEqual(exampleValue(p, s));
    // assert every header the spec requires on this response is sent, and valid
    for (const header of p.responses.find((r) => r.status === s.status)!.headers.filter((h) => h.required)) {
      const raw = res.headers.get(header.name);
      expect(raw, `${header.name} on ${s.status}`).not.toBeNull();
      const valid = [raw, Number(raw)].some((v) => p.validator.validate(header.schemaPointer!, v).valid);
      expect(valid, `${header.name}: ${raw}`).toBe(true);
    }
  });
});

describe("without credentials", () => {
  it.each(providerSlugs)("%s answers its documented 401", async (slug) => {
    const p = specs[slug];
    const expected = prismDefaults(p.doc, p.op).missingCredentials!;
    const res = await send(p, { headers: {} });
    // assert the 401 response's first named example, as the README's scenario table says
    expect(res.status).toBe(401);
    expect(res.body).toEqual(exampleValue(p, expected));
    expect(p.validator.validate(json(p, "401").schemaPointer, res.body)).toEqual({ valid: true });
  });

  it("BTC Direct answers ER806 (API key not found), the code its spec puts first for this", async () => {
    const res = await send(specs["btc-direct"], { headers: {} });
    expect(Object.keys((res.body as { errors: object }).errors)).toEqual(["ER806"]);
  });

  it.each(providerSlugs)("%s answers 401 even when Prefer asks for a success", async (slug) => {
    const p = specs[slug];
    const res = await send(p, { headers: { Prefer: prismDefaults(p.doc, p.op).valid!.prefer } });
    expect(res.status).toBe(401);
  });
});

describe("Prism behaviour the README documents", () => {
  it("forgets a Prefer header after its request (no sticky example)", async () => {
    const p = specs.myaza;
    const other = listScenarios(p.doc).find((s) => s.status === "200" && s.example !== prismDefaults(p.doc, p.op).valid!.example)!;
    // assert a Prefer'd example, then the default again on a plain request
    expect((await send(p, { headers: withAuth(p, { Prefer: other.prefer }) })).body).toEqual(exampleValue(p, other));
    expect((await send(p)).body).toEqual(exampleValue(p, prismDefaults(p.doc, p.op).valid!));
  });

  it("answers a Myaza id that breaks the spec's pattern with the spec's 400, not a Prism error", async () => {
    const p = specs.myaza;
    const pattern = new RegExp(getAtPointer(p.doc, "/components/schemas/VerificationId/pattern") as string);
    const bad = "abc";
    expect(pattern.test(bad)).toBe(false);
    const res = await send(p, { path: p.op.path.replace("{verificationId}", bad) });
    // assert the 400's first named example in the provider's own shape
    expect(res.status).toBe(400);
    expect(res.type).toBe("application/json");
    expect(res.body).toEqual(exampleValue(p, prismDefaults(p.doc, p.op).invalidRequest!));
    // assert a documented header-bearing 200 is not confused with it
    expect(res.headers.get("RateLimit-Limit")).toBeNull();
  });

  it("does not detect BTC Direct's \"exactly one method\" rule: ER803 is reachable only through Prefer", async () => {
    const p = specs["btc-direct"];
    const schemes = p.doc.components!.securitySchemes as Record<string, { name?: string }>;
    // assert every partner and user method at once still passes Prism's security check
    const all = { [schemes.apiKey!.name!]: "k", Authorization: "Bearer t", [schemes.userIdentifier!.name!]: "u", [schemes.userToken!.name!]: "Bearer x" };
    expect((await send(p, { headers: all })).status).toBe(200);
  });

  it.each([
    ["an unknown path", { path: "/no/such/path" }, 404],
    ["an undocumented status", { prefer: "code=418" }, 404],
    ["an unknown example name", { prefer: "code=200, example=no_such_example" }, 500],
  ] as const)("answers %s with Prism's problem+json, outside the contract", async (_, request, status) => {
    const p = specs.proof;
    const headers = "prefer" in request ? withAuth(p, { Prefer: request.prefer }) : withAuth(p, {});
    const res = await send(p, { path: "path" in request ? request.path : undefined, headers });
    expect(res.status).toBe(status);
    expect(res.type).toBe("application/problem+json");
    expect(res.body).toMatchObject({ type: expect.stringContaining("stoplight.io/prism/errors#") });
  });
});

// (clients-scenarios.test.ts walks the same responses built in-process)
describe.each(providerSlugs)("%s: every documented response, served by its mock through the client", (slug) => {
  it("gives the example's state, or an http error with the example's code", () => walkExamples(slug, viaPrism(running().urls)));
});

describe("stop()", () => {
  it("ends every Prism process and frees every port", async () => {
    const pids = Object.values(running().pids);
    const ports = Object.values(running().ports);
    // assert the mocks were direct children of this process while running
    expect(prismChildren(process.pid).sort()).toEqual([...pids].sort());
    for (const port of ports) expect(isListening(port), `port ${port}`).toBe(true);
    await running().stop();
    // assert nothing is left: no process, no listener
    expect(pids.filter(isAlive)).toEqual([]);
    expect(prismChildren(process.pid)).toEqual([]);
    for (const port of ports) expect(isListening(port), `port ${port}`).toBe(false);
    await expect(fetch(running().urls.proof)).rejects.toThrow();
    // assert stop() again is harmless
    await running().stop();
  });
});

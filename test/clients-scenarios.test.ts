/**
 * Every named example of every documented response, served to the client as the provider would
 * send it: each gives a well-formed result, with the state or error its example says.
 * Expectations are read from the examples, not listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMocks, type RunningMocks } from "../src/mock/index.js";
import { type FetchLike, btcDirectErrorCatalogue, clientErrorKinds, getAtPointer, isBtcDirectErrorCode, kycStates, listOperations, listResponses, listScenarios, loadSpec, providerSlugs, stateOf } from "../src/index.js";
import type { ProviderSlug } from "../src/providers.js";
import { harnesses, RECORD_ID, recordingFetch, secretsInError, shapeProblems, type AnyResult } from "./helpers/clients.js";

interface Served {
  status: number;
  example: string;
  value: unknown;
  /** Example header values the response declares (RateLimit-*, X-Request-Id). */
  headers: Record<string, string>;
}

async function servedExamples(slug: ProviderSlug): Promise<Served[]> {
  const doc = await loadSpec(slug);
  const served: Served[] = [];
  for (const op of listOperations(doc)) {
    for (const res of listResponses(doc, op)) {
      const headers: Record<string, string> = {};
      for (const h of res.headers) {
        const example = (getAtPointer(doc, h.pointer) as { example?: unknown }).example;
        if (example !== undefined) headers[h.name] = typeof example === "string" ? example : JSON.stringify(example);
      }
      for (const media of res.media) for (const ex of media.examples) served.push({ status: Number(res.status), example: ex.name, value: ex.value, headers });
    }
  }
  // assert this walks the same set the mocks serve
  expect(served.map((s) => `${s.status} ${s.example}`)).toEqual(listScenarios(doc).map((s) => `${s.status} ${s.example}`));
  return served;
}

type Json = Record<string, unknown>;

/** What a success example says about the normalized status. */
function expectedStatus(slug: ProviderSlug, value: unknown) {
  if (slug === "btc-direct") {
    const items = value as { name: string; status: string }[];
    const states = items.map((i) => stateOf(slug, i.status));
    const outstanding = items.filter((i) => stateOf(slug, i.status) === "action_required").map((i) => i.name);
    return {
      rawStatus: items.length === 0 ? "[]" : [...new Set(items.map((i) => i.status))].join(", "),
      state: items.length === 0 ? "approved" : states.includes("action_required") ? "action_required" : "pending",
      ...(outstanding.length > 0 ? { outstanding } : {}),
    };
  }
  const record = (slug === "nyota-imara" ? (value as Json).data : value) as Json;
  const raw = record.status as string;
  const reason = slug === "nyota-imara" ? record.rejectionReason : record.reason;
  return {
    rawStatus: raw,
    state: stateOf(slug, raw),
    ...(typeof reason === "string" ? { reason } : {}),
    ...(typeof record.reasonCode === "string" ? { reasonCode: record.reasonCode } : {}),
  };
}

/** What an error example says about the error's code (Proof `code`, BTC Direct the ER key). */
function expectedCode(slug: ProviderSlug, value: unknown): string | undefined {
  if (slug === "proof") return (value as Json).code as string;
  if (slug === "btc-direct") return Object.keys((value as { errors: Json }).errors)[0];
  return undefined;
}

/** How a documented response reaches the client: built in-process, or served by the provider's Prism mock. */
type Via = (slug: ProviderSlug, served: Served) => { fetch: FetchLike; baseUrl?: string };

const injected: Via = (_slug, { status, value, headers }) => ({ fetch: recordingFetch(() => Response.json(value, { status, headers })).fetch });

let mocks: RunningMocks | undefined;
/** The real mock, asked for exactly this response with Prism's Prefer header. */
const prism: Via = (slug, { status, example }) => ({
  baseUrl: mocks!.urls[slug],
  fetch: (request) => {
    const withPrefer = new Request(request);
    withPrefer.headers.set("Prefer", `code=${status}, example=${example}`);
    return fetch(withPrefer);
  },
});

// Myaza's spec requires the `ver_` prefix (the mock answers 400 otherwise); the id stays a secret to scrub.
const idFor = (slug: ProviderSlug): string => (slug === "myaza" ? `ver_${RECORD_ID}` : RECORD_ID);

describe.each(providerSlugs)("%s: every documented response through the client", (slug) => {
  it("gives the example's state, or an http error with the example's code", () => walkExamples(slug, injected));
});

describe("through the Prism mocks", () => {
  beforeAll(async () => {
    mocks = await startMocks();
  }, 120_000);
  afterAll(async () => {
    await mocks?.stop();
  });

  it.each(providerSlugs)("%s: every documented response, served by its mock, gives the example's state or error", (slug) => walkExamples(slug, prism));
});

async function walkExamples(slug: ProviderSlug, via: Via): Promise<void> {
  {
    const served = await servedExamples(slug);
    const h = harnesses[slug];
    const seen = { ok: 0, failed: 0 };
    for (const one of served) {
      const { status, example, value, headers } = one;
      const transport = via(slug, one);
      const result: AnyResult = await h.create(transport)(idFor(slug));
      const label = `${status} ${example}`;
      expect(shapeProblems(result, slug, kycStates, clientErrorKinds), label).toEqual([]);
      if (status >= 200 && status < 300) {
        // assert a documented success: its body, its status, never `unknown`
        expect(result.ok, label).toBe(true);
        if (!result.ok) continue;
        seen.ok++;
        expect(result.data, label).toEqual(value);
        expect(result.httpStatus, label).toBe(status);
        expect(result.status, label).toEqual({ provider: slug, ...expectedStatus(slug, value) });
        expect(result.status.state, label).not.toBe("unknown");
      } else {
        // assert a documented error: http, its status, its code, retryable by status
        expect(result.ok, label).toBe(false);
        if (result.ok) continue;
        seen.failed++;
        expect(result.error, label).toMatchObject({ kind: "http", provider: slug, httpStatus: status, retryable: [429, 502, 503, 504].includes(status) });
        expect(result.error.code, label).toBe(expectedCode(slug, value));
        expect(secretsInError(result, h.secrets), label).toEqual([]);
        if (headers["RateLimit-Reset"] !== undefined) expect(result.error.retryAfterMs, label).toBe(Number(headers["RateLimit-Reset"]) * 1000);
        if (slug === "btc-direct") {
          const code = result.error.code!;
          expect(isBtcDirectErrorCode(code), label).toBe(true);
          expect("catalogueEntry" in result.error && result.error.catalogueEntry, label).toEqual(isBtcDirectErrorCode(code) && { code, ...btcDirectErrorCatalogue[code] });
          expect(result.error.message, label).toContain(isBtcDirectErrorCode(code) && btcDirectErrorCatalogue[code].solution);
        }
      }
    }
    // assert both kinds of example were walked
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.failed).toBeGreaterThan(0);
  }
}

/**
 * Every named example of every documented response, walked through the provider's client:
 * test/clients-scenarios.test.ts serves them in-process, test/mock-server.test.ts through the
 * Prism mocks it runs for its own checks (one set of four Prisms for both).
 * Expectations are read from the examples, not listed here.
 */
import { expect } from "vitest";
import { type FetchLike, btcDirectErrorCatalogue, clientErrorKinds, isBtcDirectErrorCode, kycStates, listScenarios, loadSpec, type KycState } from "../../src/index.js";
import { getAtPointer, listOperations, listResponses } from "../../src/spec/index.js";
import type { ProviderSlug } from "../../src/providers.js";
import { harnesses, RECORD_ID, recordingFetch, secretsInError, shapeProblems, type AnyResult } from "./clients.js";

export interface Served {
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

/**
 * The normalized status each named success example must give, written out (not computed with
 * the mapping under test); `reason` is the example's own text, kept verbatim.
 */
const expectedStatuses: Record<ProviderSlug, Record<string, { state: KycState; rawStatus: string; reasonCode?: string; reason?: string; outstanding?: string[] }>> = {
  proof: {
    not_started: { state: "not_started", rawStatus: "not_started" },
    pending: { state: "pending", rawStatus: "pending" },
    verified: { state: "approved", rawStatus: "verified" },
    failed: { state: "rejected", rawStatus: "failed" },
  },
  "btc-direct": {
    fully_verified: { state: "approved", rawStatus: "[]" },
    outstanding_requirements: { state: "action_required", rawStatus: "missing, pending", outstanding: ["isBusiness", "nationality", "AMLD5Questions", "idDocument"] },
    pending_review: { state: "pending", rawStatus: "pending" },
    sdk_kyc_open: { state: "action_required", rawStatus: "open", outstanding: ["kyc"] },
  },
  "nyota-imara": {
    none: { state: "not_started", rawStatus: "none" },
    pending: { state: "pending", rawStatus: "pending" },
    verified: { state: "approved", rawStatus: "verified" },
    rejected: { state: "rejected", rawStatus: "rejected", reason: "The ID photo is blurred; please upload a sharper image." },
  },
  myaza: {
    pending: { state: "pending", rawStatus: "pending" },
    verified: { state: "approved", rawStatus: "verified" },
    failed_selfie_mismatch: { state: "rejected", rawStatus: "failed", reasonCode: "selfie_mismatch" },
    failed_document_unreadable: { state: "rejected", rawStatus: "failed", reasonCode: "document_unreadable" },
    failed_document_blurry: { state: "rejected", rawStatus: "failed", reasonCode: "document_blurry" },
    failed_document_type_mismatch: { state: "rejected", rawStatus: "failed", reasonCode: "document_type_mismatch" },
    failed_id_number_not_found: { state: "rejected", rawStatus: "failed", reasonCode: "id_number_not_found" },
    failed_document_data_mismatch: { state: "rejected", rawStatus: "failed", reasonCode: "document_data_mismatch" },
    failed_document_expired: { state: "rejected", rawStatus: "failed", reasonCode: "document_expired" },
    not_found_identity_not_found: { state: "rejected", rawStatus: "not_found", reasonCode: "identity_not_found" },
    error: { state: "error", rawStatus: "error", reasonCode: "provider_unavailable" },
  },
};

/** The expected normalized status of a success example; Myaza's `reason` is the example's own text. */
function expectedStatus(slug: ProviderSlug, example: string, value: unknown) {
  const expected = expectedStatuses[slug][example];
  if (!expected) throw new Error(`No expected status written for the ${slug} example "${example}": add it to expectedStatuses.`);
  const reason = slug === "myaza" ? (value as Json).reason : undefined;
  return { ...expected, ...(typeof reason === "string" ? { reason } : {}) };
}

/** What an error example says about the error's code (Proof `code`, BTC Direct the ER key). */
function expectedCode(slug: ProviderSlug, value: unknown): string | undefined {
  if (slug === "proof") return (value as Json).code as string;
  if (slug === "btc-direct") return Object.keys((value as { errors: Json }).errors)[0];
  return undefined;
}

/** How a documented response reaches the client: built in-process, or served by the provider's Prism mock. */
/** How a documented response reaches the client: built in-process, or served by the provider's Prism mock. */
export type Via = (slug: ProviderSlug, served: Served) => { fetch: FetchLike; baseUrl?: string };

/** Each response built in-process, as the example says. */
export const injected: Via = (_slug, { status, value, headers }) => ({ fetch: recordingFetch(() => Response.json(value, { status, headers })).fetch });

/** The provider's Prism mock at `baseUrl`, asked for exactly this response with Prism's Prefer header. */
export const viaPrism =
  (urls: Readonly<Record<ProviderSlug, string>>): Via =>
  (slug, { status, example }) => ({
    baseUrl: urls[slug],
    fetch: (request) => {
      const withPrefer = new Request(request);
      withPrefer.headers.set("Prefer", `code=${status}, example=${example}`);
      return fetch(withPrefer);
    },
  });

// Myaza's spec requires the `ver_` prefix (the mock answers 400 otherwise); the id stays a secret to scrub.
const idFor = (slug: ProviderSlug): string => (slug === "myaza" ? `ver_${RECORD_ID}` : RECORD_ID);

/** Walks every documented response of `slug` through its client, `via` the given transport, asserting each result. */
export async function walkExamples(slug: ProviderSlug, via: Via): Promise<void> {
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
        expect(result.kyc, label).toEqual({ provider: slug, ...expectedStatus(slug, example, value) });
        expect(result.kyc.state, label).not.toBe("unknown");
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

/**
 * Test harness for the four clients: each built the same way (distinctive secret credentials, an
 * injected fetch that records its requests), so one test can run against every provider.
 */
import {
  createBtcDirectClient,
  createMyazaClient,
  createNyotaImaraClient,
  createProofClient,
  type BtcDirectKycStatusResult,
  type CallOptions,
  type ClientWarning,
  type FetchLike,
  type MyazaKycStatusResult,
  type NyotaImaraKycStatusResult,
  type ProofKycStatusResult,
} from "../../src/index.js";
import type { ProviderSlug } from "../../src/providers.js";

/** Distinctive values: finding one of them in an error or its JSON means it leaked. */
export const TOKEN = "tok_SECRET_8d1f3a7c5e9b2d4f6a8c0e1b3d5f7a9c";
export const USER_ID = "uid_SECRET_2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c5e";
export const RECORD_ID = "rec_SECRET_91c3e5a7b9d1f3e5";

export const BASE_URL = "https://kyc.example.test/prefix";

export type AnyResult = ProofKycStatusResult | BtcDirectKycStatusResult | NyotaImaraKycStatusResult | MyazaKycStatusResult;
export type Call = (id: string, options?: CallOptions) => Promise<AnyResult>;

export interface Harness {
  provider: ProviderSlug;
  /** Builds a client with the secret credentials and returns its status call. */
  create(options: { fetch?: FetchLike; timeoutMs?: number; baseUrl?: string; maxBodyBytes?: number }): Call;
  /** Whether the call takes an id (BTC Direct's user comes from the options). */
  takesId: boolean;
  /** The expected path (below the base URL) for an already percent-encoded id. */
  path(encodedId: string): string;
  /** Credential headers the provider must receive. */
  headers: Record<string, string>;
  /** Values that must never appear in an error. */
  secrets: string[];
}

export const harnesses: Record<ProviderSlug, Harness> = {
  proof: {
    provider: "proof",
    create: (o) => {
      const client = createProofClient({ baseUrl: BASE_URL, clientToken: TOKEN, ...o });
      return (id, call) => client.getKycStatus(id, call);
    },
    takesId: true,
    path: (id) => `/widget/users/${id}/kyc-status`,
    headers: { authorization: `Bearer ${TOKEN}` },
    secrets: [TOKEN, RECORD_ID],
  },
  "btc-direct": {
    provider: "btc-direct",
    create: (o) => {
      const client = createBtcDirectClient({ baseUrl: BASE_URL, apiKey: TOKEN, userIdentifier: USER_ID, ...o });
      return (_id, call) => client.getKycStatus(call);
    },
    takesId: false,
    path: () => "/api/v2/user/verification-status",
    headers: { "x-api-key": TOKEN, "user-identifier": USER_ID },
    secrets: [TOKEN, USER_ID],
  },
  "nyota-imara": {
    provider: "nyota-imara",
    create: (o) => {
      const client = createNyotaImaraClient({ baseUrl: BASE_URL, token: TOKEN, ...o });
      return (id, call) => client.getKycStatus(id, call);
    },
    takesId: true,
    path: (id) => `/v1/kyc/${id}`,
    headers: { authorization: `Bearer ${TOKEN}` },
    secrets: [TOKEN, RECORD_ID],
  },
  myaza: {
    provider: "myaza",
    create: (o) => {
      const client = createMyazaClient({ baseUrl: BASE_URL, apiKey: TOKEN, ...o });
      return (id, call) => client.getKycStatus(id, call);
    },
    takesId: true,
    path: (id) => `/api/kyc/status/${id}`,
    headers: { authorization: `Bearer ${TOKEN}` },
    secrets: [TOKEN, RECORD_ID],
  },
};

/** A fetch that answers with `respond` and records every request it gets. */
export function recordingFetch(respond: (request: Request) => Response | Promise<Response>): { fetch: FetchLike; requests: Request[] } {
  const requests: Request[] = [];
  return {
    requests,
    fetch: async (request) => {
      requests.push(request);
      return respond(request);
    },
  };
}

/** The one request a test's fetch got. */
export function onlyRequest(requests: readonly Request[]): Request {
  if (requests.length !== 1) throw new Error(`expected exactly one request, got ${requests.length}`);
  return requests[0]!;
}

/** The secrets that appear in a failure's JSON or message (a success's data may echo its own id). */
export function secretsInError(result: AnyResult, secrets: readonly string[]): string[] {
  if (result.ok) return [];
  const texts = [JSON.stringify(result.error), result.error.message];
  return secrets.filter((s) => texts.some((t) => t.includes(s) || t.includes(encodeURIComponent(s))));
}

const RETRYABLE = new Set([429, 502, 503, 504]);

/**
 * Everything wrong with a result's shape, for any provider and any response (empty when it is
 * well-formed): the documented fields with the documented types, and `retryable` by the rule.
 */
export function shapeProblems(result: AnyResult, provider: ProviderSlug, states: readonly string[], kinds: readonly string[]): string[] {
  const problems: string[] = [];
  const check = (condition: boolean, problem: string) => {
    if (!condition) problems.push(problem);
  };
  if (result.ok) {
    check(Number.isInteger(result.httpStatus) && result.httpStatus >= 200 && result.httpStatus < 300, `success with httpStatus ${result.httpStatus}`);
    check(result.kyc.provider === provider, `kyc.provider ${result.kyc.provider}`);
    check(states.includes(result.kyc.state), `state ${result.kyc.state}`);
    check(typeof result.kyc.rawStatus === "string", "rawStatus not a string");
    check("data" in result && (result.data as unknown) !== undefined, "no data");
    check(
      Array.isArray(result.warnings) && (result.warnings as readonly ClientWarning[]).every((w) => typeof w.pointer === "string" && typeof w.keyword === "string" && typeof w.message === "string" && !w.message.includes("\n")),
      `warnings ${JSON.stringify(result.warnings)}`,
    );
    return problems;
  }
  const e = result.error;
  check(kinds.includes(e.kind), `kind ${e.kind}`);
  check(e.provider === provider, `error.provider ${e.provider}`);
  check(typeof e.message === "string" && e.message.length > 20 && !e.message.includes("\n"), `message ${JSON.stringify(e.message)}`);
  check(e.code === undefined || (typeof e.code === "string" && e.code.length > 0), `code ${String(e.code)}`);
  check(e.retryAfterMs === undefined || (Number.isFinite(e.retryAfterMs) && e.retryAfterMs >= 0), `retryAfterMs ${e.retryAfterMs}`);
  if (e.kind === "http") {
    check(Number.isInteger(e.httpStatus) && e.httpStatus! >= 300, `http error with httpStatus ${e.httpStatus}`);
    check(e.retryable === RETRYABLE.has(e.httpStatus!), `retryable ${e.retryable} for ${e.httpStatus}`);
  } else if (e.kind === "invalid_response") {
    check(Number.isInteger(e.httpStatus) && e.httpStatus! >= 200 && e.httpStatus! < 300, `invalid_response with httpStatus ${e.httpStatus}`);
    check(e.retryable === false, "invalid_response marked retryable");
  } else {
    check(e.httpStatus === undefined, `${e.kind} with an httpStatus`);
    check(e.retryable === true, `${e.kind} not retryable`);
  }
  check(JSON.stringify(JSON.parse(JSON.stringify(e))) === JSON.stringify(e), "error does not survive JSON");
  return problems;
}

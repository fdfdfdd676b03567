/**
 * Builds the error values of the clients: one message per failure saying what went wrong and what
 * to do, with every server-provided text cleaned of the call's secrets (credentials and ids), so a
 * server that echoes them cannot leak them into an error, its JSON or a log line.
 */
import { providers, type ProviderSlug } from "../providers.js";
import { cleanText, type Redactor } from "../http/redact.js";
import type { ClientErrorKind, KycClientError } from "./types.js";

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const MAX_SERVER_TEXT = 300;

const isRetryableStatus = (status: number): boolean => RETRYABLE_STATUSES.has(status);

/** A short, single-line, secret-free version of a server-provided string (secrets go first, then control characters and length). */
export const cleanServerText = (value: unknown, redact: Redactor): string | undefined => cleanText(value, redact, MAX_SERVER_TEXT);

interface ErrorFields<P extends ProviderSlug> {
  kind: ClientErrorKind;
  provider: P;
  message: string;
  retryable: boolean;
  httpStatus?: number | undefined;
  code?: string | undefined;
  retryAfterMs?: number | undefined;
  requestId?: string | undefined;
}

/** A frozen error value without undefined fields (so its JSON is exactly what it says). */
function clientError<P extends ProviderSlug, Extra extends object>(fields: ErrorFields<P>, extra?: Extra): KycClientError<P> & Extra {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries<unknown>({ ...fields, ...extra })) if (value !== undefined) out[key] = value;
  return Object.freeze(out) as unknown as KycClientError<P> & Extra;
}

const name = (provider: ProviderSlug): string => providers[provider].name;

function adviceForStatus(status: number, retryAfterMs: number | undefined): string {
  if (status === 429) return retryAfterMs === undefined ? "Rate limited: retry later with backoff." : `Rate limited: retry in ${Math.ceil(retryAfterMs / 1000)} s.`;
  if (status === 401) return "Check the credentials given to the client (missing, invalid or expired).";
  if (status === 403) return "These credentials may not read this record (permissions, IP/Origin allowlist).";
  if (status === 404) return "Check the id: no such record for these credentials.";
  if (status >= 300 && status < 400) return "The provider redirected the call, which the client does not follow (credentials would go along): point baseUrl at the final host.";
  if (status >= 400 && status < 500) return "Check the request against the provider's documentation.";
  if (isRetryableStatus(status)) return "Provider-side failure: retry later with backoff.";
  return "Provider-side failure: retry later; contact the provider if it persists.";
}

export interface HttpErrorInput<P extends ProviderSlug> {
  provider: P;
  httpStatus: number;
  /** The provider's error code and text, already cleaned. */
  code?: string | undefined;
  text?: string | undefined;
  /** What to do, when the provider says it (BTC Direct's `solution`); else derived from the status. */
  advice?: string | undefined;
  retryAfterMs?: number | undefined;
  requestId?: string | undefined;
}

export function httpError<P extends ProviderSlug, Extra extends object>(input: HttpErrorInput<P>, extra?: Extra): KycClientError<P> & Extra {
  const { provider, httpStatus, code, text, retryAfterMs } = input;
  const what = `${name(provider)} answered HTTP ${httpStatus}${code ? ` (${code})` : ""}${text ? `: ${text}` : "."}`;
  const advice = input.advice ?? adviceForStatus(httpStatus, retryAfterMs);
  return clientError(
    { kind: "http", provider, httpStatus, code, message: `${what.replace(/\.?$/, ".")} ${advice}`, retryable: isRetryableStatus(httpStatus), retryAfterMs, requestId: input.requestId },
    extra,
  );
}

export function invalidResponseError<P extends ProviderSlug>(provider: P, httpStatus: number, problem: string, requestId?: string): KycClientError<P> {
  return clientError({
    kind: "invalid_response",
    provider,
    httpStatus,
    requestId,
    retryable: false,
    message: `${name(provider)} answered HTTP ${httpStatus} with ${problem}. Check that baseUrl points at ${name(provider)} (not a proxy or gateway page); if the provider changed its API, update kyc-status-contracts.`,
  });
}

/** `bound`: whose timeoutMs ran out, the client's or the call's own (e.g. what was left of a polling deadline). */
export function timeoutError<P extends ProviderSlug>(provider: P, timeoutMs: number, bound: "client" | "call" = "client"): KycClientError<P> {
  const advice = bound === "client" ? "Retry later with backoff, or raise the client's timeoutMs." : "That was all the time left for this call (its own timeoutMs, e.g. the rest of a polling deadline); poll longer to give it more.";
  return clientError({
    kind: "timeout",
    provider,
    retryable: true,
    message: `${name(provider)} did not answer within ${Math.round(timeoutMs)} ms. ${advice}`,
  });
}

/** `cause` is what the transport threw; only a system error code (`ECONNREFUSED`) is kept from it. */
export function networkError<P extends ProviderSlug>(provider: P, cause: unknown): KycClientError<P> {
  const code = systemErrorCode(cause);
  return clientError({
    kind: "network",
    provider,
    retryable: true,
    message: `Could not reach ${name(provider)}${code ? ` (${code})` : ""}. Check baseUrl and the network, then retry with backoff.`,
  });
}

function systemErrorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
  }
  return undefined;
}

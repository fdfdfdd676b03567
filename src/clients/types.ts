/** Public types shared by the four clients. */
import type { ProviderSlug } from "../providers.js";
import type { NormalizedStatus } from "../status.js";
import type { ClientWarning } from "./tolerance.js";

export type { ClientWarning } from "./tolerance.js";

export const clientErrorKinds = ["http", "network", "timeout", "invalid_response"] as const;

/**
 * - `http`: the provider answered with an error status (its body need not parse);
 * - `network`: no answer (DNS, refused or reset connection);
 * - `timeout`: no complete answer within `timeoutMs`;
 * - `invalid_response`: a success status whose body is not what the spec documents.
 */
export type ClientErrorKind = (typeof clientErrorKinds)[number];

/** A failed call, as a value. Never carries a credential or the requested id. */
export interface KycClientError<P extends ProviderSlug = ProviderSlug> {
  readonly kind: ClientErrorKind;
  readonly provider: P;
  /** The HTTP status, when the provider answered. */
  readonly httpStatus?: number;
  /** The provider's own error code (Proof `code`, BTC Direct `ER…`). */
  readonly code?: string;
  /** What went wrong and what to do. */
  readonly message: string;
  /** True for 429, 502, 503, 504, network errors and timeouts. */
  readonly retryable: boolean;
  /** How long to wait before retrying, from `Retry-After` or `RateLimit-Reset`. */
  readonly retryAfterMs?: number;
  /** The provider's request id (`X-Request-Id`), to quote to its support. */
  readonly requestId?: string;
}

/**
 * A successful call: the provider body (`data`, raw) and its normalized status (`kyc`). The fields
 * the status is built from matched the spec; any other deviation from the spec is listed in
 * `warnings` (empty when the body matched the spec in full), so `data` may differ from its type there.
 */
export interface KycStatusSuccess<P extends ProviderSlug, Data> {
  readonly ok: true;
  /** The provider's body as it came (its own `status` field is the provider's raw value). */
  readonly data: Data;
  /** The normalized status: `kyc.state` in one vocabulary for every provider. */
  readonly kyc: NormalizedStatus<P>;
  /** The HTTP status code of the response. */
  readonly httpStatus: number;
  readonly warnings: readonly ClientWarning[];
}

export interface KycStatusFailure<P extends ProviderSlug, ErrorExtra extends object = object> {
  readonly ok: false;
  /** `ErrorExtra`: provider-specific fields, present when they apply (BTC Direct's catalogue entry). */
  readonly error: KycClientError<P> & Partial<ErrorExtra>;
}

export type KycStatusResult<P extends ProviderSlug, Data, Extra extends object = object, ErrorExtra extends object = object> =
  | (KycStatusSuccess<P, Data> & Extra)
  | KycStatusFailure<P, ErrorExtra>;

/** The transport: `globalThis.fetch` by default; inject one in tests or to add a proxy/agent. */
export type FetchLike = (request: Request) => Promise<Response>;

/** Options every client factory accepts besides its credentials. */
export interface ClientOptions {
  /** The provider's base URL, e.g. `https://identity.myaza.app` (a path prefix is kept). */
  baseUrl: string;
  fetch?: FetchLike;
  /** Abort a call that has not fully answered after this many milliseconds. Default 10 000. */
  timeoutMs?: number;
  /**
   * The most bytes of a response body read (default 1 048 576, 1 MiB). Past it reading stops:
   * a 2xx becomes an `invalid_response`, an error status an `http` error without body details.
   */
  maxBodyBytes?: number;
}

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call; the returned promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * A tighter bound for this call than the client's `timeoutMs` (the smaller one applies); past
   * it the call ends as a `timeout` failure. `pollUntilSettled` passes what is left of its own
   * `timeoutMs`, so the call in flight cannot outlast the polling deadline.
   */
  timeoutMs?: number;
}

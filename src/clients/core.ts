/**
 * The one engine behind the four clients: the URL of a generated `paths` operation planned by
 * openapi-fetch (`createFinalURL`), credential headers from the spec's security schemes, one
 * fetch with a timeout that aborts it, the body read under a cap, and the classification of
 * everything a server or the network can do into a typed result. Provider modules only say
 * which path to call, which credentials go into which security scheme, how to read their error
 * bodies and how to normalize their status.
 */
import { createFinalURL } from "openapi-fetch";
import type { ProviderSlug } from "../providers.js";
import type { NormalizedStatus } from "../status.js";
import { readContract, type Contract, type GeneratedClientContract } from "./contract.js";
import { createRedactor, type Redactor } from "../http/redact.js";
import { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES, isBodyLimit, readLimitedText } from "../http/body-limit.js";
import { mediaTypeMatches, mediaTypeOf } from "../http/media-type.js";
import { retryAfterMs } from "../http/retry-after.js";
import { cleanServerText, httpError, invalidResponseError, networkError, timeoutError } from "./errors.js";
import type { CallOptions, ClientOptions, ClientWarning, FetchLike, KycClientError, KycStatusFailure, KycStatusResult } from "./types.js";

export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Paths of `Paths` (generated `paths`) that have a GET operation. */
export type GetPath<Paths> = { [K in keyof Paths]: Paths[K] extends { get: object } ? K : never }[keyof Paths] & string;

/** What a provider reads from its error body; texts are cleaned of secrets by the core. */
export interface ProviderErrorDetails<ErrorExtra extends object> {
  /** Anything but a string is ignored. */
  code?: unknown;
  text?: unknown;
  /** What to do, when the provider says it; otherwise derived from the HTTP status. */
  advice?: unknown;
  /** Text and advice from this package's own catalogue (BTC Direct): used as they are, instead of `text` / `advice`. */
  documented?: { text: string; advice: string } | undefined;
  extra?: ErrorExtra | undefined;
}

/** `body[key]` when `body` is a JSON object, else undefined: for reading error bodies of any shape. */
export function readField(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null && !Array.isArray(body) && Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;
}

/** Throws the TypeError a factory gives when called without an options object. */
export function requireOptions<T>(factory: string, options: T): T {
  if (typeof options !== "object" || options === null) throw new TypeError(`${factory}: pass an options object ({ baseUrl, …credentials }).`);
  return options;
}

export interface ProviderDefinition<P extends ProviderSlug, Paths, Data, Extra extends object, ErrorExtra extends object> {
  provider: P;
  /** The generated `paths` key of the operation (typed: a path the spec does not have is a compile error). */
  path: GetPath<Paths>;
  /**
   * The operation's build-time contract (generated/<slug>-client.ts): success statuses, media
   * types, credential headers and the body checks, strict on the fields the normalized status
   * (and `extra`) is built from (src/clients/operations.ts); every other deviation is a warning.
   */
  contract: GeneratedClientContract;
  /** Reads the provider's error code and text from a parsed error body (anything JSON, or undefined). */
  readError(body: unknown): ProviderErrorDetails<ErrorExtra>;
  normalize(data: Data): NormalizedStatus<P>;
  /** Provider-specific fields of a success result. */
  extra?(data: Data, received: { headers: Headers; receivedAt: Date }): Extra;
}

/** One credential: the factory option it came from (for messages) and its value. */
export interface Credential {
  option: string;
  value: unknown;
  /** Prefix of the header value (BTC Direct's `User-Authorization: Bearer …`). */
  prefix?: string;
}

export interface CoreOptions extends ClientOptions {
  /** Credentials keyed by the spec's security scheme name. */
  credentials: Readonly<Record<string, Credential>>;
}

export type StatusCaller<P extends ProviderSlug, Data, Extra extends object, ErrorExtra extends object> = (
  pathParams: Readonly<Record<string, string>>,
  options?: CallOptions,
) => Promise<KycStatusResult<P, Data, Extra, ErrorExtra>>;

/** What one call got back: the response, with its success body as text or its error body parsed (JSON when it is, else the text). */
interface Fetched {
  response: Response;
  data?: string;
  error?: unknown;
}

/**
 * Validates the factory options (throwing a TypeError that names the option, never its value) and
 * returns the function that performs one call.
 */
export function createStatusCaller<P extends ProviderSlug, Paths extends object, Data, Extra extends object = object, ErrorExtra extends object = object>(
  factory: string,
  def: ProviderDefinition<P, Paths, Data, Extra, ErrorExtra>,
  options: CoreOptions,
): StatusCaller<P, Data, Extra, ErrorExtra> {
  const { baseUrl, timeoutMs, maxBodyBytes, transport, credentials, secrets } = checkOptions(factory, options);
  const builtIn = options.fetch === undefined;
  // One Request per call, with the call's credential headers, `redirect: "manual"` and signal:
  // built by the built-in fetch from the URL and init, or here for a custom transport (which gets
  // a Request carrying the signal, as documented).
  const send = (url: string, init: RequestInit): Promise<Response> =>
    builtIn ? (transport as typeof globalThis.fetch)(url, init) : transport(new Request(url, init));
  // The built-in fetch honours the signal while it waits for the headers and while the body is
  // read (both reject once it aborts); a custom transport may not, so its promises are raced
  // against the signal. Racing the built-in fetch too cost a listener and a promise per call.
  const within = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> => (builtIn ? promise : raceAbort(promise, signal));
  let ready: { contract: Contract; headers: Record<string, string> } | undefined;
  const prepare = () => {
    if (def.contract.operation !== `GET ${def.path}`) {
      throw new Error(`The ${def.provider} spec has no GET ${def.path}: the client and the spec disagree (its generated contract is for ${def.contract.operation}). Rebuild the package (npm run generate, npm run build).`);
    }
    const contract = readContract(def.contract);
    return { contract, headers: contract.credentialHeaders(credentials) };
  };

  return async (pathParams, callOptions = {}) => {
    for (const [name, value] of Object.entries(pathParams)) checkPathParam(factory, name, value);
    const callerSignal = callOptions.signal;
    callerSignal?.throwIfAborted();
    // Built on the first call (a throw here, e.g. credentials the spec cannot send, rejects the call).
    ready ??= prepare();
    const { contract, headers } = ready;
    // Built on first use: most calls (a success without warnings) never redact anything.
    let redactor: Redactor | undefined;
    const redact: Redactor = (text) => (redactor ??= createRedactor([...secrets, ...Object.values(pathParams)]))(text);

    const callTimeoutMs = checkCallTimeout(factory, callOptions.timeoutMs);
    const limitMs = callTimeoutMs === undefined ? timeoutMs : Math.min(timeoutMs, callTimeoutMs);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), limitMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal;
    // openapi-fetch plans the URL from the generated path, each path parameter percent-encoded as one segment.
    const url = createFinalURL(def.path, { baseUrl, params: { path: pathParams }, querySerializer: noQuery, pathSerializer: encodePathParams });
    let fetched: Fetched;
    try {
      const response = await within(send(url, { method: "GET", headers, redirect: "manual", signal }), signal);
      // Every body is read capped (BodyTooLargeError past maxBodyBytes), straight from the stream.
      const text = await within(readLimitedText(response, maxBodyBytes), signal);
      fetched = response.ok ? { response, data: text } : { response, error: parseErrorBody(text) };
    } catch (thrown) {
      if (thrown instanceof BodyTooLargeError) return tooLarge(def, contract, thrown, redact);
      if (timeout.signal.aborted) return failure(timeoutError(def.provider, limitMs, limitMs < timeoutMs ? "call" : "client"));
      if (callerSignal?.aborted) throw callerSignal.reason;
      return failure(networkError(def.provider, thrown));
    } finally {
      clearTimeout(timer);
    }
    return interpret(def, contract, fetched, redact);
  };
}

/** These GET operations have no query parameters. */
const noQuery = (): string => "";

/** An error body as the providers' `readError` take it: JSON when it parses, else its text; undefined when empty. */
function parseErrorBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A failure result; provider-specific error fields are optional (`Partial<ErrorExtra>`), so any error fits. */
const failure = <P extends ProviderSlug, ErrorExtra extends object>(error: KycClientError<P>): KycStatusFailure<P, ErrorExtra> => ({
  ok: false,
  error: error as KycClientError<P> & Partial<ErrorExtra>,
});

/**
 * A body past `maxBodyBytes`: on a success status the response is unusable (`invalid_response`);
 * on an error status it is still that error, read from its status and headers alone.
 */
function tooLarge<P extends ProviderSlug, Paths, Data, Extra extends object, ErrorExtra extends object>(
  def: ProviderDefinition<P, Paths, Data, Extra, ErrorExtra>,
  contract: Contract,
  error: BodyTooLargeError,
  redact: Redactor,
): KycStatusResult<P, Data, Extra, ErrorExtra> {
  const { status, headers } = error.response;
  if (status >= 200 && status < 300) {
    const requestId = cleanServerText(headers.get("x-request-id"), redact);
    return failure(invalidResponseError(def.provider, status, `a body larger than ${error.maxBytes} bytes (reading stopped there; raise maxBodyBytes if the provider really sends that much)`, requestId));
  }
  return interpret(def, contract, { response: new Response(null, { status, headers }) }, redact);
}

function interpret<P extends ProviderSlug, Paths, Data, Extra extends object, ErrorExtra extends object>(
  def: ProviderDefinition<P, Paths, Data, Extra, ErrorExtra>,
  contract: Contract,
  { response, data, error }: Fetched,
  redact: Redactor,
): KycStatusResult<P, Data, Extra, ErrorExtra> {
  const receivedAt = new Date();
  const httpStatus = response.status;
  // Only failures carry it: a success does not read the header.
  const requestId = () => cleanServerText(response.headers.get("x-request-id"), redact);
  if (!response.ok) {
    // Status decides: whatever the body is (JSON or not, documented or not), this is an http error.
    const details = def.readError(error);
    return failure(
      httpError(
        {
          provider: def.provider,
          httpStatus,
          code: cleanServerText(details.code, redact),
          text: details.documented?.text ?? cleanServerText(details.text, redact),
          advice: details.documented?.advice ?? cleanServerText(details.advice, redact),
          retryAfterMs: retryAfterMs(response.headers, receivedAt.getTime(), httpStatus),
          requestId: requestId(),
        },
        details.extra,
      ),
    );
  }
  const invalid = (problem: string) => failure(invalidResponseError(def.provider, httpStatus, problem, requestId()));
  const success = contract.successes.get(httpStatus);
  if (!success) return invalid(`a status the spec does not document for ${contract.operation} (documented: ${[...contract.successes.keys()].join(", ")})`);
  const contentType = response.headers.get("content-type");
  const mediaType = mediaTypeOf(contentType);
  if (!success.mediaTypes.some((documented) => mediaTypeMatches(documented, mediaType))) {
    const got = contentType === null ? "no Content-Type" : `Content-Type "${cleanServerText(contentType, redact) ?? ""}"`;
    return invalid(`${got} where the spec documents ${success.mediaTypes.join(" or ")}`);
  }
  const text = typeof data === "string" ? data : "";
  if (text.trim() === "") return invalid("an empty body");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return invalid("a body that is not JSON (truncated, or an HTML page)");
  }
  const pointer = success.schemaPointers.get(mediaType);
  const warnings: ClientWarning[] = [];
  if (pointer) {
    const verdict = contract.tolerantCheck(pointer)(body);
    if (!verdict.ok) {
      const where = verdict.violations
        .slice(0, 3)
        .map((v) => `${v.instancePath || "/"} ${v.message}`)
        .join("; ");
      return invalid(`a body whose status fields do not match its spec (${cleanServerText(where, redact) ?? "invalid"})`);
    }
    // Warnings carry body keys (pointers), which a hostile server could fill with a secret.
    for (const w of verdict.warnings) warnings.push(Object.freeze({ pointer: redact(w.pointer), keyword: w.keyword, message: cleanServerText(w.message, redact) ?? w.keyword }));
  }
  const typed = body as Data;
  const extra = def.extra?.(typed, { headers: response.headers, receivedAt });
  return { ok: true, data: typed, kyc: def.normalize(typed), httpStatus, warnings: Object.freeze(warnings), ...extra } as KycStatusResult<P, Data, Extra, ErrorExtra>;
}

/** Resolves with `promise`, or rejects with the signal's reason once it aborts (even if the transport ignores it). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Percent-encodes every path parameter as one segment: `/`, `?`, `#`, `%` and `..` inside an id
 * cannot change the path. (`.` and `..` alone are refused earlier: URL parsers resolve them even
 * when percent-encoded.)
 */
function encodePathParams(pathname: string, params: Record<string, unknown>): string {
  return pathname.replace(/\{([^{}]+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return typeof value === "string" ? encodeURIComponent(value) : placeholder;
  });
}

/** A call's own `timeoutMs`: undefined, or a number of milliseconds (0 or less: no time left, the call times out at once). */
function checkCallTimeout(factory: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(`${factory}(…).getKycStatus: the call's timeoutMs must be a number of milliseconds.`);
  return Math.max(0, value);
}

function checkPathParam(factory: string, name: string, value: unknown): void {
  const problem =
    typeof value !== "string"
      ? "must be a string"
      : value === "" || value === "." || value === ".."
        ? 'must not be empty, "." or ".." (URLs resolve those as paths)'
        : !isWellFormed(value)
          ? "must be a well-formed Unicode string"
          : undefined;
  if (problem) throw new TypeError(`${factory}(…).getKycStatus: the ${name} ${problem}. Pass the provider's id of the record.`);
}

const isWellFormed = (value: string): boolean => {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
};

interface CheckedOptions {
  baseUrl: string;
  timeoutMs: number;
  maxBodyBytes: number;
  transport: FetchLike;
  /** Header values by security scheme. */
  credentials: Record<string, string>;
  /** The raw credential values, to keep out of every error. */
  secrets: string[];
}

function checkOptions(factory: string, options: CoreOptions): CheckedOptions {
  const fail = (option: string, requirement: string): never => {
    throw new TypeError(`${factory}: ${option} ${requirement}.`);
  };
  const { baseUrl, timeoutMs = DEFAULT_TIMEOUT_MS, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, fetch: transport = globalThis.fetch } = options;
  let url: URL | undefined;
  try {
    url = typeof baseUrl === "string" ? new URL(baseUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    fail("baseUrl", 'must be an absolute http(s) URL without credentials, query or fragment, e.g. "https://identity.myaza.app"');
  }
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    fail("timeoutMs", `must be a number of milliseconds between 1 and ${MAX_TIMEOUT_MS} (default ${DEFAULT_TIMEOUT_MS})`);
  }
  if (!isBodyLimit(maxBodyBytes)) fail("maxBodyBytes", `must be a whole number of bytes ≥ 1 (default ${DEFAULT_MAX_BODY_BYTES}, 1 MiB)`);
  if (typeof transport !== "function") fail("fetch", "must be a function (request: Request) => Promise<Response>, or left out to use globalThis.fetch");
  const credentials: Record<string, string> = {};
  const secrets: string[] = [];
  for (const [scheme, { option, value, prefix = "" }] of Object.entries(options.credentials)) {
    if (typeof value !== "string" || value.trim() === "" || !isHeaderValue(value)) {
      fail(option, "must be a non-empty string usable in an HTTP header (no line breaks or control characters); check where it is read from");
    }
    credentials[scheme] = `${prefix}${value as string}`;
    secrets.push(value as string);
  }
  return { baseUrl: baseUrl.replace(/\/+$/, ""), timeoutMs, maxBodyBytes, transport, credentials, secrets };
}

/**
 * Usable as an HTTP header value: what `new Headers()` accepts (code points up to U+00FF; no NUL,
 * CR or LF; no whitespace at either end) without control characters (Unicode Cc: U+0000–U+001F,
 * U+007F–U+009F). Checked here rather than by building a Headers object: cheaper on a client's
 * first call, and the same answer.
 */
const isHeaderValue = (value: string): boolean => value === value.trim() && /^[\x20-\x7e\xa0-\xff]*$/.test(value);

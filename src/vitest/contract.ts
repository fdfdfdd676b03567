/**
 * The judgement behind `toSatisfyContract`, without vitest: an exchange (or a fetch `Response`)
 * goes through the conformance checker of its provider (given, or detected from the request path
 * as the traffic checker does) and comes back as pass/fail plus a message listing every violation.
 * No validation of its own: the checks, their pointers and texts are the checker's.
 */
import { isProviderSlug, providerSlugs, type ProviderSlug } from "../providers.js";
import { specDocument } from "../spec/load.js";
import { createCheckerForSpec, describeViolation, type ConformanceChecker, type Exchange } from "../conformance/checker.js";
import { providerFor } from "../conformance/traffic.js";

/**
 * What `toSatisfyContract` judges: one request and the answer it got. A twin journal entry
 * (`twin.requests()[i]`) is one as it is. `body` is the raw response text; any other value (a
 * stub's parsed body) is judged as its `JSON.stringify`.
 */
export interface ContractExchange {
  method: string;
  /** Request path as sent, query string allowed: `/api/kyc/status/ver_123`. */
  path: string;
  status: number;
  headers: Headers | Readonly<Record<string, string>>;
  body: unknown;
  /** True (twin journals) or the `Prefer` header value when `Prefer` chose the answer: the body is then a named example verbatim, so the id it names is not compared with the path's. */
  prefer?: boolean | string;
}

/** A fetch answer with the request it answered: needed when `response.url` is empty (a `new Response(…)`) or the method is not GET. */
export interface ContractResponse {
  request: Request | { method: string; url: string };
  response: Response;
}

export interface ContractVerdict {
  pass: boolean;
  /** The provider whose contract the exchange was judged by; undefined when no spec documents the request. */
  provider: ProviderSlug | undefined;
  /** The failure text for `expect(x).toSatisfyContract()` (`isNot` false) or `.not.toSatisfyContract()` (true). */
  message(isNot: boolean): string;
}

/** Judged with the schema and semantic checks; never the lifecycle check, since one assertion is one observation. */
const checkers = new Map<string, ConformanceChecker>();
const checkerFor = (provider: ProviderSlug, namedExample: boolean): ConformanceChecker => {
  const key = `${provider}:${namedExample}`;
  let checker = checkers.get(key);
  if (!checker) checkers.set(key, (checker = createCheckerForSpec(provider, specDocument(provider), { lifecycle: false, idEcho: !namedExample })));
  return checker;
};

const USAGE = "toSatisfyContract() takes an exchange { method, path, status, headers, body } (a twin journal entry as it is), a fetch Response, or { request, response }";

/** Judges one exchange. Throws a TypeError for what is not an exchange or names no provider (a bug in the test, not a contract failure). */
export function judgeExchange(received: unknown, provider?: string): ContractVerdict {
  const exchange = asExchange(received);
  if (provider !== undefined && !isProviderSlug(provider)) throw new TypeError(`toSatisfyContract("${provider}"): unknown provider. Use one of ${providerSlugs.join(", ")}, or leave it out to detect it from the path.`);
  const pathOnly = exchange.path.split("?")[0] ?? "";
  const slug = provider ?? providerFor(exchange.method, pathOnly);
  const what = `${exchange.method.toUpperCase()} ${exchange.path} → ${exchange.status}`;
  if (!slug) {
    return {
      pass: false,
      provider: undefined,
      message: (isNot) =>
        isNot
          ? `expected ${what} not to satisfy a provider contract, and it does not: no provider's spec documents ${exchange.method.toUpperCase()} ${pathOnly}.`
          : `expected ${what} to satisfy a provider contract, but no provider's spec documents ${exchange.method.toUpperCase()} ${pathOnly}. Pass the provider (${providerSlugs.join(", ")}) to see what its spec documents.`,
    };
  }
  const result = checkerFor(slug, exchange.namedExample).check(exchange);
  return {
    pass: result.ok,
    provider: slug,
    message: (isNot) =>
      isNot
        ? `expected ${what} not to satisfy the ${slug} contract, but every check passed.`
        : `expected ${what} to satisfy the ${slug} contract; ${result.violations.length} violation${result.violations.length === 1 ? "" : "s"}:\n${result.violations.map((v) => `  ${describeViolation(v)}`).join("\n")}`,
  };
}

/** Reads a fetch answer (from a clone: the test can still read the body) and judges it. */
export async function judgeResponse(received: Response | ContractResponse, provider?: string): Promise<ContractVerdict> {
  const { response, request } = received instanceof Response ? { response: received, request: undefined } : received;
  const url = request?.url ?? response.url;
  if (!url) throw new TypeError(`${USAGE}: this Response has no url (made with new Response or Response.json?), so its request path is unknown. Pass { request, response }.`);
  if (response.bodyUsed) throw new TypeError(`${USAGE}: this Response's body was already read. Call the matcher before reading it (it reads a clone), or pass an exchange.`);
  const { pathname, search } = new URL(url);
  const body = await response.clone().text();
  return judgeExchange({ method: request?.method ?? "GET", path: `${pathname}${search}`, status: response.status, headers: response.headers, body }, provider);
}

/** A `Response` or `{ request, response }`: judged asynchronously. */
export function isResponseLike(value: unknown): value is Response | ContractResponse {
  return value instanceof Response || (typeof value === "object" && value !== null && "response" in value && value.response instanceof Response);
}

function asExchange(value: unknown): Exchange & { namedExample: boolean } {
  if (typeof value !== "object" || value === null) throw new TypeError(`${USAGE}; got ${value === null ? "null" : typeof value}.`);
  const v = value as Partial<Record<keyof ContractExchange, unknown>>;
  const missing = (["method", "path", "status", "headers"] as const).filter((k) => v[k] === undefined);
  if (missing.length > 0 || !("body" in v)) throw new TypeError(`${USAGE}; this value has no ${[...missing, ...("body" in v ? [] : ["body"])].join(", ")}.`);
  if (typeof v.method !== "string" || typeof v.path !== "string" || typeof v.status !== "number" || typeof v.headers !== "object" || v.headers === null) {
    throw new TypeError(`${USAGE}; method and path must be strings, status a number and headers an object or Headers.`);
  }
  const body = typeof v.body === "string" ? v.body : v.body === undefined ? "" : JSON.stringify(v.body);
  return { method: v.method, path: v.path, status: v.status, headers: v.headers as Headers | Record<string, string>, body, namedExample: v.prefer === true || (typeof v.prefer === "string" && v.prefer !== "") };
}

/**
 * CORS for the twins, so a page on another origin can call a twin the way it would call the
 * provider from front-end code. Per provider, the default follows what the provider says about
 * calls from a browser:
 *
 * - Myaza: any origin. Its status endpoint is "publishable-safe": it is meant to be called with
 *   the `pk_` key that ships in front-end SDKs (and returns no personal data).
 * - Proof: none. Its calls come "from the partner's backend", checked against an IP/Origin allowlist.
 * - BTC Direct: none. The partner's API key or token is a secret, for the partner's backend.
 * - Nyota Imara: none. Its documentation does not say that browsers may call it.
 *
 * `cors: { <provider>: true | false | [origins…] }` (createTwin, createTwins, startTwins)
 * overrides it. An allowed origin gets a preflight answer (204: the operation's method, its
 * credential headers and `Prefer`) and `Access-Control-Allow-Origin` plus
 * `Access-Control-Expose-Headers` (every header of the answer, so a client in the page reads
 * `Retry-After`, `RateLimit-*` and `X-Request-Id`) on every answer. Preflights are no calls of the
 * provider: they are not journaled and count for no record. Anything else (CORS off, another
 * origin) gets no CORS headers, so the browser blocks the call as the provider's would be.
 */
import type { ProviderSlug } from "../providers.js";
import type { TwinAnswer, TwinRequestLike } from "./engine.js";

/** `true`: any origin; `false`: none; a list: exactly these origins (`http://127.0.0.1:5173`). */
export type TwinCors = boolean | readonly string[];

export const DEFAULT_TWIN_CORS: Readonly<Record<ProviderSlug, TwinCors>> = Object.freeze({
  proof: false,
  "btc-direct": false,
  "nyota-imara": false,
  myaza: true,
});

/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

export interface TwinCorsPolicy {
  /** The preflight answer for `request`, or undefined when it is none or its origin is not allowed (then it is an ordinary request). */
  preflight(request: TwinRequestLike): TwinAnswer | undefined;
  /** `answer` with the CORS headers `request`'s origin gets (unchanged when none). */
  decorate(request: TwinRequestLike, answer: TwinAnswer): TwinAnswer;
}

/** The policy of one twin: `setting` for its operation's `method` and the request headers it reads. */
export function twinCorsPolicy(setting: TwinCors, method: string, requestHeaders: readonly string[]): TwinCorsPolicy {
  const allowOrigin = (request: TwinRequestLike): string | undefined => {
    const origin = request.headers.get("origin");
    if (origin === null || setting === false) return undefined;
    if (setting === true) return "*";
    return setting.includes(origin) ? origin : undefined;
  };
  // With an allowlist the answer depends on the Origin header; caches must know.
  const vary: Record<string, string> = setting === true || setting === false ? {} : { Vary: "Origin" };
  const allowHeaders = [...new Set(requestHeaders.map((h) => h.toLowerCase()))].join(", ");
  return {
    preflight(request) {
      if (request.method !== "OPTIONS" || request.headers.get("access-control-request-method") === null) return undefined;
      const origin = allowOrigin(request);
      if (origin === undefined) return undefined;
      return {
        status: 204,
        headers: {
          "Access-Control-Allow-Origin": origin,
          "Access-Control-Allow-Methods": method.toUpperCase(),
          "Access-Control-Allow-Headers": allowHeaders,
          "Access-Control-Max-Age": String(PREFLIGHT_MAX_AGE_S),
          ...vary,
        },
        body: "",
      };
    },
    decorate(request, answer) {
      const origin = allowOrigin(request);
      if (origin === undefined) return answer;
      const headers: Record<string, string> = { ...answer.headers, "Access-Control-Allow-Origin": origin, ...vary };
      const exposed = Object.keys(answer.headers).join(", ");
      if (exposed) headers["Access-Control-Expose-Headers"] = exposed;
      return { ...answer, headers };
    },
  };
}

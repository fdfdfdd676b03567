/**
 * Sends one read-only request to a target and captures the exchange as the checker sees it.
 * Expected failures (network, timeout, rate limiting that outlasts one wait) are values.
 */
import { retryAfterMs } from "../http/retry-after.js";
import type { Exchange } from "./checker.js";

export interface OutgoingRequest {
  method: "GET";
  /** Path with the id already percent-encoded. */
  path: string;
  headers: Readonly<Record<string, string>>;
}

export type ExchangeOutcome =
  | { ok: true; exchange: Exchange }
  | { ok: false; kind: "network" | "timeout"; message: string }
  | { ok: false; kind: "rate_limited"; message: string; exchange: Exchange };

export interface ExchangeOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Longest wait honoured for one 429 (Retry-After / RateLimit-Reset); longer → inconclusive at once. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Treat 429 as rate limiting (wait once, then inconclusive). Off when a 429 is what was asked for. */
  handleRateLimit?: boolean;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendRequest(baseUrl: string, request: OutgoingRequest, options: ExchangeOptions = {}): Promise<ExchangeOutcome> {
  const { fetch: doFetch = fetch, timeoutMs = 15_000, maxRateLimitWaitMs = 60_000, sleep = defaultSleep, handleRateLimit = true } = options;
  const url = `${baseUrl.replace(/\/+$/, "")}${request.path}`;
  const once = async (): Promise<ExchangeOutcome> => {
    try {
      const started = performance.now();
      const response = await doFetch(url, { method: request.method, headers: request.headers, signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
      const body = await response.text();
      const durationMs = performance.now() - started;
      return { ok: true, exchange: { method: request.method, path: request.path, status: response.status, headers: response.headers, body, durationMs } };
    } catch (error) {
      const e = error as Error;
      if (e.name === "TimeoutError") return { ok: false, kind: "timeout", message: `No response from ${new URL(url).origin} within ${timeoutMs} ms.` };
      return { ok: false, kind: "network", message: `Could not reach ${new URL(url).origin}: ${(e.cause as Error | undefined)?.message ?? e.message}. Is the target running, and is --base-url right?` };
    }
  };
  const first = await once();
  if (!first.ok || first.exchange.status !== 429 || !handleRateLimit) return first;
  const { headers } = first.exchange;
  const waitMs = headers instanceof Headers ? retryAfterMs(headers, Date.now()) : undefined;
  if (waitMs === undefined || waitMs > maxRateLimitWaitMs) {
    return { ok: false, kind: "rate_limited", message: `Rate limited (429) and the target asks to wait ${waitMs === undefined ? "an unknown time" : `${Math.ceil(waitMs / 1000)} s`}; inconclusive, not a contract failure. Run again later.`, exchange: first.exchange };
  }
  await sleep(waitMs);
  const second = await once();
  if (second.ok && second.exchange.status === 429) {
    return { ok: false, kind: "rate_limited", message: "Still rate limited (429) after waiting once as the target asked; inconclusive, not a contract failure. Run again later.", exchange: second.exchange };
  }
  return second;
}

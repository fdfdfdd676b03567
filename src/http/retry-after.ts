/**
 * How long a server asks us to wait before the next call.
 *
 * - `Retry-After` (RFC 9110 §10.2.3), on any status: delay-seconds (digits only) or an
 *   IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`). Anything else ("March 7", "1 2", "1.5", a
 *   negative number) is ignored, as if the header were absent.
 * - `RateLimit-Reset` (seconds until the window resets, as Myaza sends it; a value that can only
 *   be a Unix time is read as one), only when it is about this call being limited: on a 429, or
 *   when `RateLimit-Remaining` is 0. A 503 with `RateLimit-Remaining: 97, RateLimit-Reset: 850`
 *   says when the quota window rolls over, not that the client must wait.
 *
 * Every wait is capped at `MAX_RETRY_AFTER_MS`: a server asking for more is read as asking for
 * that long, never for years.
 */
const DELTA_SECONDS = /^\d+$/;
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const UNIX_TIME_THRESHOLD_S = 1_000_000_000;
/** The longest wait honoured from a header: one day. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

/** The wait in milliseconds the response asks for (capped), or undefined when it asks for none. */
export function retryAfterMs(headers: Headers, nowMs: number, status: number): number | undefined {
  const wait = fromRetryAfter(headers.get("retry-after"), nowMs) ?? (rateLimited(headers, status) ? fromRateLimitReset(headers.get("ratelimit-reset"), nowMs) : undefined);
  return wait === undefined ? undefined : Math.min(wait, MAX_RETRY_AFTER_MS);
}

function rateLimited(headers: Headers, status: number): boolean {
  return status === 429 || headers.get("ratelimit-remaining")?.trim() === "0";
}

function fromRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (DELTA_SECONDS.test(text)) return Number(text) * 1000;
  if (!IMF_FIXDATE.test(text)) return undefined;
  const date = Date.parse(text);
  // The round trip rejects dates that do not exist (31 Feb) and a weekday that does not match.
  if (Number.isNaN(date) || new Date(date).toUTCString() !== text) return undefined;
  return Math.max(0, date - nowMs);
}

function fromRateLimitReset(value: string | null, nowMs: number): number | undefined {
  const text = value?.trim();
  if (text === undefined || !DELTA_SECONDS.test(text)) return undefined;
  const seconds = Number(text);
  return seconds >= UNIX_TIME_THRESHOLD_S ? Math.max(0, seconds * 1000 - nowMs) : seconds * 1000;
}

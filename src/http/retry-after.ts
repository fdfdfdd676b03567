/**
 * How long a server asks us to wait, from `Retry-After` (RFC 9110: delay-seconds or an HTTP date)
 * or, failing that, `RateLimit-Reset` (seconds until the window resets, as Myaza sends it; a
 * value that can only be a Unix time is read as one).
 */
const SECONDS = /^\s*\d+(\.\d+)?\s*$/;
const UNIX_TIME_THRESHOLD_S = 1_000_000_000;

export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  return fromRetryAfter(headers.get("retry-after"), nowMs) ?? fromRateLimitReset(headers.get("ratelimit-reset"), nowMs);
}

function fromRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  if (SECONDS.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function fromRateLimitReset(value: string | null, nowMs: number): number | undefined {
  if (value === null || !SECONDS.test(value)) return undefined;
  const seconds = Number(value);
  return seconds >= UNIX_TIME_THRESHOLD_S ? Math.max(0, seconds * 1000 - nowMs) : Math.round(seconds * 1000);
}

/**
 * When pre-signed (AWS SigV4) URLs stop working: `X-Amz-Expires` seconds after they were signed.
 * The signing time is `X-Amz-Date` when the URL carries it, and never later than the response
 * time (a server clock ahead of ours must not extend the window).
 */
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The earliest expiry of `urls`; a URL without a readable `X-Amz-Expires` counts as expiring at `receivedAt`. */
export function documentUrlsExpireAt(urls: readonly unknown[], receivedAt: Date): Date {
  let earliest = Number.POSITIVE_INFINITY;
  for (const url of urls) earliest = Math.min(earliest, urlExpiresAt(url, receivedAt.getTime()));
  return new Date(Number.isFinite(earliest) ? earliest : receivedAt.getTime());
}

function urlExpiresAt(url: unknown, receivedAtMs: number): number {
  let params: URLSearchParams;
  try {
    params = new URL(String(url)).searchParams;
  } catch {
    return receivedAtMs;
  }
  const expires = params.get("X-Amz-Expires");
  if (expires === null || !/^\d+$/.test(expires)) return receivedAtMs;
  const signed = AMZ_DATE.exec(params.get("X-Amz-Date") ?? "");
  const signedAtMs = signed ? Date.UTC(Number(signed[1]), Number(signed[2]) - 1, Number(signed[3]), Number(signed[4]), Number(signed[5]), Number(signed[6])) : receivedAtMs;
  return Math.min(signedAtMs, receivedAtMs) + Number(expires) * 1000;
}

/**
 * retryAfterMs: which headers ask for a wait, on which statuses, and how long (literal values at
 * a fixed "now"; the header grammar is RFC 9110's, nothing looser).
 */
import { describe, expect, it } from "vitest";
import { MAX_RETRY_AFTER_MS, retryAfterMs } from "../src/http/retry-after.js";

/** 2026-04-27T12:00:00.000Z */
const NOW = 1_777_291_200_000;
const wait = (headers: Record<string, string>, status = 429): number | undefined => retryAfterMs(new Headers(headers), NOW, status);

describe("Retry-After", () => {
  it.each<[string, number]>([
    ["7", 7_000],
    ["0", 0],
    [" 12 ", 12_000],
    ["Mon, 27 Apr 2026 12:01:30 GMT", 90_000],
    ["Mon, 27 Apr 2026 11:00:00 GMT", 0],
  ])("%j asks for %i ms", (value, ms) => {
    expect(wait({ "retry-after": value })).toBe(ms);
  });

  it.each(["March 7", "1 2", "1.5", "-3", "+3", "0x10", "7s", "soon", "", "Monday, 27-Apr-26 12:01:30 GMT", "Mon Apr 27 12:01:30 2026", "Tue, 27 Apr 2026 12:01:30 GMT", "Mon, 31 Feb 2026 12:01:30 GMT", "Mon, 27 Apr 2026 12:01:30 UTC", "2026-04-27T12:01:30Z"])(
    "%j is no wait at all (not delta-seconds, not an IMF-fixdate)",
    (value) => {
      expect(wait({ "retry-after": value })).toBeUndefined();
    },
  );

  it("is capped at one day, however far off it points", () => {
    expect(MAX_RETRY_AFTER_MS).toBe(86_400_000);
    expect(wait({ "retry-after": "99999999999" })).toBe(86_400_000);
    expect(wait({ "retry-after": "9".repeat(400) })).toBe(86_400_000);
    expect(wait({ "retry-after": "Fri, 31 Dec 9999 23:59:59 GMT" })).toBe(86_400_000);
  });

  it("counts on any status (a 503 may say when to come back)", () => {
    expect(wait({ "retry-after": "30" }, 503)).toBe(30_000);
  });

  it("wins over RateLimit-Reset", () => {
    expect(wait({ "retry-after": "3", "ratelimit-reset": "42" })).toBe(3_000);
  });
});

describe("RateLimit-Reset", () => {
  it("asks for its seconds on a 429", () => {
    expect(wait({ "ratelimit-reset": "42" })).toBe(42_000);
    expect(wait({ "ratelimit-reset": "1777294800" })).toBe(3_600_000); // a Unix time: 13:00 UTC
  });

  it.each([500, 503, 404])("is no wait on a %i while requests remain", (status) => {
    expect(wait({ "ratelimit-remaining": "97", "ratelimit-reset": "850" }, status)).toBeUndefined();
    expect(wait({ "ratelimit-reset": "850" }, status)).toBeUndefined();
  });

  it("asks for its seconds on any status once RateLimit-Remaining is 0", () => {
    expect(wait({ "ratelimit-remaining": "0", "ratelimit-reset": "850" }, 503)).toBe(850_000);
  });

  it("is capped, and ignored unless it is whole seconds", () => {
    expect(wait({ "ratelimit-reset": "999999999" })).toBe(86_400_000);
    expect(wait({ "ratelimit-reset": "1.5" })).toBeUndefined();
    expect(wait({ "ratelimit-reset": "later" })).toBeUndefined();
  });
});

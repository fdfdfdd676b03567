/**
 * The personal values and credentials kept for scrubbing report text are bounded (a proxy runs
 * for days over many users): the most recent REMEMBERED_VALUES of each, the exchange being
 * reported always among them.
 */
import { describe, expect, it } from "vitest";
import { createPiiMasker, REMEMBERED_VALUES, Scrubber } from "../src/conformance/pii.js";

const body = (i: number): string => JSON.stringify({ data: { userInfo: { email: `user${i}@example.com`, name: `Person Number${i}` } } });

describe("bounded scrubbing state", () => {
  it("the masker keeps the most recent values; the scrubber still removes the current exchange's", () => {
    const masker = createPiiMasker(true);
    const scrubber = new Scrubber(masker);
    const total = REMEMBERED_VALUES * 2;
    for (let i = 0; i < total; i++) masker.maskBody(body(i));
    // assert bounded, newest kept, oldest forgotten
    expect(masker.maskedValues).toHaveLength(REMEMBERED_VALUES);
    expect(masker.maskedValues).toContain(`user${total - 1}@example.com`);
    expect(masker.maskedValues).not.toContain("user0@example.com");
    // assert a report quoting the latest exchange's values is scrubbed
    expect(scrubber.scrub(`got user${total - 1}@example.com (Person Number${total - 1})`)).toBe("got [redacted] ([redacted])");
  });

  it("a value seen again is refreshed, not added twice; the version changes only when the content does", () => {
    const masker = createPiiMasker(true);
    masker.maskBody(body(1));
    const v = masker.version;
    masker.maskBody(body(1));
    expect(masker.version).toBe(v);
    for (let i = 2; i < REMEMBERED_VALUES; i++) masker.maskBody(JSON.stringify({ email: `x${i}@example.com` }));
    // user1's values were refreshed last by a repeat before the others came: still there after more arrive
    masker.maskBody(body(1));
    masker.maskBody(JSON.stringify({ email: "late@example.com" }));
    expect(masker.maskedValues).toContain("user1@example.com");
    expect(masker.version).toBeGreaterThan(v);
  });

  it("credentials: the most recent are scrubbed, the oldest forgotten past the bound", () => {
    const scrubber = new Scrubber(createPiiMasker(true));
    for (let i = 0; i <= REMEMBERED_VALUES; i++) scrubber.addSecrets([`token-${i}-secret-value`]);
    expect(scrubber.scrub(`Bearer token-${REMEMBERED_VALUES}-secret-value`)).toBe("Bearer [redacted]");
    expect(scrubber.scrub("Bearer token-0-secret-value")).toBe("Bearer token-0-secret-value");
  });
});

import { describe, expect, it } from "vitest";
import { sendRequest } from "../src/conformance/exchange.js";
import { createRedactor } from "../src/http/redact.js";
import { checkLiveEnv, lookalike, requiredEnv, targetConfig } from "../src/conformance/target.js";
import { credentialHeaders } from "../src/spec/security.js";
import { providerSlugs } from "../src/providers.js";
import { listOperations, loadSpec } from "../src/spec/index.js";

/** An injected fetch answering from a list, recording the requests. */
function scripted(responses: Response[]): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: (input: RequestInfo | URL) => {
      calls.push(input instanceof Request ? input.url : input.toString());
      const next = responses.shift();
      return next ? Promise.resolve(next) : Promise.reject(new Error("no more scripted responses"));
    },
  };
}
const tooMany = (headers: Record<string, string>): Response => Response.json({ error: "Too many requests, please try again later." }, { status: 429, headers });
const request = { method: "GET" as const, path: "/api/kyc/status/ver_1", headers: {} };

describe("sendRequest body cap", () => {
  it("stops reading past maxBodyBytes, cancels the stream and says so", async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { fetch } = scripted([new Response(endless, { status: 200, headers: { "content-type": "application/json" } })]);
    const out = await sendRequest("http://127.0.0.1:1", request, { fetch, maxBodyBytes: 10_000 });
    expect(out).toEqual({ ok: false, kind: "body_too_large", status: 200, maxBytes: 10_000, message: "The HTTP 200 body is larger than 10000 bytes; reading stopped there." });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(10_000 + 4 * 1024);
  });

  it("reads a body within the cap as usual (default 1 MiB)", async () => {
    const { fetch } = scripted([new Response("x".repeat(1_048_576), { status: 200 })]);
    const out = await sendRequest("http://127.0.0.1:1", request, { fetch });
    expect(out.ok && out.exchange.body.length).toBe(1_048_576);
  });
});

describe("sendRequest on 429", () => {
  it("waits once as Retry-After says, then returns the retried exchange", async () => {
    const waits: number[] = [];
    const { fetch, calls } = scripted([tooMany({ "Retry-After": "2" }), Response.json({ ok: 1 })]);
    const out = await sendRequest("http://127.0.0.1:1", request, { fetch, sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      } });
    expect(waits).toEqual([2000]);
    expect(calls).toHaveLength(2);
    expect(out.ok && out.exchange.status).toBe(200);
  });

  it("is inconclusive (not a failure) when still rate limited after one wait", async () => {
    const { fetch } = scripted([tooMany({ "RateLimit-Reset": "1" }), tooMany({ "RateLimit-Reset": "1" })]);
    const out = await sendRequest("http://127.0.0.1:1", request, { fetch, sleep: () => Promise.resolve() });
    expect(out).toMatchObject({ ok: false, kind: "rate_limited" });
  });

  it("does not wait longer than allowed: inconclusive at once", async () => {
    const waits: number[] = [];
    const { fetch, calls } = scripted([tooMany({ "RateLimit-Reset": "900" })]);
    const out = await sendRequest("http://127.0.0.1:1", request, { fetch, sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      }, maxRateLimitWaitMs: 60_000 });
    expect(out).toMatchObject({ ok: false, kind: "rate_limited" });
    expect(out.ok ? "" : out.message).toContain("900 s");
    expect(waits).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("returns a 429 as is when the case asked for it", async () => {
    const { fetch, calls } = scripted([tooMany({ "RateLimit-Reset": "1" })]);
    const out = await sendRequest("http://127.0.0.1:1", request, { fetch, handleRateLimit: false });
    expect(out.ok && out.exchange.status).toBe(429);
    expect(calls).toHaveLength(1);
  });

  it("reports an unreachable target as a network failure naming the origin", async () => {
    const out = await sendRequest("http://127.0.0.1:9", request, { timeoutMs: 5_000 });
    expect(out).toMatchObject({ ok: false, kind: "network" });
    expect(out.ok ? "" : out.message).toContain("http://127.0.0.1:9");
  });
});

describe("conformance targets", () => {
  it("names, per provider, only security schemes its spec defines and can satisfy", async () => {
    for (const slug of providerSlugs) {
      const spec = await loadSpec(slug);
      const op = listOperations(spec)[0]!;
      const creds = Object.fromEntries(Object.keys(targetConfig[slug].credentials).map((k) => [k, "value0123456789"]));
      const headers = credentialHeaders(spec, op, creds);
      expect(Object.keys(headers).length, slug).toBeGreaterThan(0);
    }
  });

  it("requires exactly the environment variables the issue names", () => {
    expect(providerSlugs.flatMap(requiredEnv).sort()).toEqual(
      ["PROOF_CLIENT_TOKEN", "PROOF_USER_ID", "BTC_DIRECT_API_KEY", "BTC_DIRECT_USER_IDENTIFIER", "NYOTA_IMARA_TOKEN", "NYOTA_IMARA_USER_ID", "MYAZA_API_KEY", "MYAZA_VERIFICATION_ID"].sort(),
    );
    expect(checkLiveEnv(["myaza"], { MYAZA_API_KEY: "k" })).toEqual({ ok: false, missing: ["MYAZA_VERIFICATION_ID"] });
    expect(checkLiveEnv(["myaza"], { MYAZA_API_KEY: "k", MYAZA_VERIFICATION_ID: "ver_1" })).toEqual({ ok: true });
  });

  it("makes lookalikes: same prefix, same alphabet, different value", () => {
    for (const v of ["ver_01J9X2M4K7P8Q3R5S6T9V0W1Y2", "sk_test_0123456789abcdef0123456789abcdef", "user-123"]) {
      const l = lookalike(v);
      expect(l).not.toBe(v);
      expect(l.slice(0, v.lastIndexOf("_") + 1)).toBe(v.slice(0, v.lastIndexOf("_") + 1));
      expect(l).toMatch(/^[\w-]+$/);
    }
  });
});

describe("redact", () => {
  it("removes every secret, raw, percent-encoded and JSON-escaped", () => {
    const secret = "sk_test_SECRET/with spaces\"q";
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${JSON.stringify(secret)}`;
    const out = createRedactor([secret])(text);
    expect(out).not.toContain("SECRET");
    expect(out.match(/\[redacted\]/g)).toHaveLength(3);
  });
});

/**
 * The body cap of the clients (maxBodyBytes, default 1 MiB): reading stops past it, the stream
 * is cancelled, and the result says so. Bodies here are endless streams, so a client that read
 * them whole would never finish.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_BODY_BYTES } from "../src/http/body-limit.js";
import { providerSlugs } from "../src/index.js";
import { harnesses, RECORD_ID, recordingFetch } from "./helpers/clients.js";

const CHUNK = 64 * 1024;

/** A JSON-looking body that never ends; counts what was pulled and whether it was cancelled. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const chunk = new TextEncoder().encode(" ".repeat(CHUNK));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

describe.each(providerSlugs)("%s client body cap", (slug) => {
  const h = harnesses[slug];

  it("a 200 with an endless body: invalid_response naming the 1 MiB cap, the stream cancelled soon after it", async () => {
    const body = endlessBody();
    const transport = recordingFetch(() => new Response(body.stream, { status: 200, headers: { "content-type": "application/json" } }));
    const result = await h.create({ fetch: transport.fetch, timeoutMs: 600_000 })(RECORD_ID);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: "invalid_response", httpStatus: 200, retryable: false });
    expect(result.error.message).toContain("a body larger than 1048576 bytes (reading stopped there; raise maxBodyBytes");
    expect(body.cancelled()).toBe(true);
    // assert at most the cap plus the chunks in flight were read
    expect(body.pulled()).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 4 * CHUNK);
  });

  it("a 503 with an endless body stays a retryable http error, read from its status alone", async () => {
    const body = endlessBody();
    const transport = recordingFetch(() => new Response(body.stream, { status: 503, headers: { "content-type": "text/html", "retry-after": "5" } }));
    const result = await h.create({ fetch: transport.fetch, timeoutMs: 600_000 })(RECORD_ID);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: "http", httpStatus: 503, retryable: true, retryAfterMs: 5_000 });
    expect(body.cancelled()).toBe(true);
  });

  it("a Content-Length over the cap fails before any of the body is read", async () => {
    const body = endlessBody();
    const transport = recordingFetch(() => new Response(body.stream, { status: 200, headers: { "content-type": "application/json", "content-length": "5000000" } }));
    const result = await h.create({ fetch: transport.fetch })(RECORD_ID);
    expect(result.ok ? "ok" : result.error.kind).toBe("invalid_response");
    expect(body.cancelled()).toBe(true);
  });

  it("maxBodyBytes changes the cap", async () => {
    const big = JSON.stringify({ padding: "x".repeat(200) });
    const small = await h.create({ fetch: recordingFetch(() => new Response(big, { headers: { "content-type": "application/json" } })).fetch, maxBodyBytes: 100 })(RECORD_ID);
    expect(small.ok ? "ok" : small.error.message).toContain("a body larger than 100 bytes");
  });

  it("refuses a cap that is not a whole number of bytes ≥ 1", () => {
    for (const maxBodyBytes of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => h.create({ fetch: recordingFetch(() => Response.json({})).fetch, maxBodyBytes }), String(maxBodyBytes)).toThrow(/maxBodyBytes must be a whole number of bytes ≥ 1 \(default 1048576, 1 MiB\)/);
    }
  });
});

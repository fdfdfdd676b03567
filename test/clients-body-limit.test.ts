/**
 * The body cap of the clients (maxBodyBytes, default 1 MiB): reading stops past it, the stream
 * is cancelled, and the result says so. Bodies here are endless streams, so a client that read
 * them whole would never finish.
 */
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES, readLimitedText } from "../src/http/body-limit.js";
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
    // at most what the stream pulls on its own to fill its queue: nothing was read
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK);
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

describe("readLimitedText", () => {
  /** A response whose body arrives in the given chunks (no Content-Length). */
  const chunked = (...chunks: number[][]): Response =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const c of chunks) controller.enqueue(new Uint8Array(c));
          controller.close();
        },
      }),
    );

  it("decodes UTF-8 split across chunks and drops a leading BOM, as Response.text() does", async () => {
    // BOM, "é" split between two chunks, "}"
    expect(await readLimitedText(chunked([0xef, 0xbb, 0xbf, 0x7b, 0xc3], [0xa9, 0x7d]), 100)).toBe("{é}");
  });

  it("takes exactly maxBytes and refuses one byte more, cancelling the rest", async () => {
    expect(await readLimitedText(chunked([0x31, 0x32], [0x33]), 3)).toBe("123");
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array([0x31, 0x32])),
      cancel: () => {
        cancelled = true;
      },
    });
    await expect(readLimitedText(new Response(body), 3)).rejects.toMatchObject({ name: "BodyTooLargeError", maxBytes: 3 });
    expect(cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled++;
        controller.enqueue(new Uint8Array([0x31]));
      },
    });
    await expect(readLimitedText(new Response(body, { headers: { "content-length": "10" } }), 3)).rejects.toBeInstanceOf(BodyTooLargeError);
    // a ReadableStream pulls once on its own to fill its queue; nothing more was asked for
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("reads a body-less response as empty text", async () => {
    expect(await readLimitedText(new Response(null, { status: 200 }), 3)).toBe("");
  });
});

/**
 * A cap on how much of a response body is read. A status API answers in a few hundred bytes; a
 * body of many megabytes is a gateway error page, a wrong baseUrl or a hostile server, and must
 * not grow memory without bound. Past the cap the stream is cancelled (the rest is never read)
 * and the read fails with a `BodyTooLargeError`.
 *
 * Web streams only (no Node built-ins): the clients use this in browsers too.
 */

import { readBody } from "./read-body.js";

/** 1 MiB: the default cap of the clients and of conformance runs. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  constructor(
    /** The cap that was exceeded, in bytes. */
    readonly maxBytes: number,
    /** The response whose body it was (its status and headers; the body is cancelled). */
    readonly response: Pick<Response, "status" | "headers">,
  ) {
    super(`The response body is larger than ${maxBytes} bytes; reading stopped there.`);
  }
}

/** Whether `value` is a usable cap: a whole number of bytes ≥ 1. */
export const isBodyLimit = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 1;

/**
 * The body as text (UTF-8, a leading BOM dropped, as `Response.text()` does), at most `maxBytes`
 * of it; rejects with `BodyTooLargeError` past that, cancelling the rest. Reads the stream
 * directly (src/http/read-body.ts): no second stream or Response is built.
 */
export async function readLimitedText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new BodyTooLargeError(maxBytes, response);
  }
  const read = await readBody(response.body, maxBytes);
  if (!read.complete) throw new BodyTooLargeError(maxBytes, response);
  return utf8.decode(read.bytes);
}

/** Stateless between calls (no `stream` option), so one decoder serves every read. */
const utf8 = new TextDecoder();

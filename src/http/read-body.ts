/** Reading a body from outside without trusting its size: at most `limit` bytes are kept. Web streams only. */

export interface BoundedBody {
  /** The bytes read: all of them when `complete`, else the first `limit`. */
  bytes: Uint8Array;
  /** False when the body was longer than `limit` (the rest was not read; the stream is cancelled). */
  complete: boolean;
}

export async function readBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<BoundedBody> {
  if (!body) return { bytes: new Uint8Array(0), complete: true };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      complete = false;
      await reader.cancel().catch(() => {});
      break;
    }
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return { bytes: complete ? all : all.subarray(0, limit), complete };
}

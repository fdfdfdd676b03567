/** What the provider twins share: reading credentials from headers, request ids, signed URLs. */

/** The token of `Authorization: Bearer <token>`, or undefined when the header is absent or not a bearer credential. */
export function bearerToken(header: string | null): string | undefined {
  if (header === null) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}

/** Hex of `bytes` random bytes (Web Crypto). */
function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  let out = "";
  for (const b of buffer) out += b.toString(16).padStart(2, "0");
  return out;
}

/** Ids shaped like `example` (its prefix up to the last `_`, then hex of the same length), unique per twin. */
export function idSequence(example: string | undefined): () => string {
  const sample = example ?? "req_0000000000000000";
  const cut = sample.lastIndexOf("_") + 1;
  const width = Math.max(sample.length - cut, 8);
  let next = Number.parseInt(randomHex(4), 16);
  return () => `${sample.slice(0, cut)}${(next++).toString(16).padStart(width, "0").slice(-width)}`;
}

/**
 * Myaza's webhook signature, `X-Myaza-Signature: sha256=<hex>`: HMAC-SHA256 of the raw body
 * keyed with the endpoint's secret. Web Crypto only (`crypto.subtle`), so it runs in Node,
 * browsers and edge runtimes; the MACs are compared in constant time.
 */

const SIGNATURE_HEADER = "X-Myaza-Signature";
const PREFIX = "sha256=";
const HEX_DIGITS = 64;

export type RawBody = string | Uint8Array | ArrayBuffer;

const encoder = new TextEncoder();

/** The exact bytes of a raw body (a string is taken as its UTF-8 encoding). */
export function bodyBytes(body: RawBody): Uint8Array {
  if (typeof body === "string") return encoder.encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

function secretBytes(secret: string | Uint8Array): Uint8Array {
  const bytes = typeof secret === "string" ? encoder.encode(secret) : secret;
  if (bytes.length === 0) {
    // A programming or configuration error, not a bad delivery: every delivery would "fail".
    throw new TypeError("The Myaza webhook secret is empty: pass the endpoint's signing secret (e.g. read from an environment variable).");
  }
  return bytes;
}

function webCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) throw new Error("Web Crypto (globalThis.crypto.subtle) is not available in this runtime; Myaza webhook signatures need it (Node ≥ 20, browsers in secure contexts, edge runtimes).");
  return subtle;
}

/** HMAC-SHA256 of `body` with `secret`. */
async function hmacSha256(secret: string | Uint8Array, body: RawBody): Promise<Uint8Array> {
  const subtle = webCrypto();
  const key = await subtle.importKey("raw", secretBytes(secret) as Uint8Array<ArrayBuffer>, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", key, bodyBytes(body) as Uint8Array<ArrayBuffer>));
}

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** The `X-Myaza-Signature` value for `body`: `sha256=<lower-case hex>`. */
export async function myazaSignature(secret: string | Uint8Array, body: RawBody): Promise<string> {
  return PREFIX + toHex(await hmacSha256(secret, body));
}

/** Compares two byte strings in time that depends only on their lengths. */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export type SignatureHeaderProblem = "missing_signature" | "malformed_signature" | "wrong_algorithm";

export type ParsedSignature = { ok: true; mac: Uint8Array } | { ok: false; reason: SignatureHeaderProblem; message: string };

/** Parses the header's values (as received: none, one, or several). */
export function parseSignatureHeader(values: readonly string[]): ParsedSignature {
  if (values.length === 0) {
    return { ok: false, reason: "missing_signature", message: `The ${SIGNATURE_HEADER} header is missing: Myaza signs every delivery, so reject this request (is something between Myaza and you stripping headers?).` };
  }
  if (values.length > 1) {
    return { ok: false, reason: "malformed_signature", message: `${SIGNATURE_HEADER} was sent ${values.length} times; Myaza sends it once. Reject the request.` };
  }
  const value = values[0]!.trim();
  const algorithm = /^([A-Za-z0-9-]+)=/.exec(value)?.[1];
  if (algorithm !== undefined && algorithm.toLowerCase() !== "sha256") {
    return { ok: false, reason: "wrong_algorithm", message: `${SIGNATURE_HEADER} uses "${algorithm}=", but Myaza signs with HMAC-SHA256 ("sha256=<hex>"). Reject the request.` };
  }
  if (!value.startsWith(PREFIX) || value.length !== PREFIX.length + HEX_DIGITS || !/^[0-9a-fA-F]+$/.test(value.slice(PREFIX.length))) {
    return { ok: false, reason: "malformed_signature", message: `${SIGNATURE_HEADER} is not of the form "sha256=" followed by ${HEX_DIGITS} hex digits. Reject the request.` };
  }
  const hex = value.slice(PREFIX.length);
  const mac = new Uint8Array(HEX_DIGITS / 2);
  for (let i = 0; i < mac.length; i++) mac[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return { ok: true, mac };
}

/** Whether `mac` is the HMAC-SHA256 of `body` with `secret` (constant-time comparison). */
export async function signatureMatches(secret: string | Uint8Array, body: RawBody, mac: Uint8Array): Promise<boolean> {
  return timingSafeEqual(await hmacSha256(secret, body), mac);
}

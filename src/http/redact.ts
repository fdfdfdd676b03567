/**
 * Scrubbing credentials and ids out of text that reaches users: client errors, conformance
 * failure messages and reports, printed URLs. A server that echoes a secret must not leak it
 * through us.
 *
 * Order matters: secrets are removed from the text as it came, and only then is the text made
 * single-line and cut to length (`cleanText`). Cleaning first would turn `user\t42` into
 * `user 42`, which no longer matches; cutting first would leave the head of a long id behind.
 */
/** Removes secrets (raw, percent-encoded in either case, form-encoded and JSON-escaped) from text. */
export type Redactor = (text: string) => string;

export const REDACTED = "[redacted]";

/**
 * Values shorter than this are redacted only where they stand alone (not inside a longer run of
 * letters and digits): the Nyota Imara id `me` must go from "no record for me", but not from
 * "message".
 */
const SHORT_SECRET_LENGTH = 3;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern for the percent-encoded form of `secret`, its hex digits in either case (`%2F` or `%2f`). */
function percentEncodedPattern(encoded: string): string {
  return encoded
    .split(/(%[0-9A-F]{2})/)
    .map((part) => (/^%[0-9A-F]{2}$/.test(part) ? `%[${part[1]}${part[1]!.toLowerCase()}][${part[2]}${part[2]!.toLowerCase()}]` : escapeRegExp(part)))
    .join("");
}

export function createRedactor(secrets: readonly string[]): Redactor {
  const long = new Set<string>();
  const short = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    const encoded = encodeURIComponent(secret);
    const patterns = [escapeRegExp(secret), escapeRegExp(JSON.stringify(secret).slice(1, -1)), percentEncodedPattern(encoded), percentEncodedPattern(encoded.replace(/%20/g, "+"))];
    for (const pattern of patterns) (secret.length < SHORT_SECRET_LENGTH ? short : long).add(pattern);
  }
  // Longest first, so a secret that contains another is removed whole.
  const alternatives = [...[...long].sort((a, b) => b.length - a.length), ...[...short].map((p) => `(?<![\\p{L}\\p{N}])(?:${p})(?![\\p{L}\\p{N}])`)];
  if (alternatives.length === 0) return (text) => text;
  const pattern = new RegExp(alternatives.join("|"), "gu");
  return (text) => text.replace(pattern, REDACTED);
}

/**
 * A short, single-line, secret-free version of text that came from elsewhere (a server's error
 * message, a path with an id): secrets removed first, then control characters, then cut to
 * `maxLength` characters (with an ellipsis). Undefined for anything but a non-blank string.
 */
export function cleanText(value: unknown, redact: Redactor, maxLength: number): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = redact(value)
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim();
  if (text.length === 0) return undefined;
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

/**
 * A URL fit to print: any `user:password@` removed. Works on strings that do not parse as a URL
 * too (a mistyped `--base-url` is echoed back in its usage error): there everything between
 * `//` and the last `@` goes.
 */
export function withoutUserinfo(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed) {
    if (parsed.username === "" && parsed.password === "") return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  }
  return url.replace(/\/\/.*@/s, "//");
}

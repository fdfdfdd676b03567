/**
 * Scrubbing credentials and ids out of text that reaches users: client errors, conformance
 * failure messages and reports. A server that echoes a secret must not leak it through us.
 */
/** Removes secrets (raw, percent-encoded and JSON-escaped) from text. */
export type Redactor = (text: string) => string;

/**
 * Values shorter than this are not redacted: they cannot be told apart from ordinary text (the
 * Nyota Imara id `me`), and no credential is that short.
 */
const MIN_REDACTED_LENGTH = 3;

export function createRedactor(secrets: readonly string[]): Redactor {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_REDACTED_LENGTH) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(JSON.stringify(secret).slice(1, -1));
  }
  if (variants.size === 0) return (text) => text;
  const escaped = [...variants].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(escaped.join("|"), "g");
  return (text) => text.replace(pattern, "[redacted]");
}

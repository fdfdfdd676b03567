/**
 * Media types as the clients and the conformance checker compare them: the essence of a
 * `Content-Type` (`application/json; charset=utf-8` → `application/json`), lower-cased, and a
 * documented media type (which may be a range such as `application/*`) matched against it.
 */

/** The essence of a Content-Type header value; "" when there is none. */
export function mediaTypeOf(contentType: string | null | undefined): string {
  if (!contentType) return "";
  const semicolon = contentType.indexOf(";");
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** Whether a response's media type (an essence, see `mediaTypeOf`) is one the spec documents as `documented`. */
export function mediaTypeMatches(documented: string, actual: string): boolean {
  const d = documented.toLowerCase();
  if (actual === "") return false;
  if (d === actual || d === "*/*") return true;
  return d.endsWith("/*") && actual.startsWith(d.slice(0, -1));
}

/** Reading request headers given as a web `Headers` or as Node's `IncomingHttpHeaders`-style record. */

/** Web `Headers`, or a record like node:http's `request.headers` (names in any case). */
export type HeadersLike = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Every value of header `name` (case-insensitive). A web `Headers` joins repeated headers with
 * ", ", so it yields one value; a Node record may yield several.
 */
export function headerValues(headers: HeadersLike, name: string): string[] {
  const wanted = name.toLowerCase();
  if (typeof (headers as Headers).get === "function" && typeof (headers as Headers).forEach === "function") {
    const value = (headers as Headers).get(wanted);
    return value === null ? [] : [value];
  }
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === "string") values.push(value);
    else values.push(...value);
  }
  return values;
}

/** The header's value when it was sent exactly once, else undefined. */
export function singleHeader(headers: HeadersLike, name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length === 1 ? values[0] : undefined;
}

/** All headers as one record keyed by lower-case name (repeated values joined with ", "). */
export function lowerCaseHeaders(headers: HeadersLike): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof (headers as Headers).get === "function" && typeof (headers as Headers).forEach === "function") {
    (headers as Headers).forEach((value, key) => {
      out[key.toLowerCase()] = value;
    });
    return out;
  }
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (value === undefined) continue;
    const lower = key.toLowerCase();
    const joined = typeof value === "string" ? value : value.join(", ");
    out[lower] = out[lower] === undefined ? joined : `${out[lower]}, ${joined}`;
  }
  return out;
}

/** A body (or a value's JSON) as a conformance report shows it: at most `max` characters, and "(empty body)" for "". */
export function excerpt(text: string, max = 200): string {
  if (text === "") return "(empty body)";
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

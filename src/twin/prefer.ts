/**
 * Prism's `Prefer` header, as the Prism mocks understand it: `code=<status>` picks that status's
 * first named example, `example=<name>` a named example (`code=` optional here: the twin finds
 * the status an example belongs to). Other preferences (`dynamic=…`) are ignored.
 */
export interface Preference {
  code?: number;
  example?: string;
}

export function parsePrefer(header: string | null): Preference | undefined {
  if (!header) return undefined;
  const out: Preference = {};
  for (const part of header.split(/[,;]/)) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
    if (key === "code" && /^\d{3}$/.test(value)) out.code = Number(value);
    else if (key === "code") out.code = Number.NaN;
    else if (key === "example" && value) out.example = value;
  }
  return out.code === undefined && out.example === undefined ? undefined : out;
}

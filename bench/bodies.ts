/** Invalid variants of valid example bodies, for the validation group. Pure. */

/**
 * `value` with its first string (depth first) replaced by a number, which a schema typing that
 * string rejects; a value without strings is replaced by one of the other JSON kind (an array
 * by an object, anything else by an array). The caller keeps only variants its validator rejects.
 */
export function invalidVariant(value: unknown): unknown {
  const copy: unknown = structuredClone(value);
  const replaced = replaceFirstString(copy);
  if (replaced.done) return replaced.value;
  return Array.isArray(value) ? {} : [];
}

function replaceFirstString(node: unknown): { done: boolean; value: unknown } {
  if (typeof node === "string") return { done: true, value: 12345 };
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const r = replaceFirstString(node[i]);
      if (r.done) {
        node[i] = r.value;
        return { done: true, value: node };
      }
    }
  } else if (typeof node === "object" && node !== null) {
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const r = replaceFirstString(record[key]);
      if (r.done) {
        record[key] = r.value;
        return { done: true, value: record };
      }
    }
  }
  return { done: false, value: node };
}

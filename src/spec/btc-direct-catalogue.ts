/**
 * BTC Direct's error catalogue (code → HTTP status, message, solution) read from the named
 * examples of the error responses of a spec, bundled (internal `$ref`s are followed) or
 * dereferenced. Each example must carry exactly one error, keyed by its own code; a code may
 * appear under one HTTP status only. `npm run generate` writes generated/btc-direct-errors.ts
 * from it (and stops on a problem); `diffSpecs` compares two specs' catalogues.
 */
import { isObject, type JsonObject } from "../json.js";
import { escapePointer as escape, followRefs } from "./walk.js";

export interface CatalogueEntry {
  code: string;
  httpStatus: number;
  message: string;
  solution: string;
  /** Name of the spec example that carries it (usable with Prism's `Prefer: example=`). */
  example: string;
}

/** The entries (sorted by code) and what is inconsistent (an empty list when nothing is). */
export interface CatalogueReading {
  entries: CatalogueEntry[];
  problems: string[];
  /** JSON pointer of the example that carries each code. */
  pointers: Map<string, string>;
}

const deref = (spec: JsonObject, node: unknown, pointer: string): { node: unknown; pointer: string } => {
  const found = followRefs(spec, { value: node, pointer });
  return { node: found.value, pointer: found.pointer };
};

export function readBtcDirectCatalogue(spec: JsonObject): CatalogueReading {
  const entries = new Map<string, CatalogueEntry>();
  const problems: string[] = [];
  const pointers = new Map<string, string>();
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const [route, rawItem] of Object.entries(paths)) {
    const { node: item, pointer: itemPointer } = deref(spec, rawItem, `/paths/${escape(route)}`);
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, rawResponse] of Object.entries(operation.responses)) {
        const httpStatus = Number(status);
        const { node: response, pointer: responsePointer } = deref(spec, rawResponse, `${itemPointer}/${escape(method)}/responses/${escape(status)}`);
        if (!(httpStatus >= 400) || !isObject(response) || !isObject(response.content)) continue;
        for (const [mediaType, media] of Object.entries(response.content)) {
          if (!isObject(media) || !isObject(media.examples)) continue;
          for (const [name, rawExample] of Object.entries(media.examples)) {
            const where = `${method.toUpperCase()} ${route} → ${status} example "${name}"`;
            const { node: example, pointer } = deref(spec, rawExample, `${responsePointer}/content/${escape(mediaType)}/examples/${escape(name)}`);
            const errors = isObject(example) && isObject(example.value) ? example.value.errors : undefined;
            if (!isObject(errors) || Object.keys(errors).length !== 1) {
              problems.push(`${where}: must carry exactly one error in value.errors`);
              continue;
            }
            const [key, detail] = Object.entries(errors)[0] as [string, unknown];
            if (!isObject(detail) || detail.code !== key || typeof detail.message !== "string" || typeof detail.solution !== "string") {
              problems.push(`${where}: errors.${key} must be { code: "${key}", message, solution }`);
              continue;
            }
            if (!name.toUpperCase().startsWith(`${key}_`)) {
              problems.push(`${where}: example name must start with "${key.toLowerCase()}_"`);
              continue;
            }
            const previous = entries.get(key);
            if (previous) {
              problems.push(`${where}: ${key} is already catalogued under ${previous.httpStatus} ("${previous.example}")`);
              continue;
            }
            entries.set(key, { code: key, httpStatus, message: detail.message, solution: detail.solution, example: name });
            pointers.set(key, pointer);
          }
        }
      }
    }
  }
  return { entries: [...entries.values()].sort((a, b) => a.code.localeCompare(b.code)), problems, pointers };
}

/** An operation's parameters (path-item level ones included, `$ref`s followed) and their documented examples. */
import type { OpenApiDocument } from "./load.js";
import { escapePointer, resolve, type Operation } from "./walk.js";
import { isObject } from "../json.js";

type Json = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: string;
  value: Json;
  /** JSON pointer of the parameter object after following `$ref`s. */
  pointer: string;
}

/** Parameters of the path item and the operation; the operation's win on the same `in` + `name`. */
export function listParameters(doc: OpenApiDocument, op: Pick<Operation, "pointer" | "value">): Parameter[] {
  const itemPointer = op.pointer.slice(0, op.pointer.lastIndexOf("/"));
  const item = resolve(doc, itemPointer).value;
  const lists: [unknown, string][] = [
    [isObject(item) ? item.parameters : undefined, `${itemPointer}/parameters`],
    [op.value.parameters, `${op.pointer}/parameters`],
  ];
  const byKey = new Map<string, Parameter>();
  for (const [list, pointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((_, i) => {
      const { value: p, pointer: at } = resolve(doc, `${pointer}/${i}`);
      if (isObject(p) && typeof p.name === "string" && typeof p.in === "string") byKey.set(`${p.in}:${p.name}`, { name: p.name, in: p.in, value: p, pointer: at });
    });
  }
  return [...byKey.values()];
}

const ELIDED = /\.\.\.|…/;
const ELIDED_END = /(\.\.\.|…)$/;

/**
 * The parameter's first usable documented example: named examples in order, `example`, then its
 * schema's examples. A value elided with `...` or `…` is skipped; when every one is, the visible
 * part of the first ending in one.
 */
export function parameterExample(doc: OpenApiDocument, param: Parameter): string | undefined {
  const p = param.value;
  const schema = isObject(p.schema) ? resolve(doc, `${param.pointer}/schema`).value : undefined;
  const s = isObject(schema) ? schema : {};
  const named = isObject(p.examples) ? Object.keys(p.examples).map((name) => resolve(doc, `${param.pointer}/examples/${escapePointer(name)}`).value) : [];
  const candidates: unknown[] = [...named.map((n) => (isObject(n) ? n.value : undefined)), p.example, Array.isArray(s.examples) ? s.examples[0] : undefined, s.example];
  // A value elided as in a provider's docs (`ver_01j9...`) is not one a request can send: a whole
  // example first, else the visible part of an elided one (`ver_01j9`, still of the id's shape).
  const usable = (c: unknown): c is string | number | boolean => (typeof c === "string" && !ELIDED.test(c)) || typeof c === "number" || typeof c === "boolean";
  const found = candidates.find(usable);
  if (found !== undefined) return String(found);
  const visible = candidates.flatMap((c) => (typeof c === "string" && ELIDED_END.test(c) ? [c.replace(ELIDED_END, "")] : [])).find((c) => c !== "" && !ELIDED.test(c));
  return visible;
}

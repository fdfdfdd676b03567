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

/** The parameter's first documented example: named example, `example`, then its schema's examples. */
export function parameterExample(doc: OpenApiDocument, param: Parameter): string | undefined {
  const p = param.value;
  const schema = isObject(p.schema) ? resolve(doc, `${param.pointer}/schema`).value : undefined;
  const s = isObject(schema) ? schema : {};
  const firstExample = isObject(p.examples) ? Object.keys(p.examples)[0] : undefined;
  const named = firstExample === undefined ? undefined : resolve(doc, `${param.pointer}/examples/${escapePointer(firstExample)}`).value;
  const candidates: unknown[] = [isObject(named) ? named.value : undefined, p.example, Array.isArray(s.examples) ? s.examples[0] : undefined, s.example];
  const found = candidates.find((c) => typeof c === "string" || typeof c === "number" || typeof c === "boolean");
  return found === undefined ? undefined : String(found);
}

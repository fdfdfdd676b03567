/**
 * The operations of a bundled document as the diff names them (`GET /api/kyc/status/{verificationId}`,
 * `webhook verification.completed`), and the responses whose content reaches a node: what the KYC
 * domain rules (domain.ts) name as the place of a change made in a shared component.
 */
import { isObject, type JsonObject } from "../json.js";
import { escapePointer } from "../spec/walk.js";
import { child, deref, type Located } from "./schema-diff.js";

const METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"] as const;

export interface OperationRef {
  method: string;
  path: string;
  at: Located;
  itemAt: Located;
}

/** `GET /path` for a path operation: how every rule's `where` starts. */
export const operationName = (op: Pick<OperationRef, "method" | "path">): string => `${op.method.toUpperCase()} ${op.path}`;

/** Operations keyed by method and path template (parameter names ignored: renaming `{id}` is no change of the wire). */
export function operations(doc: JsonObject, key: "paths" | "webhooks"): Map<string, OperationRef> {
  const out = new Map<string, OperationRef>();
  const items = isObject(doc[key]) ? doc[key] : {};
  for (const path of Object.keys(items)) {
    const itemAt = deref(doc, { node: items[path], pointer: `/${key}/${escapePointer(path)}` });
    if (!isObject(itemAt.node)) continue;
    for (const method of METHODS) {
      if (!isObject(itemAt.node[method])) continue;
      const id = key === "paths" ? `${method} ${path.replace(/\{[^}]*\}/g, "{}")}` : `${method} ${path}`;
      out.set(id, { method, path, at: child(itemAt, method), itemAt });
    }
  }
  return out;
}

/** A response of a path operation and what it reaches. */
export interface ReachingResponse {
  /** `GET /path 200`: the `where` the response rules give a change in it. */
  where: string;
  /** The pointers of the response and of every node its `$ref`s lead to: a node under one of them is part of the response. */
  roots: ReadonlySet<string>;
}

/** The response and every node its `$ref`s (transitively) lead to. */
function reachedRoots(doc: JsonObject, start: Located): Set<string> {
  const roots = new Set([start.pointer]);
  const visit = (at: Located, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(at.node)) at.node.forEach((_, i) => visit(child(at, i), depth + 1));
    if (!isObject(at.node)) return;
    if (typeof at.node.$ref === "string") {
      const target = deref(doc, at);
      if (target.node === undefined || roots.has(target.pointer)) return;
      roots.add(target.pointer);
      visit(target, depth + 1);
      return;
    }
    for (const key of Object.keys(at.node)) visit(child(at, key), depth + 1);
  };
  visit(start, 0);
  return roots;
}

/** Every response of every path operation, in document order, with what it reaches. */
export function reachingResponses(doc: JsonObject): ReachingResponse[] {
  const out: ReachingResponse[] = [];
  for (const op of operations(doc, "paths").values()) {
    const responses = child(op.at, "responses");
    if (!isObject(responses.node)) continue;
    for (const status of Object.keys(responses.node)) out.push({ where: `${operationName(op)} ${status}`, roots: reachedRoots(doc, child(responses, status)) });
  }
  return out;
}

/** The responses (`GET /path 200`) whose content holds the node at `pointer`, directly or through `$ref`s. */
export const responsesReaching = (responses: readonly ReachingResponse[], pointer: string): string[] =>
  responses.filter((r) => [...r.roots].some((root) => pointer === root || pointer.startsWith(`${root}/`))).map((r) => r.where);

/**
 * Compares two JSON Schemas (OpenAPI 3.1) after `$ref` resolution, in one direction: the
 * consumer reads the value (responses, webhook payloads) or sends it (requests). `allOf` is
 * merged before comparing and `oneOf`/`anyOf` branches are paired by content, so moving,
 * extracting or inlining a `$ref` is no change. Recursive schemas stop at a pair already seen.
 */
import { isObject, jsonEqual, type JsonObject } from "../json.js";
import { escapePointer, followRefs } from "../spec/walk.js";
import type { TemplateKey } from "./rules.js";

/** A node of one of the two documents and its JSON pointer (after following `$ref`s). */
export interface Located {
  node: unknown;
  pointer: string;
}

/** Where the two documents are and how to report a change; implemented by the differ. */
export interface SchemaDiffContext {
  readonly oldDoc: JsonObject;
  readonly newDoc: JsonObject;
  /** Reports a template rule for the current direction; `pointer` is in the new document (old for removals). */
  emit(key: TemplateKey, where: string, pointer: string, message: string, value?: unknown): void;
  /** Pairs already compared (old pointer + new pointer): the cycle guard. */
  readonly seen: Set<string>;
}

/** Follows `$ref` chains (internal only; see `followRefs`). */
export function deref(doc: JsonObject, at: Located): Located {
  const found = followRefs(doc, { value: at.node, pointer: at.pointer });
  return { node: found.value, pointer: found.pointer };
}

export const child = (at: Located, ...tokens: (string | number)[]): Located => {
  let node = at.node;
  let pointer = at.pointer;
  for (const token of tokens) {
    node = Array.isArray(node) ? (node as unknown[])[Number(token)] : isObject(node) ? node[String(token)] : undefined;
    pointer = `${pointer}/${escapePointer(String(token))}`;
  }
  return { node, pointer };
};

/** A schema with `allOf` merged: its own keywords, properties (several schemas when members repeat one) and required names. */
interface Flat {
  pointer: string;
  keywords: JsonObject;
  properties: Map<string, Located[]>;
  required: Set<string>;
  branches: Located[] | undefined;
}

const STRUCTURAL = new Set(["allOf", "properties", "required", "oneOf", "anyOf", "$ref"]);

function flatten(doc: JsonObject, at: Located, depth = 0): Flat {
  const { node, pointer } = deref(doc, at);
  const flat: Flat = { pointer, keywords: {}, properties: new Map(), required: new Set(), branches: undefined };
  if (!isObject(node)) return flat;
  mergeInto(flat, doc, { node, pointer }, depth);
  return flat;
}

function mergeInto(flat: Flat, doc: JsonObject, at: Located, depth: number): void {
  const node = at.node as JsonObject;
  for (const [key, value] of Object.entries(node)) {
    if (!STRUCTURAL.has(key) && !(key in flat.keywords)) flat.keywords[key] = value;
  }
  if (isObject(node.properties)) {
    for (const name of Object.keys(node.properties)) {
      const list = flat.properties.get(name) ?? [];
      list.push(child(at, "properties", name));
      flat.properties.set(name, list);
    }
  }
  if (Array.isArray(node.required)) for (const name of node.required) if (typeof name === "string") flat.required.add(name);
  const branches = Array.isArray(node.oneOf) ? "oneOf" : Array.isArray(node.anyOf) ? "anyOf" : undefined;
  if (branches && flat.branches === undefined) flat.branches = (node[branches] as unknown[]).map((_, i) => child(at, branches, i));
  if (Array.isArray(node.allOf) && depth < 32) {
    node.allOf.forEach((_, i) => {
      const member = deref(doc, child(at, "allOf", i));
      if (isObject(member.node)) mergeInto(flat, doc, member, depth + 1);
    });
  }
}

/** One property's schema: itself, or the `allOf` of the members that each declared it. */
function propertySchema(list: readonly Located[]): Located {
  if (list.length === 1) return list[0] as Located;
  return { node: { allOf: list.map((l) => l.node) }, pointer: (list[0] as Located).pointer };
}

type TypeSet = Set<string> | undefined;
const typesOf = (k: JsonObject): TypeSet => (typeof k.type === "string" ? new Set([k.type]) : Array.isArray(k.type) ? new Set(k.type.filter((t): t is string => typeof t === "string")) : undefined);
const admits = (types: Set<string>, t: string): boolean => types.has(t) || (t === "integer" && types.has("number"));

const TEXT = ["description", "title", "summary"];
const EXAMPLES = ["example", "examples"];
const HANDLED = new Set([
  ...TEXT,
  ...EXAMPLES,
  "type",
  "enum",
  "const",
  "pattern",
  "format",
  "additionalProperties",
  "items",
  "x-lifecycle",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
]);
const LOWER_BOUNDS = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];
const UPPER_BOUNDS = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];

const show = (v: unknown): string => JSON.stringify(v);

/** Compares the schema at `oldAt` (old document) with the one at `newAt` (new document). */
export function compareSchemas(ctx: SchemaDiffContext, where: string, oldAt: Located, newAt: Located): void {
  const o = flatten(ctx.oldDoc, oldAt);
  const n = flatten(ctx.newDoc, newAt);
  const pairKey = `${o.pointer}|${n.pointer}`;
  if (ctx.seen.has(pairKey)) return;
  ctx.seen.add(pairKey);
  const ok = o.keywords;
  const nk = n.keywords;
  const at = n.pointer;

  for (const key of TEXT) if (!jsonEqual(ok[key], nk[key])) ctx.emit("description-changed", where, `${at}/${key}`, `The schema's ${key} changed.`, nk[key]);
  for (const key of EXAMPLES) if (!jsonEqual(ok[key], nk[key])) ctx.emit("example-changed", where, `${at}/${key}`, `The schema's ${key} changed.`, nk[key]);

  compareTypes(ctx, where, at, typesOf(ok), typesOf(nk));
  compareEnums(ctx, where, at, ok, nk);
  compareConst(ctx, where, at, ok, nk);
  compareStringKeyword(ctx, where, at, ok, nk, "pattern");
  compareStringKeyword(ctx, where, at, ok, nk, "format");
  compareBounds(ctx, where, at, ok, nk);
  compareProperties(ctx, where, o, n);
  compareAdditional(ctx, where, o, n);
  compareBranches(ctx, where, o, n);
  if (ok.items !== undefined || nk.items !== undefined) {
    const oldItems = ok.items === undefined ? { node: {}, pointer: `${o.pointer}/items` } : { node: ok.items, pointer: `${itemOwner(ctx.oldDoc, oldAt, o)}/items` };
    const newItems = nk.items === undefined ? { node: {}, pointer: `${n.pointer}/items` } : { node: nk.items, pointer: `${itemOwner(ctx.newDoc, newAt, n)}/items` };
    compareSchemas(ctx, where, oldItems, newItems);
  }

  const keys = new Set([...Object.keys(ok), ...Object.keys(nk)]);
  for (const key of keys) {
    if (HANDLED.has(key) || jsonEqual(ok[key], nk[key])) continue;
    if (key.startsWith("x-")) ctx.emit("extension-changed", where, `${at}/${escapePointer(key)}`, `Extension ${key} changed.`, nk[key]);
    else ctx.emit("keyword-changed", where, `${at}/${escapePointer(key)}`, `Keyword ${key} changed from ${show(ok[key])} to ${show(nk[key])}.`, nk[key]);
  }
}

/** The pointer of the (possibly `allOf` member) schema that declares `items`, for precise pointers. */
function itemOwner(doc: JsonObject, at: Located, flat: Flat): string {
  const own = deref(doc, at);
  if (isObject(own.node) && own.node.items !== undefined) return own.pointer;
  return flat.pointer;
}

function compareTypes(ctx: SchemaDiffContext, where: string, at: string, o: TypeSet, n: TypeSet): void {
  if (o === undefined && n === undefined) return;
  if (o === undefined) return ctx.emit("type-narrowed", where, `${at}/type`, `A type was set: ${[...(n ?? [])].join(", ")} (any type before).`, [...(n ?? [])]);
  if (n === undefined) return ctx.emit("type-widened", where, at, `The type (${[...o].join(", ")}) was removed: any type is allowed.`);
  const added = [...n].filter((t) => !admits(o, t));
  const removed = [...o].filter((t) => !admits(n, t));
  if (added.length > 0) ctx.emit("type-widened", where, `${at}/type`, `Type widened: ${added.join(", ")} now allowed (was ${[...o].join(", ")}).`, added);
  if (removed.length > 0) ctx.emit("type-narrowed", where, `${at}/type`, `Type narrowed: ${removed.join(", ")} no longer allowed (now ${[...n].join(", ")}).`, removed);
}

function compareEnums(ctx: SchemaDiffContext, where: string, at: string, ok: JsonObject, nk: JsonObject): void {
  const o = Array.isArray(ok.enum) ? ok.enum : undefined;
  const n = Array.isArray(nk.enum) ? nk.enum : undefined;
  if (!o && !n) return;
  if (!n) return ctx.emit("enum-removed", where, at, `The enum (${(o ?? []).map(show).join(", ")}) was removed: any value is allowed.`);
  if (!o) return ctx.emit("enum-added", where, `${at}/enum`, `An enum was added: ${n.map(show).join(", ")}.`, n);
  for (const v of n) if (!o.some((x) => jsonEqual(x, v))) ctx.emit("enum-value-added", where, `${at}/enum`, `Enum value ${show(v)} added.`, v);
  for (const v of o) if (!n.some((x) => jsonEqual(x, v))) ctx.emit("enum-value-removed", where, `${at}/enum`, `Enum value ${show(v)} removed.`, v);
}

function compareConst(ctx: SchemaDiffContext, where: string, at: string, ok: JsonObject, nk: JsonObject): void {
  const hasOld = Object.hasOwn(ok, "const");
  const hasNew = Object.hasOwn(nk, "const");
  if (hasOld && !hasNew) ctx.emit("const-removed", where, at, `const ${show(ok.const)} removed: other values are allowed.`, ok.const);
  else if (!hasOld && hasNew) ctx.emit("const-added", where, `${at}/const`, `const ${show(nk.const)} added.`, nk.const);
  else if (hasOld && hasNew && !jsonEqual(ok.const, nk.const)) ctx.emit("const-changed", where, `${at}/const`, `const changed from ${show(ok.const)} to ${show(nk.const)}.`, nk.const);
}

function compareStringKeyword(ctx: SchemaDiffContext, where: string, at: string, ok: JsonObject, nk: JsonObject, key: "pattern" | "format"): void {
  const o = ok[key];
  const n = nk[key];
  if (jsonEqual(o, n)) return;
  if (n === undefined) ctx.emit(`${key}-removed`, where, at, `${key} ${show(o)} removed.`, o);
  else if (o === undefined) ctx.emit(`${key}-added`, where, `${at}/${key}`, `${key} ${show(n)} added.`, n);
  else ctx.emit(`${key}-changed`, where, `${at}/${key}`, `${key} changed from ${show(o)} to ${show(n)}.`, n);
}

function compareBounds(ctx: SchemaDiffContext, where: string, at: string, ok: JsonObject, nk: JsonObject): void {
  const check = (key: string, lower: boolean): void => {
    const o = typeof ok[key] === "number" ? (ok[key]) : undefined;
    const n = typeof nk[key] === "number" ? (nk[key]) : undefined;
    if (o === n) return;
    const looser = n === undefined || (o !== undefined && (lower ? n < o : n > o));
    const text = `${key} ${o === undefined ? "added" : n === undefined ? "removed" : "changed"}: ${show(o ?? "none")} → ${show(n ?? "none")}.`;
    ctx.emit(looser ? "bound-loosened" : "bound-tightened", where, n === undefined ? at : `${at}/${key}`, text, [key, n ?? null]);
  };
  for (const key of LOWER_BOUNDS) check(key, true);
  for (const key of UPPER_BOUNDS) check(key, false);
}

function compareProperties(ctx: SchemaDiffContext, where: string, o: Flat, n: Flat): void {
  for (const [name, list] of n.properties) {
    const newAt = propertySchema(list);
    const oldList = o.properties.get(name);
    if (!oldList) {
      if (n.required.has(name)) ctx.emit("property-added-required", where, newAt.pointer, `Required property "${name}" added.`, name);
      else ctx.emit("property-added-optional", where, newAt.pointer, `Optional property "${name}" added.`, name);
      continue;
    }
    const oldAt = propertySchema(oldList);
    if (o.required.has(name) && !n.required.has(name)) ctx.emit("property-became-optional", where, newAt.pointer, `Property "${name}" is no longer required.`, name);
    if (!o.required.has(name) && n.required.has(name)) ctx.emit("property-became-required", where, newAt.pointer, `Property "${name}" is now required.`, name);
    compareSchemas(ctx, `${where}`, oldAt, newAt);
  }
  for (const [name, list] of o.properties) {
    if (n.properties.has(name)) continue;
    if (o.required.has(name)) ctx.emit("property-removed", where, propertySchema(list).pointer, `Required property "${name}" removed.`, name);
    else ctx.emit("optional-property-removed", where, propertySchema(list).pointer, `Optional property "${name}" removed.`, name);
  }
}

function compareAdditional(ctx: SchemaDiffContext, where: string, o: Flat, n: Flat): void {
  const oa = o.keywords.additionalProperties;
  const na = n.keywords.additionalProperties;
  if (oa === false && na !== false) ctx.emit("additional-properties-opened", where, n.pointer, "additionalProperties: false lifted.");
  else if (oa !== false && na === false) ctx.emit("additional-properties-closed", where, `${n.pointer}/additionalProperties`, "additionalProperties: false added.");
  else if (isObject(oa) && isObject(na)) compareSchemas(ctx, where, { node: oa, pointer: `${o.pointer}/additionalProperties` }, { node: na, pointer: `${n.pointer}/additionalProperties` });
}

/** A branch's identity independent of `$ref` layout: its properties fixed by `const` (or a one-value `enum`). */
function branchKey(doc: JsonObject, at: Located): string | undefined {
  const flat = flatten(doc, at);
  const parts: string[] = [];
  for (const [name, list] of flat.properties) {
    for (const l of list) {
      const { node } = deref(doc, l);
      if (!isObject(node)) continue;
      if (Object.hasOwn(node, "const")) parts.push(`${name}=${show(node.const)}`);
      else if (Array.isArray(node.enum) && node.enum.length === 1) parts.push(`${name}=${show(node.enum[0])}`);
    }
  }
  if (parts.length === 0) return undefined;
  return parts.sort().join("&");
}

function compareBranches(ctx: SchemaDiffContext, where: string, o: Flat, n: Flat): void {
  if (!o.branches && !n.branches) return;
  // One side has branches, the other not: every branch is compared with the plain schema.
  if (!o.branches) {
    for (const b of n.branches ?? []) compareSchemas(ctx, where, { node: withoutStructure(o), pointer: o.pointer }, b);
    return;
  }
  if (!n.branches) {
    for (const b of o.branches) compareSchemas(ctx, where, b, { node: withoutStructure(n), pointer: n.pointer });
    return;
  }
  const ob = o.branches;
  const nb = n.branches;
  const oldKeys = ob.map((b) => branchKey(ctx.oldDoc, b));
  const newKeys = nb.map((b) => branchKey(ctx.newDoc, b));
  const oldLeft = new Set(ob.keys());
  const pairs: [number, number][] = [];
  const newLeft: number[] = [];
  newKeys.forEach((key, j) => {
    const i = key === undefined ? -1 : oldKeys.findIndex((k, i2) => k === key && oldLeft.has(i2));
    if (i >= 0) {
      pairs.push([i, j]);
      oldLeft.delete(i);
    } else newLeft.push(j);
  });
  // Branches without a const key: exact content matches first, then the remaining ones in order.
  for (const j of [...newLeft]) {
    const i = [...oldLeft].find((i2) => oldKeys[i2] === undefined && newKeys[j] === undefined && jsonEqual(resolvedDeep(ctx.oldDoc, ob[i2]), resolvedDeep(ctx.newDoc, nb[j])));
    if (i !== undefined) {
      pairs.push([i, j]);
      oldLeft.delete(i);
      newLeft.splice(newLeft.indexOf(j), 1);
    }
  }
  const oldKeyless = [...oldLeft].filter((i) => oldKeys[i] === undefined);
  const newKeyless = newLeft.filter((j) => newKeys[j] === undefined);
  if (oldKeyless.length === newKeyless.length) {
    oldKeyless.forEach((i, k) => {
      const j = newKeyless[k] as number;
      pairs.push([i, j]);
      oldLeft.delete(i);
      newLeft.splice(newLeft.indexOf(j), 1);
    });
  }
  for (const [i, j] of pairs) compareSchemas(ctx, where, ob[i] as Located, nb[j] as Located);
  for (const j of newLeft) {
    const b = nb[j] as Located;
    ctx.emit("branch-added", where, deref(ctx.newDoc, b).pointer, `A branch was added${newKeys[j] ? ` (${newKeys[j]})` : ""}.`, newKeys[j] ?? resolvedDeep(ctx.newDoc, b));
  }
  for (const i of oldLeft) {
    const b = ob[i] as Located;
    ctx.emit("branch-removed", where, deref(ctx.oldDoc, b).pointer, `A branch was removed${oldKeys[i] ? ` (${oldKeys[i]})` : ""}.`, oldKeys[i] ?? resolvedDeep(ctx.oldDoc, b));
  }
}

/** The flat schema without its branches (to compare it with each branch of the other side). */
function withoutStructure(flat: Flat): JsonObject {
  const properties: JsonObject = {};
  for (const [name, list] of flat.properties) properties[name] = propertySchema(list).node;
  return { ...flat.keywords, ...(flat.properties.size > 0 ? { properties } : {}), ...(flat.required.size > 0 ? { required: [...flat.required] } : {}) };
}

/** A node with every `$ref` replaced by its target (a recursive `$ref` is kept as it is): to compare content regardless of layout. */
export function resolvedDeep(doc: JsonObject, at: Located | undefined, expanding: ReadonlySet<string> = new Set()): unknown {
  if (!at) return undefined;
  const node = at.node;
  if (isObject(node) && typeof node.$ref === "string") {
    if (expanding.has(node.$ref)) return node;
    const target = deref(doc, { node: { $ref: node.$ref }, pointer: at.pointer });
    const { $ref: ref, ...siblings } = node;
    const value = resolvedDeep(doc, target, new Set([...expanding, ref]));
    return Object.keys(siblings).length > 0 && isObject(value) ? { ...value, ...(resolvedDeep(doc, { node: siblings, pointer: at.pointer }, expanding) as JsonObject) } : value;
  }
  if (Array.isArray(node)) return node.map((_, i) => resolvedDeep(doc, child(at, i), expanding));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const key of Object.keys(node)) out[key] = resolvedDeep(doc, child(at, key), expanding);
  return out;
}

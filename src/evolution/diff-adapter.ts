/**
 * TEMPORARY ADAPTER — replaced by src/evolution/diff.ts (the `diff` branch) when it is merged.
 * The agreed `diffSpecs` interface with only the rules `suggest` needs to classify its own
 * edits (enum values, properties, required, patterns, statuses and headers, by direction), so
 * the suggest command runs and is tested before the real classifier lands. Do not grow it.
 */
import { isObject } from "../json.js";
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";

export type ChangeLevel = "breaking" | "warning" | "info";
export type ChangeDirection = "request" | "response" | "webhook";
export type VersionBump = "major" | "minor" | "patch" | "none";
export interface SpecChange {
  id: string;
  level: ChangeLevel;
  direction: ChangeDirection;
  where: string;
  pointer: string;
  message: string;
  fingerprint: string;
}
export interface ProviderDiff {
  provider: ProviderSlug;
  oldVersion: string;
  newVersion: string;
  recommendedBump: VersionBump;
  versionOk: boolean;
  changes: SpecChange[];
}

const esc = (t: string): string => t.replace(/~/g, "~0").replace(/\//g, "~1");
const obj = (v: unknown): Record<string, unknown> => (isObject(v) ? v : {});

export function diffSpecs(oldDoc: OpenApiDocument, newDoc: OpenApiDocument, options: { provider: ProviderSlug }): ProviderDiff {
  const changes: SpecChange[] = [];
  const add = (id: string, level: ChangeLevel, direction: ChangeDirection, where: string, pointer: string, message: string): void => {
    changes.push({ id, level, direction, where, pointer, message, fingerprint: `${id}:${pointer}` });
  };
  const deref = (doc: OpenApiDocument, v: unknown, depth = 0): Record<string, unknown> => {
    const o = obj(v);
    if (typeof o.$ref !== "string" || !o.$ref.startsWith("#/") || depth > 32) return o;
    let node: unknown = doc;
    for (const t of o.$ref.slice(2).split("/")) node = obj(node)[t.replace(/~1/g, "/").replace(/~0/g, "~")];
    return deref(doc, node, depth + 1);
  };
  const schema = (o: unknown, n: unknown, direction: ChangeDirection, where: string, pointer: string, depth = 0): void => {
    if (depth > 32) return;
    const a = deref(oldDoc, o);
    const b = deref(newDoc, n);
    const oldEnum = Array.isArray(a.enum) ? a.enum : undefined;
    if (oldEnum && Array.isArray(b.enum)) {
      for (const v of b.enum.filter((x) => !oldEnum.includes(x))) add("enum-value-added", direction === "request" ? "info" : "breaking", direction, where, `${pointer}/enum`, `New enum value ${JSON.stringify(v)}.`);
    }
    if (a.pattern !== b.pattern && (a.pattern !== undefined || b.pattern !== undefined)) add("pattern-changed", "warning", direction, where, `${pointer}/pattern`, `Pattern ${JSON.stringify(a.pattern)} → ${JSON.stringify(b.pattern)}.`);
    const oldRequired = Array.isArray(a.required) ? a.required : [];
    for (const r of (Array.isArray(b.required) ? b.required : []).filter((x) => !oldRequired.includes(x))) add("property-required", direction === "request" ? "breaking" : "info", direction, where, `${pointer}/required`, `Property ${JSON.stringify(r)} is now required.`);
    const oldProps = obj(a.properties);
    for (const [key, value] of Object.entries(obj(b.properties))) {
      if (key in oldProps) schema(oldProps[key], value, direction, where, `${pointer}/properties/${esc(key)}`, depth + 1);
      else add("property-added", "info", direction, where, `${pointer}/properties/${esc(key)}`, `New property ${JSON.stringify(key)}.`);
    }
    if (a.items !== undefined || b.items !== undefined) schema(a.items, b.items, direction, where, `${pointer}/items`, depth + 1);
    for (const k of ["allOf", "oneOf", "anyOf"]) {
      const list = Array.isArray(b[k]) ? (b[k] as unknown[]) : [];
      list.forEach((branch, i) => schema(Array.isArray(a[k]) ? (a[k] as unknown[])[i] : undefined, branch, direction, where, `${pointer}/${k}/${i}`, depth + 1));
    }
  };
  for (const [path, newItem] of Object.entries(newDoc.paths)) {
    const oldItem = obj(oldDoc.paths[path]);
    for (const [method, newOp] of Object.entries(obj(newItem))) {
      const where = `${method.toUpperCase()} ${path}`;
      const base = `/paths/${esc(path)}/${method}`;
      const oldOp = obj(oldItem[method]);
      const oldResponsesRaw = obj(oldOp.responses);
      const oldParams = Array.isArray(oldOp.parameters) ? oldOp.parameters : [];
      (Array.isArray(obj(newOp).parameters) ? (obj(newOp).parameters as unknown[]) : []).forEach((p, i) => schema(deref(oldDoc, oldParams[i]).schema, deref(newDoc, p).schema, "request", where, `${base}/parameters/${i}/schema`));
      const oldResponses = Object.fromEntries(Object.entries(oldResponsesRaw).map(([k, v]) => [k, deref(oldDoc, v)]));
      for (const [status, newRaw] of Object.entries(obj(obj(newOp).responses))) {
        const newResponse = deref(newDoc, newRaw);
        const pointer = `${base}/responses/${status}`;
        if (!(status in oldResponses)) {
          add("response-status-added", "breaking", "response", `${where} ${status}`, pointer, `New response status ${status}.`);
          continue;
        }
        const oldHeaders = obj(obj(oldResponses[status]).headers);
        for (const h of Object.keys(obj(obj(newResponse).headers)).filter((x) => !(x in oldHeaders))) add("response-header-added", "info", "response", `${where} ${status}`, `${pointer}/headers/${esc(h)}`, `New response header ${h}.`);
        const oldContent = obj(obj(oldResponses[status]).content);
        for (const [type, media] of Object.entries(obj(obj(newResponse).content))) schema(obj(oldContent[type]).schema, obj(media).schema, "response", `${where} ${status}`, `${pointer}/content/${esc(type)}/schema`);
      }
    }
  }
  const recommendedBump: VersionBump = changes.some((c) => c.level === "breaking") ? "major" : changes.length > 0 ? "minor" : "none";
  return { provider: options.provider, oldVersion: oldDoc.info.version, newVersion: newDoc.info.version, recommendedBump, versionOk: recommendedBump === "none", changes };
}

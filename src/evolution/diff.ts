/**
 * The domain-aware diff of two bundled specs of one provider: every change named by a rule of
 * the registry (rules.ts), judged by direction (what the consumer reads vs what it sends), plus
 * the KYC domain (status values and their normalized state, `x-lifecycle` transitions, the BTC
 * Direct error catalogue), and the version bump the changes ask for.
 */
import { createHash } from "node:crypto";
import { isObject, jsonEqual, type JsonObject } from "../json.js";
import type { OpenApiDocument } from "../spec/load.js";
import { escapePointer } from "../spec/walk.js";
import type { ProviderSlug } from "../providers.js";
import { statusTable } from "../status.js";
import { bumpRank, levelRank, ruleOf, type ChangeDirection, type ChangeLevel, type TemplateKey, type VersionBump } from "./rules.js";
import { child, compareSchemas, deref, resolvedDeep, type Located, type SchemaDiffContext } from "./schema-diff.js";
import { compareDomain } from "./domain.js";
import { operationName, operations, type OperationRef } from "./operations.js";

export type { ChangeDirection, ChangeLevel, VersionBump } from "./rules.js";

export interface SpecChange {
  /** Stable rule id (rules.ts), e.g. `response-enum-value-added`. */
  id: string;
  level: ChangeLevel;
  direction: ChangeDirection;
  /** `GET /api/kyc/status/{verificationId} 200`, `webhook verification.completed`, `servers`, … */
  where: string;
  /** JSON pointer into the new bundled document (into the old one for removals). */
  pointer: string;
  message: string;
  /** Stable across runs: a hash of id, where, pointer and the value concerned. */
  fingerprint: string;
}

export interface ProviderDiff {
  provider: ProviderSlug;
  oldVersion: string;
  newVersion: string;
  recommendedBump: VersionBump;
  /** The new `info.version` is at least the recommended bump above the old one. */
  versionOk: boolean;
  changes: SpecChange[];
}

export interface DiffReport {
  providers: ProviderDiff[];
  counts: { breaking: number; warning: number; info: number };
}

/** What the walkers report through: a rule id (template keys are prefixed with the direction). */
export interface ChangeSink {
  add(id: string, where: string, pointer: string, message: string, value?: unknown): void;
}

/** Compares two bundled documents of one provider. */
export function diffSpecs(oldDoc: OpenApiDocument, newDoc: OpenApiDocument, options: { provider: ProviderSlug }): ProviderDiff {
  const changes: SpecChange[] = [];
  const fingerprints = new Set<string>();
  const sink: ChangeSink = {
    add(id, where, pointer, message, value) {
      const rule = ruleOf(id);
      const fingerprint = createHash("sha256")
        .update(JSON.stringify([id, where, pointer, value ?? null]))
        .digest("hex")
        .slice(0, 16);
      if (fingerprints.has(fingerprint)) return;
      fingerprints.add(fingerprint);
      changes.push({ id, level: rule.level, direction: rule.direction, where, pointer, message, fingerprint });
    },
  };
  const o = oldDoc as JsonObject;
  const n = newDoc as JsonObject;
  compareDocumentText(sink, o, n);
  compareServers(sink, o, n);
  comparePaths(sink, o, n);
  compareWebhooks(sink, o, n);
  compareDomain(sink, o, n, options.provider, statusTable[options.provider]);
  changes.sort((a, b) => levelRank[b.level] - levelRank[a.level]);
  const recommendedBump = recommendBump(changes);
  const oldVersion = String(oldDoc.info.version);
  const newVersion = String(newDoc.info.version);
  return { provider: options.provider, oldVersion, newVersion, recommendedBump, versionOk: versionSatisfies(oldVersion, newVersion, recommendedBump), changes };
}

/** Sums a set of provider diffs into one report. */
export function summarizeDiffs(diffs: readonly ProviderDiff[]): DiffReport {
  const counts = { breaking: 0, warning: 0, info: 0 };
  for (const d of diffs) for (const c of d.changes) counts[c.level]++;
  return { providers: [...diffs], counts };
}

/** The highest bump the changes ask for. */
export function recommendBump(changes: readonly Pick<SpecChange, "id">[]): VersionBump {
  let bump: VersionBump = "none";
  for (const c of changes) {
    const b = ruleOf(c.id).bump;
    if (bumpRank[b] > bumpRank[bump]) bump = b;
  }
  return bump;
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.+-]*)?$/;

export const isSemver = (version: string): boolean => SEMVER.test(version);

/** The bump from one semver to another; undefined when either is not semver or the new one is lower. */
export function bumpBetween(oldVersion: string, newVersion: string): VersionBump | undefined {
  const a = SEMVER.exec(oldVersion);
  const b = SEMVER.exec(newVersion);
  if (!a || !b) return undefined;
  for (const [i, bump] of [[1, "major"], [2, "minor"], [3, "patch"]] as const) {
    const x = Number(a[i]);
    const y = Number(b[i]);
    if (y > x) return bump;
    if (y < x) return undefined;
  }
  return "none";
}

/** The smallest version after `version` that is a `bump` (undefined when the version is not semver): `1.2.3` + minor → `1.3.0`. */
export function nextVersion(version: string, bump: VersionBump): string | undefined {
  const m = SEMVER.exec(version);
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  if (bump === "patch") return `${major}.${minor}.${patch + 1}`;
  return version;
}

/** The new version is at least `required` above the old one (a major bump always is; equal only when nothing changed). */
export function versionSatisfies(oldVersion: string, newVersion: string, required: VersionBump): boolean {
  const actual = bumpBetween(oldVersion, newVersion);
  return actual !== undefined && bumpRank[actual] >= bumpRank[required];
}

function templateEmitter(sink: ChangeSink, direction: ChangeDirection): (key: TemplateKey, where: string, pointer: string, message: string, value?: unknown) => void {
  return (key, where, pointer, message, value) => sink.add(`${direction}-${key}`, where, pointer, message, value);
}

/** Compares one schema pair in a direction, with its own cycle guard. */
function schemas(sink: ChangeSink, direction: ChangeDirection, o: JsonObject, n: JsonObject, where: string, oldAt: Located, newAt: Located): void {
  const ctx: SchemaDiffContext = { oldDoc: o, newDoc: n, emit: templateEmitter(sink, direction), seen: new Set() };
  compareSchemas(ctx, where, oldAt, newAt);
}

function compareDocumentText(sink: ChangeSink, o: JsonObject, n: JsonObject): void {
  const oi = isObject(o.info) ? o.info : {};
  const ni = isObject(n.info) ? n.info : {};
  for (const key of new Set([...Object.keys(oi), ...Object.keys(ni)])) {
    if (key === "version" || jsonEqual(oi[key], ni[key])) continue;
    sink.add("document-text-changed", "info", `/info/${escapePointer(key)}`, `info.${key} changed.`, ni[key]);
  }
  for (const key of new Set([...Object.keys(o), ...Object.keys(n)])) {
    if ((key === "tags" || key === "externalDocs" || key.startsWith("x-")) && !jsonEqual(o[key], n[key])) {
      sink.add("document-text-changed", key, `/${escapePointer(key)}`, `The document's ${key} changed.`, n[key]);
    }
  }
}

interface Server {
  /** The URL with its variables' defaults and enums: what a consumer connects to. */
  identity: string;
  url: string;
  node: JsonObject;
  index: number;
}

function serverList(doc: JsonObject): Server[] {
  return (Array.isArray(doc.servers) ? doc.servers : []).flatMap((s, index) => {
    if (!isObject(s) || typeof s.url !== "string") return [];
    const variables = isObject(s.variables) ? s.variables : {};
    const vars = Object.keys(variables)
      .sort()
      .map((k) => {
        const v = isObject(variables[k]) ? variables[k] : {};
        return `${k}=${JSON.stringify(v.default)}${Array.isArray(v.enum) ? JSON.stringify((v.enum as unknown[]).map(String).sort()) : ""}`;
      });
    return [{ identity: [s.url, ...vars].join(" "), url: s.url, node: s, index }];
  });
}

/** Servers paired by identity (the same index first); an unpaired old one was removed or changed. */
function compareServers(sink: ChangeSink, o: JsonObject, n: JsonObject): void {
  const olds = serverList(o);
  const news = serverList(n);
  const unused = new Set(news);
  const removed: Server[] = [];
  for (const s of olds) {
    const same = news.find((x) => x.index === s.index && x.identity === s.identity && unused.has(x)) ?? news.find((x) => x.identity === s.identity && unused.has(x));
    if (!same) {
      removed.push(s);
      continue;
    }
    unused.delete(same);
    if (!jsonEqual(same.node, s.node)) sink.add("document-text-changed", "servers", `/servers/${same.index}`, `The description of server ${s.url} changed.`, same.node);
  }
  for (const s of removed) {
    const replacement = [...unused].find((x) => x.index === s.index);
    sink.add("server-removed", "servers", `/servers/${s.index}`, `Server ${s.identity} removed${replacement ? ` (changed to ${replacement.identity}?)` : ""}: consumers configured with it lose the API.`, s.identity);
  }
  for (const s of unused) sink.add("server-added", "servers", `/servers/${s.index}`, `Server ${s.identity} added.`, s.identity);
}

function comparePaths(sink: ChangeSink, o: JsonObject, n: JsonObject): void {
  const olds = operations(o, "paths");
  const news = operations(n, "paths");
  for (const [id, op] of olds) {
    const now = news.get(id);
    if (!now) sink.add("operation-removed", operationName(op), op.at.pointer, `Operation ${operationName(op)} removed.`);
    else compareOperation(sink, "request", o, n, operationName(now), op, now);
  }
  for (const [id, op] of news) {
    if (!olds.has(id)) sink.add("operation-added", operationName(op), op.at.pointer, `Operation ${operationName(op)} added.`);
  }
}

function compareWebhooks(sink: ChangeSink, o: JsonObject, n: JsonObject): void {
  const olds = operations(o, "webhooks");
  const news = operations(n, "webhooks");
  for (const [id, op] of olds) {
    const now = news.get(id);
    if (!now) sink.add("webhook-removed", `webhook ${op.path}`, op.at.pointer, `Webhook event ${op.path} removed: receivers waiting for it never get it.`);
    else compareOperation(sink, "webhook", o, n, `webhook ${now.path}`, op, now);
  }
  for (const [id, op] of news) if (!olds.has(id)) sink.add("webhook-added", `webhook ${op.path}`, op.at.pointer, `Webhook event ${op.path} added.`);
}

const OPERATION_KEYS = new Set(["summary", "description", "operationId", "parameters", "requestBody", "responses", "security", "tags", "servers", "callbacks"]);

/**
 * One operation. For a path operation the consumer sends the parameters and body (`request`)
 * and reads the responses; for a webhook it reads the parameters (headers) and the body
 * (`webhook`, judged like a response); what the receiver answers is not compared.
 */
function compareOperation(sink: ChangeSink, direction: "request" | "webhook", o: JsonObject, n: JsonObject, where: string, oldOp: OperationRef, newOp: OperationRef): void {
  const emit = templateEmitter(sink, direction);
  const on = oldOp.at.node as JsonObject;
  const nn = newOp.at.node as JsonObject;
  for (const key of ["summary", "description"]) {
    if (!jsonEqual(on[key], nn[key])) emit("description-changed", where, `${newOp.at.pointer}/${key}`, `The operation's ${key} changed.`, nn[key]);
  }
  if (direction === "request" && on.operationId !== nn.operationId) {
    sink.add("operation-id-changed", where, `${newOp.at.pointer}/operationId`, `operationId changed from ${String(on.operationId)} to ${String(nn.operationId)}: generated method names change.`, nn.operationId);
  }
  for (const key of new Set([...Object.keys(on), ...Object.keys(nn)])) {
    if (OPERATION_KEYS.has(key) || jsonEqual(on[key], nn[key])) continue;
    if (key.startsWith("x-")) emit("extension-changed", where, `${newOp.at.pointer}/${escapePointer(key)}`, `Extension ${key} changed.`, nn[key]);
    else emit("keyword-changed", where, `${newOp.at.pointer}/${escapePointer(key)}`, `Operation keyword ${key} changed from ${JSON.stringify(on[key])} to ${JSON.stringify(nn[key])}.`, nn[key]);
  }
  compareParameters(sink, direction, o, n, where, parameters(o, oldOp), parameters(n, newOp));
  compareRequestBody(sink, direction, o, n, where, child(oldOp.at, "requestBody"), child(newOp.at, "requestBody"));
  if (direction === "request") {
    compareSecurity(sink, o, n, where, newOp.at.pointer, on.security ?? o.security, nn.security ?? n.security);
    compareResponses(sink, o, n, where, child(oldOp.at, "responses"), child(newOp.at, "responses"));
  }
}

/** Path-item and operation parameters (the operation's override), keyed by `in` and name (headers case-insensitive). */
function parameters(doc: JsonObject, op: OperationRef): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const owner of [op.itemAt, op.at]) {
    const list = child(owner, "parameters");
    if (!Array.isArray(list.node)) continue;
    list.node.forEach((_, i) => {
      const p = deref(doc, child(list, i));
      if (!isObject(p.node) || typeof p.node.name !== "string") return;
      const name = p.node.in === "header" ? p.node.name.toLowerCase() : p.node.name;
      out.set(`${String(p.node.in)} ${name}`, p);
    });
  }
  return out;
}

/** Parameters (or response headers, `required` meaning the same): added, removed, required changed, schema, examples. */
function compareParameters(sink: ChangeSink, direction: ChangeDirection, o: JsonObject, n: JsonObject, where: string, olds: Map<string, Located>, news: Map<string, Located>): void {
  const emit = templateEmitter(sink, direction);
  const required = (p: Located): boolean => isObject(p.node) && (p.node.required === true || p.node.in === "path");
  for (const [key, now] of news) {
    const before = olds.get(key);
    if (!before) {
      emit(required(now) ? "parameter-added-required" : "parameter-added-optional", where, now.pointer, `${required(now) ? "Required" : "Optional"} ${key} added.`, key);
      continue;
    }
    if (required(before) && !required(now)) emit("parameter-became-optional", where, now.pointer, `${key} is no longer required.`, key);
    if (!required(before) && required(now)) emit("parameter-became-required", where, now.pointer, `${key} is now required.`, key);
    const bn = before.node as JsonObject;
    const nn = now.node as JsonObject;
    if (!jsonEqual(bn.description, nn.description)) emit("description-changed", where, `${now.pointer}/description`, `The description of ${key} changed.`, nn.description);
    compareExamples(sink, direction, o, n, `${where} ${key}`, before, now);
    if (bn.schema !== undefined || nn.schema !== undefined) schemas(sink, direction, o, n, `${where} ${key}`, child(before, "schema"), child(now, "schema"));
    compareContent(sink, direction, o, n, `${where} ${key}`, child(before, "content"), child(now, "content"));
  }
  for (const [key, before] of olds) if (!news.has(key)) emit("parameter-removed", where, before.pointer, `${key} removed.`, key);
}

/** `example` and named `examples` of a parameter, header or media type. */
function compareExamples(sink: ChangeSink, direction: ChangeDirection, o: JsonObject, n: JsonObject, where: string, oldAt: Located, newAt: Located): void {
  const emit = templateEmitter(sink, direction);
  const on = isObject(oldAt.node) ? oldAt.node : {};
  const nn = isObject(newAt.node) ? newAt.node : {};
  if (!jsonEqual(on.example, nn.example)) emit("example-changed", where, `${newAt.pointer}/example`, "The example changed.", nn.example);
  const oe = isObject(on.examples) ? on.examples : {};
  const ne = isObject(nn.examples) ? nn.examples : {};
  for (const name of Object.keys(ne)) {
    const now = child(newAt, "examples", name);
    if (!Object.hasOwn(oe, name)) emit("example-added", where, deref(n, now).pointer, `Example "${name}" added.`, name);
    else if (!jsonEqual(resolvedDeep(o, child(oldAt, "examples", name)), resolvedDeep(n, now))) emit("example-changed", where, deref(n, now).pointer, `Example "${name}" changed.`, name);
  }
  for (const name of Object.keys(oe)) if (!Object.hasOwn(ne, name)) emit("example-removed", where, deref(o, child(oldAt, "examples", name)).pointer, `Example "${name}" removed.`, name);
}

/** `content` of a body: media types added or removed, and each kept one's schema and examples. */
function compareContent(sink: ChangeSink, direction: ChangeDirection, o: JsonObject, n: JsonObject, where: string, oldAt: Located, newAt: Located): void {
  const emit = templateEmitter(sink, direction);
  const oc = isObject(oldAt.node) ? oldAt.node : {};
  const nc = isObject(newAt.node) ? newAt.node : {};
  for (const type of Object.keys(nc)) {
    const now = child(newAt, type);
    if (!Object.hasOwn(oc, type)) {
      emit("media-type-added", where, now.pointer, `Media type ${type} added.`, type);
      continue;
    }
    const before = child(oldAt, type);
    compareExamples(sink, direction, o, n, `${where} ${type}`, before, now);
    schemas(sink, direction, o, n, where, child(before, "schema"), child(now, "schema"));
  }
  for (const type of Object.keys(oc)) if (!Object.hasOwn(nc, type)) emit("media-type-removed", where, child(oldAt, type).pointer, `Media type ${type} removed.`, type);
}

function compareRequestBody(sink: ChangeSink, direction: ChangeDirection, o: JsonObject, n: JsonObject, where: string, oldRaw: Located, newRaw: Located): void {
  const before = deref(o, oldRaw);
  const now = deref(n, newRaw);
  const ob = isObject(before.node) ? before.node : undefined;
  const nb = isObject(now.node) ? now.node : undefined;
  if (direction === "request") {
    if (nb?.required === true && ob?.required !== true) sink.add("request-body-became-required", where, now.pointer, ob ? "The request body is now required." : "A required request body was added.");
    if (ob && !nb) sink.add("request-body-removed", where, before.pointer, "The request body was removed.");
  }
  if (!ob || !nb) return;
  if (!jsonEqual(ob.description, nb.description)) templateEmitter(sink, direction)("description-changed", where, `${now.pointer}/description`, "The body's description changed.", nb.description);
  compareContent(sink, direction, o, n, `${where} body`, child(before, "content"), child(now, "content"));
}

/** The credential alternatives of a security requirement, each as the sorted signatures of its schemes. */
function credentialAlternatives(doc: JsonObject, requirement: unknown): Set<string> {
  const out = new Set<string>();
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const alternative of Array.isArray(requirement) ? requirement : []) {
    if (!isObject(alternative)) continue;
    const parts = Object.keys(alternative).map((name) => {
      const s = deref(doc, { node: schemes[name], pointer: `/components/securitySchemes/${escapePointer(name)}` }).node;
      if (!isObject(s)) return `${name}:undefined`;
      return [s.type, typeof s.scheme === "string" ? s.scheme.toLowerCase() : "", s.in ?? "", typeof s.name === "string" ? s.name.toLowerCase() : ""].join(":");
    });
    out.add(parts.length === 0 ? "anonymous" : parts.sort().join(" + "));
  }
  return out;
}

function compareSecurity(sink: ChangeSink, o: JsonObject, n: JsonObject, where: string, pointer: string, oldReq: unknown, newReq: unknown): void {
  const before = credentialAlternatives(o, oldReq);
  const now = credentialAlternatives(n, newReq);
  for (const alt of before) if (!now.has(alt)) sink.add("security-changed", where, `${pointer}/security`, `The credential ${alt} is no longer accepted (now: ${[...now].join(" or ") || "none declared"}).`, alt);
  for (const alt of now) if (!before.has(alt)) sink.add("security-alternative-added", where, `${pointer}/security`, `The credential ${alt} is now accepted.`, alt);
}

function compareResponses(sink: ChangeSink, o: JsonObject, n: JsonObject, where: string, oldAt: Located, newAt: Located): void {
  const or = isObject(oldAt.node) ? oldAt.node : {};
  const nr = isObject(newAt.node) ? newAt.node : {};
  const emit = templateEmitter(sink, "response");
  for (const status of Object.keys(nr)) {
    const at = `${where} ${status}`;
    const now = deref(n, child(newAt, status));
    if (!Object.hasOwn(or, status)) {
      sink.add("response-status-added", at, now.pointer, `Response ${status} added: consumers that handle only the documented statuses meet one they do not know.`, status);
      continue;
    }
    const before = deref(o, child(oldAt, status));
    const bn = isObject(before.node) ? before.node : {};
    const nn = isObject(now.node) ? now.node : {};
    if (!jsonEqual(bn.description, nn.description)) emit("description-changed", at, `${now.pointer}/description`, "The response's description changed.", nn.description);
    compareParameters(sink, "response", o, n, at, headers(o, before), headers(n, now));
    compareContent(sink, "response", o, n, at, child(before, "content"), child(now, "content"));
  }
  for (const status of Object.keys(or)) {
    if (!Object.hasOwn(nr, status)) sink.add("response-status-removed", `${where} ${status}`, deref(o, child(oldAt, status)).pointer, `Response ${status} removed.`, status);
  }
}

/** A response's headers as parameters (`in: header`, case-insensitive names). */
function headers(doc: JsonObject, response: Located): Map<string, Located> {
  const out = new Map<string, Located>();
  const list = child(response, "headers");
  if (!isObject(list.node)) return out;
  for (const name of Object.keys(list.node)) {
    const h = deref(doc, child(list, name));
    if (isObject(h.node)) out.set(`header ${name.toLowerCase()}`, h);
  }
  return out;
}

/**
 * Read-only walker over a bundled OpenAPI 3.1 document: operations, responses, media types,
 * named examples and headers, with `$ref`s (internal, `#/...`) followed and the JSON pointer of
 * every node kept, so schemas can be compiled where they live and violations located.
 */
import type { OpenApiDocument } from "./load.js";
import { isObject } from "../json.js";

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Json = Record<string, unknown>;

export const escapePointer = (token: string): string => token.replace(/~/g, "~0").replace(/\//g, "~1");
// Most tokens have no escape: they are returned as they are, without the two replacements (the checker reads a value per violation).
const unescapePointer = (token: string): string => (token.includes("~") ? token.replace(/~1/g, "/").replace(/~0/g, "~") : token);

export interface Located<T> {
  value: T;
  /** JSON pointer of the node after following `$ref`s, e.g. `/components/responses/NotFound`. */
  pointer: string;
}

export function getAtPointer(doc: unknown, pointer: string): unknown {
  if (pointer === "") return doc;
  let node: unknown = doc;
  // Token by token with indexOf: splitting a fresh string (every violation's pointer) costs several times more.
  for (let start = 1; ; ) {
    const end = pointer.indexOf("/", start);
    const token = unescapePointer(end < 0 ? pointer.slice(start) : pointer.slice(start, end));
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
    if (end < 0) return node;
    start = end + 1;
  }
}

/** Follows internal `$ref` chains from `pointer`. Throws on an external or dangling `$ref` (a bug: specs are bundled). */
export function resolve(doc: OpenApiDocument, pointer: string): Located<unknown> {
  let value = getAtPointer(doc, pointer);
  const seen = new Set<string>();
  while (isObject(value) && typeof value.$ref === "string") {
    const ref = value.$ref;
    if (!ref.startsWith("#")) throw new Error(`Unbundled $ref "${ref}" at ${pointer}: load the bundled spec.`);
    if (seen.has(ref)) throw new Error(`Circular $ref "${ref}" at ${pointer}.`);
    seen.add(ref);
    pointer = ref.slice(1);
    value = getAtPointer(doc, pointer);
    if (value === undefined) throw new Error(`Dangling $ref "${ref}".`);
  }
  return { value, pointer };
}

/**
 * Follows internal `$ref` chains from a node already in hand, without throwing: an external,
 * dangling or circular `$ref` gives `node: undefined`. Siblings of a `$ref` (allowed in 3.1)
 * override the target's keywords. For reading documents that may be malformed (the diff, the
 * BTC Direct catalogue); code that reads the package's own bundles uses `resolve`.
 */
export function followRefs(doc: unknown, located: Located<unknown>): Located<unknown> {
  let { value, pointer } = located;
  const seen = new Set<string>();
  let siblings: Json | undefined;
  while (isObject(value) && typeof value.$ref === "string") {
    const { $ref: ref, ...rest } = value;
    if (Object.keys(rest).length > 0) siblings = { ...rest, ...siblings };
    if (!ref.startsWith("#") || seen.has(ref)) return { value: undefined, pointer };
    seen.add(ref);
    pointer = ref.slice(1);
    value = getAtPointer(doc, pointer);
  }
  return { value: siblings && isObject(value) ? { ...value, ...siblings } : value, pointer };
}

export interface Operation {
  method: HttpMethod;
  path: string;
  operationId: string | undefined;
  pointer: string;
  value: Json;
}

export function listOperations(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const path of Object.keys(doc.paths)) {
    const item = resolve(doc, `/paths/${escapePointer(path)}`);
    if (!isObject(item.value)) continue;
    for (const method of HTTP_METHODS) {
      const pointer = `${item.pointer}/${method}`;
      const op = getAtPointer(doc, pointer);
      if (isObject(op)) ops.push({ method, path, operationId: typeof op.operationId === "string" ? op.operationId : undefined, pointer, value: op });
    }
  }
  return ops;
}

export interface NamedExample {
  name: string;
  summary: string | undefined;
  value: unknown;
  pointer: string;
}

export interface MediaTypeInfo {
  mediaType: string;
  /** Pointer of the media type's `schema` (compile it there), or undefined if it has none. */
  schemaPointer: string | undefined;
  examples: NamedExample[];
}

export interface HeaderInfo {
  name: string;
  required: boolean;
  schemaPointer: string | undefined;
  pointer: string;
}

export interface ResponseInfo {
  /** The status key as written: `200`, `404`, `4XX`. */
  status: string;
  description: string;
  pointer: string;
  media: MediaTypeInfo[];
  headers: HeaderInfo[];
}

export function listResponses(doc: OpenApiDocument, op: Operation): ResponseInfo[] {
  const responses = op.value.responses;
  if (!isObject(responses)) return [];
  return Object.keys(responses).map((status) => {
    const res = resolve(doc, `${op.pointer}/responses/${escapePointer(status)}`);
    const body = isObject(res.value) ? res.value : {};
    const media = listMedia(doc, res.pointer, body.content);
    const headers: HeaderInfo[] = [];
    if (isObject(body.headers)) {
      for (const name of Object.keys(body.headers)) {
        const h = resolve(doc, `${res.pointer}/headers/${escapePointer(name)}`);
        const hv = isObject(h.value) ? h.value : {};
        headers.push({ name, required: hv.required === true, schemaPointer: hv.schema === undefined ? undefined : `${h.pointer}/schema`, pointer: h.pointer });
      }
    }
    return { status, description: typeof body.description === "string" ? body.description : "", pointer: res.pointer, media, headers };
  });
}

/** The media types under `content` at `ownerPointer` (a response or a request body), with their named examples. */
function listMedia(doc: OpenApiDocument, ownerPointer: string, content: unknown): MediaTypeInfo[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, m]) => {
    const mPointer = `${ownerPointer}/content/${escapePointer(mediaType)}`;
    const mt = isObject(m) ? m : {};
    const examples: NamedExample[] = [];
    if (isObject(mt.examples)) {
      for (const name of Object.keys(mt.examples)) {
        const ex = resolve(doc, `${mPointer}/examples/${escapePointer(name)}`);
        const exv = isObject(ex.value) ? ex.value : {};
        examples.push({ name, summary: typeof exv.summary === "string" ? exv.summary : undefined, value: exv.value, pointer: ex.pointer });
      }
    }
    return { mediaType, schemaPointer: mt.schema === undefined ? undefined : `${mPointer}/schema`, examples };
  });
}

/** An operation of the document's `webhooks:` (OpenAPI 3.1): what the provider sends to you. */
export interface WebhookOperation {
  /** The key under `webhooks:` (Myaza: the event name, e.g. `verification.completed`). */
  name: string;
  method: HttpMethod;
  operationId: string | undefined;
  summary: string | undefined;
  pointer: string;
  value: Json;
  /** The request body's media types with their schemas and named examples. */
  requestBody: MediaTypeInfo[];
}

export function listWebhooks(doc: OpenApiDocument): WebhookOperation[] {
  const webhooks = doc.webhooks;
  if (!isObject(webhooks)) return [];
  const ops: WebhookOperation[] = [];
  for (const name of Object.keys(webhooks)) {
    const item = resolve(doc, `/webhooks/${escapePointer(name)}`);
    if (!isObject(item.value)) continue;
    for (const method of HTTP_METHODS) {
      const pointer = `${item.pointer}/${method}`;
      const op = getAtPointer(doc, pointer);
      if (!isObject(op)) continue;
      const body = op.requestBody === undefined ? undefined : resolve(doc, `${pointer}/requestBody`);
      const requestBody = body && isObject(body.value) ? listMedia(doc, body.pointer, body.value.content) : [];
      const summary = typeof op.summary === "string" ? op.summary : undefined;
      ops.push({ name, method, operationId: typeof op.operationId === "string" ? op.operationId : undefined, summary, pointer, value: op, requestBody });
    }
  }
  return ops;
}

/**
 * An example request for an operation, derived from the spec: path parameters filled from
 * their examples, and credentials for the operation's first security requirement (placeholder
 * values: Prism checks that credentials are present and well-formed, not what they are).
 */
import type { OpenApiDocument } from "../spec/load.js";
import { escapePointer, listOperations, resolve, type Operation } from "../spec/walk.js";

export interface ExampleRequest {
  method: string;
  /** Path with parameters filled in and the query string appended. */
  path: string;
  headers: Record<string, string>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** `clientToken` → `client-token`: the placeholder for a credential of that security scheme. */
const placeholder = (schemeName: string): string => schemeName.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/[_\s]+/g, "-").toLowerCase();

/** The example request of `operation` (default: the spec's first operation). */
export function exampleRequest(doc: OpenApiDocument, operation: Operation | undefined = listOperations(doc)[0]): ExampleRequest {
  if (!operation) throw new Error(`${doc.info.title} has no operations.`);
  const headers: Record<string, string> = {};
  const query = new URLSearchParams();
  let path = operation.path;
  for (const param of parameters(doc, operation)) {
    if (param.in === "path") path = path.replace(`{${param.name}}`, encodeURIComponent(exampleValue(doc, param)));
  }
  const requirement = securityRequirements(doc, operation)[0] ?? {};
  const schemes = isObject(doc.components?.securitySchemes) ? doc.components.securitySchemes : {};
  for (const name of Object.keys(requirement)) {
    if (!(name in schemes)) throw new Error(`${doc.info.title}: security scheme "${name}" is not defined.`);
    const scheme = resolve(doc, `/components/securitySchemes/${name}`).value;
    if (!isObject(scheme)) continue;
    const value = `<${placeholder(name)}>`;
    if (scheme.type === "apiKey" && typeof scheme.name === "string") {
      if (scheme.in === "query") query.set(scheme.name, placeholder(name));
      else if (scheme.in === "cookie") headers.Cookie = `${scheme.name}=${placeholder(name)}`;
      else headers[scheme.name] = value;
    } else if (scheme.type === "http" && typeof scheme.scheme === "string" && scheme.scheme.toLowerCase() === "basic") {
      headers.Authorization = `Basic ${Buffer.from("user:password").toString("base64")}`;
    } else if (scheme.type === "http" && typeof scheme.scheme === "string" && scheme.scheme.toLowerCase() !== "bearer") {
      headers.Authorization = `${scheme.scheme} ${value}`;
    } else {
      // http bearer, oauth2, openIdConnect: a bearer token.
      headers.Authorization = `Bearer ${value}`;
    }
  }
  const search = query.toString();
  return { method: operation.method.toUpperCase(), path: search ? `${path}?${search}` : path, headers };
}

/** The request as a copy-pasteable curl command line against `baseUrl`. */
export function toCurl(baseUrl: string, request: ExampleRequest): string {
  const quote = (s: string): string => `"${s.replace(/(["\\$`])/g, "\\$1")}"`;
  const method = request.method === "GET" ? [] : ["-X", request.method];
  const headers = Object.entries(request.headers).flatMap(([k, v]) => ["-H", quote(`${k}: ${v}`)]);
  return ["curl", ...method, quote(`${baseUrl}${request.path}`), ...headers].join(" ");
}

interface Parameter {
  name: string;
  in: string;
  value: Json;
  pointer: string;
}

function parameters(doc: OpenApiDocument, operation: Operation): Parameter[] {
  const itemPointer = operation.pointer.slice(0, operation.pointer.lastIndexOf("/"));
  const item = resolve(doc, itemPointer).value;
  const lists: [unknown, string][] = [
    [isObject(item) ? item.parameters : undefined, `${itemPointer}/parameters`],
    [operation.value.parameters, `${operation.pointer}/parameters`],
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

function exampleValue(doc: OpenApiDocument, param: Parameter): string {
  const p = param.value;
  const schema = resolve(doc, `${param.pointer}/schema`).value;
  const s = isObject(schema) ? schema : {};
  const firstExample = isObject(p.examples) ? Object.keys(p.examples)[0] : undefined;
  const named = firstExample === undefined ? undefined : resolve(doc, `${param.pointer}/examples/${escapePointer(firstExample)}`).value;
  const candidates: unknown[] = [
    isObject(named) ? named.value : undefined,
    p.example,
    Array.isArray(s.examples) ? s.examples[0] : undefined,
    s.example,
  ];
  const found = candidates.find((c) => typeof c === "string" || typeof c === "number" || typeof c === "boolean");
  return found === undefined ? `<${param.name}>` : String(found);
}

function securityRequirements(doc: OpenApiDocument, operation: Operation): Json[] {
  const own = operation.value.security;
  const requirements = Array.isArray(own) ? own : Array.isArray(doc.security) ? doc.security : [];
  return requirements.filter(isObject);
}

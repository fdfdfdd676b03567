/**
 * An example request for an operation, derived from the spec: path parameters filled from
 * their examples, and credentials for the operation's first security requirement (placeholder
 * values: Prism checks that credentials are present and well-formed, not what they are).
 */
import type { OpenApiDocument } from "../spec/load.js";
import { listParameters, parameterExample } from "../spec/parameters.js";
import { credentialHeaders, securityRequirements } from "../spec/security.js";
import { listOperations, type Operation } from "../spec/walk.js";

export interface ExampleRequest {
  method: string;
  /** Path with its parameters filled in. */
  path: string;
  headers: Record<string, string>;
}

/** `clientToken` → `client-token`: the placeholder for a credential of that security scheme. */
const placeholder = (schemeName: string): string => schemeName.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/[_\s]+/g, "-").toLowerCase();

/** The example request of `operation` (default: the spec's first operation). */
export function exampleRequest(doc: OpenApiDocument, operation: Operation | undefined = listOperations(doc)[0]): ExampleRequest {
  if (!operation) throw new Error(`${doc.info.title} has no operations.`);
  let path = operation.path;
  for (const param of listParameters(doc, operation)) {
    if (param.in === "path") path = path.replace(`{${param.name}}`, encodeURIComponent(parameterExample(doc, param) ?? `<${param.name}>`));
  }
  const requirement = securityRequirements(doc, operation)[0] ?? [];
  const headers = credentialHeaders(doc, operation, Object.fromEntries(requirement.map((name) => [name, `<${placeholder(name)}>`])));
  return { method: operation.method.toUpperCase(), path, headers };
}

/** The request as a copy-pasteable curl command line against `baseUrl`. */
export function toCurl(baseUrl: string, request: ExampleRequest): string {
  const quote = (s: string): string => `"${s.replace(/(["\\$`])/g, "\\$1")}"`;
  const method = request.method === "GET" ? [] : ["-X", request.method];
  const headers = Object.entries(request.headers).flatMap(([k, v]) => ["-H", quote(`${k}: ${v}`)]);
  return ["curl", ...method, quote(`${baseUrl}${request.path}`), ...headers].join(" ");
}

/**
 * Credentials as the spec says to send them: which security requirements an operation accepts,
 * and the request header each security scheme puts its value in. Clients, conformance runs and
 * the mocks' example requests all build their auth headers here.
 */
import type { OpenApiDocument } from "./load.js";
import { resolve, type Operation } from "./walk.js";
import { isObject } from "../json.js";


/** Scheme names of each security requirement of the operation (its own, else the document's), in spec order. */
export function securityRequirements(doc: OpenApiDocument, op: Operation): string[][] {
  const own = op.value.security;
  const list = Array.isArray(own) ? own : Array.isArray(doc.security) ? doc.security : [];
  return list.filter(isObject).map((requirement) => Object.keys(requirement));
}

/** The header a security scheme puts its credential in, and the prefix of the value (`Bearer `). */
export interface SchemeHeader {
  header: string;
  prefix: string;
}

/**
 * The headers carrying `values` (security scheme name → credential). The names must be exactly
 * one of the operation's security requirements; anything else is a bug in the caller or the
 * spec and throws, naming schemes only (never values).
 */
export function credentialHeaders(doc: OpenApiDocument, op: Operation, values: Readonly<Record<string, string>>): Record<string, string> {
  return headersFor(`${doc.info.title}: ${op.method.toUpperCase()} ${op.path}`, securityRequirements(doc, op), (name) => schemeHeader(doc, name), values);
}

/**
 * `credentialHeaders` over plain data (the clients' build-time contract uses it): `where` names
 * the operation in errors, `requirements` are its security requirements, `headerOf` the header
 * of each scheme.
 */
export function headersFor(where: string, requirements: readonly (readonly string[])[], headerOf: (scheme: string) => SchemeHeader, values: Readonly<Record<string, string>>): Record<string, string> {
  const names = Object.keys(values).sort();
  if (names.length === 0) return {};
  if (!requirements.some((r) => [...r].sort().join(" ") === names.join(" "))) {
    throw new Error(`${where} accepts no security requirement made of exactly {${names.join(", ")}}.`);
  }
  const headers: Record<string, string> = {};
  for (const name of names) {
    const { header, prefix } = headerOf(name);
    headers[header] = `${prefix}${values[name]!}`;
  }
  return headers;
}

/** The header one security scheme sends its value in: `Authorization: Bearer …` or the apiKey header. */
export function schemeHeader(doc: OpenApiDocument, name: string): SchemeHeader {
  const schemes = doc.components?.securitySchemes;
  if (!isObject(schemes) || !(name in schemes)) throw new Error(`${doc.info.title}: security scheme "${name}" is not defined.`);
  const scheme = resolve(doc, `/components/securitySchemes/${name}`).value;
  if (isObject(scheme)) {
    if (scheme.type === "http" && typeof scheme.scheme === "string" && scheme.scheme.toLowerCase() === "bearer") return { header: "Authorization", prefix: "Bearer " };
    if (scheme.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string") return { header: scheme.name, prefix: "" };
  }
  const kind = isObject(scheme) ? [scheme.type, scheme.scheme ?? scheme.in].filter((x) => typeof x === "string").join(" ") : "unknown";
  throw new Error(`${doc.info.title}: security scheme "${name}" (${kind}) is not supported; only http bearer and apiKey in a header are (what the four providers use).`);
}

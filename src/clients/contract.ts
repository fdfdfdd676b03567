/**
 * What a client needs from its provider's spec, read once per process and provider: the success
 * statuses with their media types and schema pointers (bodies are validated there), the
 * credential headers of the security schemes, and which combinations of schemes the operation
 * accepts.
 */
import type { ProviderSlug } from "../providers.js";
import { loadSpec, type OpenApiDocument } from "../spec/load.js";
import { createSpecValidator, type SpecValidator } from "../spec/validator.js";
import { listOperations, listResponses } from "../spec/walk.js";

export interface SuccessResponse {
  /** Media types the spec documents, lower case (`application/json`). */
  mediaTypes: readonly string[];
  /** Pointer of the body schema of each media type. */
  schemaPointers: ReadonlyMap<string, string>;
}

export interface Contract {
  /** `GET /v1/kyc/{userId}`, for messages. */
  operation: string;
  validator: SpecValidator;
  /** Documented 2xx responses by status. */
  successes: ReadonlyMap<number, SuccessResponse>;
  /** The HTTP headers carrying `values`, keyed by security scheme name. */
  credentialHeaders(values: Readonly<Record<string, string>>): [string, string][];
}

const cache = new Map<string, Promise<Contract>>();

/** The contract of the GET operation at `path` in the provider's bundled spec (cached). */
export function loadContract(provider: ProviderSlug, path: string): Promise<Contract> {
  const key = `${provider} ${path}`;
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = loadSpec(provider).then((doc) => readContract(doc, provider, path));
    cache.set(key, loaded);
    loaded.catch(() => cache.delete(key));
  }
  return loaded;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function readContract(doc: OpenApiDocument, provider: ProviderSlug, path: string): Contract {
  const operation = listOperations(doc).find((op) => op.method === "get" && op.path === path);
  if (!operation) throw new Error(`The ${provider} spec has no GET ${path}: the client and the spec disagree. Rebuild the package (npm run build).`);
  const successes = new Map<number, SuccessResponse>();
  for (const res of listResponses(doc, operation)) {
    const status = Number(res.status);
    if (!(status >= 200 && status < 300)) continue;
    const schemaPointers = new Map<string, string>();
    for (const m of res.media) if (m.schemaPointer) schemaPointers.set(m.mediaType.toLowerCase(), m.schemaPointer);
    successes.set(status, { mediaTypes: res.media.map((m) => m.mediaType.toLowerCase()), schemaPointers });
  }
  const schemes = isObject(doc.components?.securitySchemes) ? doc.components.securitySchemes : {};
  const requirements = (Array.isArray(operation.value.security) ? operation.value.security : Array.isArray(doc.security) ? doc.security : []).filter(isObject);
  return {
    operation: `GET ${path}`,
    validator: createSpecValidator(doc),
    successes,
    credentialHeaders(values) {
      const names = Object.keys(values).sort();
      const accepted = requirements.some((r) => Object.keys(r).sort().join(" ") === names.join(" "));
      if (!accepted) throw new Error(`The ${provider} spec accepts no security requirement made of exactly {${names.join(", ")}}: the client and the spec disagree.`);
      return names.map((scheme) => headerFor(provider, scheme, schemes[scheme], values[scheme] as string));
    },
  };
}

function headerFor(provider: ProviderSlug, scheme: string, definition: unknown, value: string): [string, string] {
  if (isObject(definition)) {
    if (definition.type === "http" && typeof definition.scheme === "string" && definition.scheme.toLowerCase() === "bearer") return ["Authorization", `Bearer ${value}`];
    if (definition.type === "apiKey" && definition.in === "header" && typeof definition.name === "string") return [definition.name, value];
  }
  throw new Error(`The ${provider} spec's security scheme "${scheme}" is missing or not a header scheme the client can send.`);
}

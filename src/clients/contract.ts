/**
 * What a client needs from its provider's spec, read once per process and provider: the success
 * statuses with their media types and schema pointers (bodies are validated there), the
 * credential headers of the security schemes, and which combinations of schemes the operation
 * accepts.
 */
import type { ProviderSlug } from "../providers.js";
import { loadSpec, type OpenApiDocument } from "../spec/load.js";
import { credentialHeaders } from "../spec/security.js";
import { createSpecValidator, type SpecValidator } from "../spec/validator.js";
import { listOperations, listResponses } from "../spec/walk.js";
import { createTolerantCheck, type FieldPath, type TolerantVerdict } from "./tolerance.js";

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
  /** The HTTP headers carrying `values`, keyed by security scheme name (src/spec/security.ts). */
  credentialHeaders(values: Readonly<Record<string, string>>): Record<string, string>;
  /** The tolerant check of the success schema at `schemaPointer` (src/clients/tolerance.ts), built once per pointer. */
  tolerantCheck(schemaPointer: string, strictFields: readonly FieldPath[]): (body: unknown) => TolerantVerdict;
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
  const validator = createSpecValidator(doc);
  const checks = new Map<string, (body: unknown) => TolerantVerdict>();
  return {
    operation: `GET ${path}`,
    validator,
    successes,
    credentialHeaders: (values) => credentialHeaders(doc, operation, values),
    tolerantCheck(schemaPointer, strictFields) {
      let check = checks.get(schemaPointer);
      if (!check) {
        check = createTolerantCheck(doc, validator, schemaPointer, strictFields);
        checks.set(schemaPointer, check);
      }
      return check;
    },
  };
}

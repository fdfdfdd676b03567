/**
 * What a client needs from its provider's spec, from the build-time contract of its operation
 * (generated/<slug>-client.ts, written by `npm run generate`): the success statuses with their
 * media types and schema pointers, the credential headers of the security schemes, and the
 * tolerant check of each success body, all as Ajv standalone code and plain data. Nothing here
 * reads a spec, a file or YAML, or compiles a schema: the clients run wherever `fetch` does,
 * with no `eval`.
 */
import type { GeneratedBodyContract, GeneratedClientContract } from "../../generated/validator-types.js";
import { headersFor } from "../spec/security.js";
import { createTolerantCheck, type TolerantVerdict } from "./tolerance.js";

export type { GeneratedClientContract } from "../../generated/validator-types.js";

export interface SuccessResponse {
  /** Media types the spec documents, lower case (`application/json`). */
  mediaTypes: readonly string[];
  /** Pointer of the body schema of each media type. */
  schemaPointers: ReadonlyMap<string, string>;
}

export interface Contract {
  /** `GET /v1/kyc/{userId}`, for messages. */
  operation: string;
  /** Documented 2xx responses by status. */
  successes: ReadonlyMap<number, SuccessResponse>;
  /** The HTTP headers carrying `values`, keyed by security scheme name (src/spec/security.ts). */
  credentialHeaders(values: Readonly<Record<string, string>>): Record<string, string>;
  /** The tolerant check of the success schema at `schemaPointer` (src/clients/tolerance.ts; strict fields as generated). */
  tolerantCheck(schemaPointer: string): (body: unknown) => TolerantVerdict;
}

const cache = new WeakMap<GeneratedClientContract, Contract>();

/** The contract of a generated client contract (one per generated module). */
export function readContract(generated: GeneratedClientContract): Contract {
  let contract = cache.get(generated);
  if (!contract) {
    contract = build(generated);
    cache.set(generated, contract);
  }
  return contract;
}

function build(generated: GeneratedClientContract): Contract {
  const successes = new Map<number, SuccessResponse>();
  const bodies = new Map<string, GeneratedBodyContract>();
  for (const { status, mediaTypes, bodies: checks } of generated.successes) {
    successes.set(status, { mediaTypes, schemaPointers: new Map(checks.map((b) => [b.mediaType, b.pointer])) });
    for (const body of checks) bodies.set(body.pointer, body);
  }
  const { requirements, schemes } = generated.security;
  const checks = new Map<string, (body: unknown) => TolerantVerdict>();
  return {
    operation: generated.operation,
    successes,
    credentialHeaders: (values) =>
      headersFor(`${generated.title}: ${generated.operation}`, requirements, (name) => {
        const scheme = schemes[name];
        if (!scheme) throw new Error(`${generated.title}: security scheme "${name}" is not one of ${generated.operation}'s (${Object.keys(schemes).join(", ")}).`);
        return scheme;
      }, values),
    tolerantCheck(schemaPointer) {
      let check = checks.get(schemaPointer);
      if (!check) {
        const body = bodies.get(schemaPointer);
        if (!body) throw new Error(`${generated.title}: no success body schema at ${schemaPointer} in the client contract. Regenerate it (npm run generate) and rebuild.`);
        check = createTolerantCheck(body);
        checks.set(schemaPointer, check);
      }
      return check;
    },
  };
}

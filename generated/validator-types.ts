// generated — do not edit. Source: scripts/standalone-validators.ts. Regenerate with `npm run generate`.
/** One schema violation, as Ajv reports it (`instancePath` is a JSON pointer into the checked value). */
export interface GeneratedSchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A compiled validator: returns whether `data` is valid; after a failure, `errors` lists why. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: GeneratedSchemaError[] | null;
}

/** src/spec/union.ts `UnionPlan`: the tagged unions of a body schema, as data. */
export interface GeneratedUnionPlan {
  pointer: string;
  union?: { property: string; disjoint?: true; exclusive?: true; branches: { values: unknown[]; plan: GeneratedUnionPlan }[] };
  properties?: { name: string; plan: GeneratedUnionPlan }[];
}

/** The checks of one success body schema. */
export interface GeneratedBodyContract {
  /** Lower case (`application/json`). */
  mediaType: string;
  /** The body schema's pointer in the spec. */
  pointer: string;
  /** The strict core of the tolerant check: the fields the normalized status is built from. */
  core: GeneratedValidator;
  /** The full schema and each schema the narrowing plan validates, by pointer. */
  validators: Readonly<Record<string, GeneratedValidator>>;
  narrowing: GeneratedUnionPlan;
}

/** What a client needs from its operation in the spec (read by src/clients/contract.ts). */
export interface GeneratedClientContract {
  /** `GET /v1/kyc/{userId}`, for messages. */
  operation: string;
  /** The spec's title, for messages. */
  title: string;
  /** Documented 2xx responses: media types (lower case) and the checks of each body with a schema. */
  successes: readonly { status: number; mediaTypes: readonly string[]; bodies: readonly GeneratedBodyContract[] }[];
  /** The operation's security requirements (scheme names) and the header each scheme sends. */
  security: { requirements: readonly (readonly string[])[]; schemes: Readonly<Record<string, { header: string; prefix: string }>> };
}

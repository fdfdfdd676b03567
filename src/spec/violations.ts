/**
 * Schema violations as every checker here reports them, from the error objects of any compiled
 * Ajv validator: one compiled at run time (src/spec/validator.ts) or the build-time standalone
 * code in generated/. Portable: no Ajv import.
 */

export interface SchemaViolation {
  /** JSON pointer into the validated value (`""` is the value itself). */
  instancePath: string;
  /** Where in the spec the failing keyword sits. */
  schemaPath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

export type ValidationResult = { valid: true } | { valid: false; violations: SchemaViolation[] };

/** What Ajv's validators (compiled or standalone) put in `errors`. */
export interface AjvErrorLike {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: object;
  message?: string;
}

/** A compiled validator, Ajv's shape: whether `data` is valid; after a failure, `errors` says why. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly AjvErrorLike[] | null;
}

export const VALID: { valid: true } = Object.freeze({ valid: true as const });

export function toViolation(e: AjvErrorLike): SchemaViolation {
  return { instancePath: e.instancePath, schemaPath: e.schemaPath, keyword: e.keyword, message: e.message ?? e.keyword, params: e.params as Record<string, unknown> };
}

/** Runs `validate` on `value`: VALID, or its errors as violations. */
export function validateWith(validate: CompiledValidator, value: unknown): ValidationResult {
  if (validate(value)) return VALID;
  return { valid: false, violations: (validate.errors ?? []).map(toViolation) };
}

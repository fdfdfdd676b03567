/**
 * How strictly a client reads a success body. The fields its normalized status is built from
 * (`strictFields`, e.g. Myaza's `status`) must be there with the type the spec gives them, or the
 * call is an `invalid_response`. Any other deviation from the spec (a missing `idBackUrl`, a
 * `documents: {}`, a status value the spec does not list yet) does not cost the application the
 * user's status: it comes back as a `warning` on the success result, with its JSON pointer and
 * the schema keyword that failed. Conformance checks stay strict; this is only the clients.
 *
 * The strict check is the spec's own schema, cut down (`coreSchema`) to the strict fields and
 * the objects and arrays leading to them: their types and `required`, nothing else. Enumerations
 * of the strict fields are left out on purpose, so an undocumented status is `unknown`, not a
 * failure.
 *
 * `coreSchema` runs at build time (`npm run generate`); at run time the check uses the
 * generated validators of generated/<slug>-client.ts (Ajv standalone code: no compiler, no eval).
 */
import type { GeneratedBodyContract } from "../../generated/validator-types.js";
import type { OpenApiDocument } from "../spec/load.js";
import { exclusiveBranch, narrowByPlan } from "../spec/union.js";
import { validateWith, type SchemaViolation, type ValidationResult } from "../spec/violations.js";
import { escapePointer, resolve } from "../spec/walk.js";

/** A deviation from the spec in a body the client still accepted. */
export interface ClientWarning {
  /** JSON pointer into the body (`/data/documents/idBackUrl`; `""` is the body itself). */
  readonly pointer: string;
  /** The JSON Schema keyword that failed (`required`, `enum`, `format`, `type`, …). */
  readonly keyword: string;
  readonly message: string;
}

/** A path to a field: property names, `*` for every item of an array. */
export type FieldPath = readonly string[];

export type TolerantVerdict = { ok: true; warnings: ClientWarning[] } | { ok: false; violations: SchemaViolation[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const MAX_DEPTH = 32;

/**
 * The part of the schema at `schemaPointer` that constrains `fields`: for each object or array on
 * the way to a strict field its type, `required` (strict names only) and the strict properties or
 * items; for a strict field its type. Unions become `anyOf` of their cut-down branches.
 */
export function coreSchema(doc: OpenApiDocument, schemaPointer: string, fields: readonly FieldPath[]): Json {
  const project = (pointer: string, paths: readonly FieldPath[], depth: number): Json => {
    if (depth > MAX_DEPTH) throw new Error(`coreSchema: the schema at ${schemaPointer} nests deeper than ${MAX_DEPTH} levels.`);
    const { value, pointer: at } = resolve(doc, pointer);
    if (!isObject(value)) return {};
    const out: Json = {};
    if (value.type !== undefined) out.type = value.type;
    for (const union of ["oneOf", "anyOf"] as const) {
      const branches = value[union];
      if (Array.isArray(branches)) out.anyOf = branches.map((_, i) => project(`${at}/${union}/${i}`, paths, depth + 1));
    }
    if (Array.isArray(value.allOf)) out.allOf = value.allOf.map((_, i) => project(`${at}/allOf/${i}`, paths, depth + 1));
    const below = paths.filter((p) => p.length > 0);
    const byProperty = new Map<string, FieldPath[]>();
    for (const [head, ...rest] of below) if (head !== "*") byProperty.set(head!, [...(byProperty.get(head!) ?? []), rest]);
    const properties = isObject(value.properties) ? value.properties : {};
    const strictProperties = [...byProperty].filter(([name]) => Object.hasOwn(properties, name));
    if (strictProperties.length > 0) {
      out.properties = Object.fromEntries(strictProperties.map(([name, rest]) => [name, project(`${at}/properties/${escapePointer(name)}`, rest, depth + 1)]));
      const required = Array.isArray(value.required) ? value.required.filter((r): r is string => typeof r === "string" && byProperty.has(r)) : [];
      if (required.length > 0) out.required = required;
    }
    const itemPaths = below.filter((p) => p[0] === "*").map((p) => p.slice(1));
    if (itemPaths.length > 0 && value.items !== undefined) out.items = project(`${at}/items`, itemPaths, depth + 1);
    return out;
  };
  return project(schemaPointer, fields, 0);
}

/**
 * The check of one success schema (its generated validators): strict on the strict fields (the
 * generated `core`), every other violation of the full schema a warning. Within a tagged union,
 * the warnings are those of the branch the body selects (src/spec/union.ts), not every branch's.
 */
export function createTolerantCheck(check: GeneratedBodyContract): (body: unknown) => TolerantVerdict {
  const { pointer, core, validators, narrowing } = check;
  const validate = (schemaPointer: string, value: unknown): ValidationResult => {
    const fn = validators[schemaPointer];
    if (!fn) throw new Error(`No generated validator for ${schemaPointer}: regenerate the client contracts (npm run generate) and rebuild.`);
    return validateWith(fn, value);
  };
  return (body) => {
    // A tagged union that is the whole schema: the branch the body's tag selects decides alone
    // (one branch's validator runs, and is compiled on a first call, instead of every branch's).
    const branch = exclusiveBranch(narrowing, body);
    const first = validate(branch?.pointer ?? pointer, body);
    if (first.valid) return { ok: true, warnings: [] };
    const strict = validateWith(core, body);
    if (!strict.valid) return { ok: false, violations: strict.violations };
    // The whole schema's result, when that is what ran, is not validated a second time.
    return { ok: true, warnings: toWarnings(narrowByPlan(narrowing, validate, body, "", branch ? undefined : first)) };
  };
}

/** Violations as warnings: the pointer of the field itself (a missing or extra property included), one per field and keyword. */
function toWarnings(violations: readonly SchemaViolation[]): ClientWarning[] {
  const seen = new Set<string>();
  const out: ClientWarning[] = [];
  for (const v of violations) {
    if (v.keyword === "oneOf" || v.keyword === "anyOf" || v.keyword === "if") continue;
    const property = v.params.missingProperty ?? v.params.additionalProperty ?? v.params.unevaluatedProperty;
    const pointer = typeof property === "string" ? `${v.instancePath}/${escapePointer(property)}` : v.instancePath;
    const key = `${pointer} ${v.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, keyword: v.keyword, message: v.message });
  }
  return out;
}

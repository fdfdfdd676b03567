/**
 * Tagged unions in the specs: a `oneOf` whose branches each pin one property with `enum` /
 * `const` (Myaza's `status`, Nyota Imara's record shapes). A body failing such a union makes Ajv
 * report every branch's errors, which buries the one that matters; these helpers find the branch
 * the body selects, so only its errors are reported (by the conformance checker and by the
 * clients' warnings).
 */
import { isObject, jsonEqual } from "../json.js";
import type { OpenApiDocument } from "./load.js";
import type { SchemaViolation, SpecValidator } from "./validator.js";
import { escapePointer, resolve } from "./walk.js";

export type BranchChoice =
  /** The schema is no tagged `oneOf`. */
  | { kind: "none" }
  /** The body selects this branch (its pointer in the document). */
  | { kind: "selected"; pointer: string }
  /** The body's tag is none of the branches' values. */
  | { kind: "unknown"; property: string; allowed: unknown[] };



/** Which branch of the tagged `oneOf` at `schemaPointer` (after `$ref`s) `value` selects. */
function taggedBranch(doc: OpenApiDocument, schemaPointer: string, value: unknown): BranchChoice {
  const { value: schema, pointer } = resolve(doc, schemaPointer);
  const branches = isObject(schema) ? schema.oneOf : undefined;
  if (!Array.isArray(branches) || !isObject(value)) return { kind: "none" };
  const tags = branches.map((_, i) => tagOf(doc, `${pointer}/oneOf/${i}`));
  const property = tags[0]?.property;
  // Without the tag the body selects nothing in particular: every branch's errors stand.
  if (!property || tags.some((t) => t?.property !== property) || !Object.hasOwn(value, property)) return { kind: "none" };
  const selected = tags.findIndex((t) => t!.values.some((v) => jsonEqual(v, value[property])));
  if (selected < 0) return { kind: "unknown", property, allowed: tags.flatMap((t) => t!.values) };
  return { kind: "selected", pointer: `${pointer}/oneOf/${selected}` };
}

/** The property a oneOf branch pins with `enum`/`const`, and its values. */
function tagOf(doc: OpenApiDocument, branchPointer: string): { property: string; values: unknown[] } | undefined {
  const branch = resolve(doc, branchPointer).value as { properties?: Record<string, { enum?: unknown[]; const?: unknown } | undefined> } | undefined;
  for (const [property, sub] of Object.entries(branch?.properties ?? {})) {
    if (Array.isArray(sub?.enum)) return { property, values: sub.enum };
    if (sub && "const" in sub) return { property, values: [sub.const] };
  }
  return undefined;
}

/** The one violation for a tag no branch accepts, listing every allowed value. */
function unknownTagViolation(instancePath: string, choice: Extract<BranchChoice, { kind: "unknown" }>, schemaPath: string): SchemaViolation {
  return { instancePath: `${instancePath}/${escapePointer(choice.property)}`, schemaPath, keyword: "enum", message: "must be equal to one of the allowed values", params: { allowedValues: choice.allowed } };
}

/**
 * The violations of `value` against the schema at `schemaPointer`, with every tagged union on the
 * way (at the top or inside object properties) narrowed to the branch the value selects.
 * `instancePath` prefixes the pointers (for a value inside a larger body).
 */
export function narrowedViolations(doc: OpenApiDocument, validator: SpecValidator, schemaPointer: string, value: unknown, instancePath = "", depth = 0): SchemaViolation[] {
  const result = validator.validate(schemaPointer, value);
  if (result.valid) return [];
  const choice = taggedBranch(doc, schemaPointer, value);
  if (choice.kind === "unknown") return [unknownTagViolation(instancePath, choice, schemaPointer)];
  if (choice.kind === "selected") return narrowedViolations(doc, validator, choice.pointer, value, instancePath, depth + 1);
  let violations = result.violations.map((v) => ({ ...v, instancePath: `${instancePath}${v.instancePath}` }));
  const { value: schema, pointer } = resolve(doc, schemaPointer);
  if (depth < 16 && isObject(schema) && isObject(schema.properties) && isObject(value)) {
    for (const property of Object.keys(schema.properties)) {
      if (!Object.hasOwn(value, property)) continue;
      const at = `${instancePath}/${escapePointer(property)}`;
      const sub = `${pointer}/properties/${escapePointer(property)}`;
      if (taggedBranch(doc, sub, value[property]).kind === "none") continue;
      violations = [...violations.filter((v) => v.instancePath !== at && !v.instancePath.startsWith(`${at}/`)), ...narrowedViolations(doc, validator, sub, value[property], at, depth + 1)];
    }
  }
  return violations;
}

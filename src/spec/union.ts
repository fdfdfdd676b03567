/**
 * Tagged unions in the specs: a `oneOf` whose branches each pin one property with `enum` /
 * `const` (Myaza's `status`, Nyota Imara's record shapes). A body failing such a union makes Ajv
 * report every branch's errors, which buries the one that matters; these helpers find the branch
 * the body selects, so only its errors are reported (by the conformance checker and by the
 * clients' warnings).
 */
import { isObject, jsonEqual } from "../json.js";
import type { OpenApiDocument } from "./load.js";
import type { SchemaViolation, ValidationResult } from "./violations.js";
import { escapePointer, getAtPointer, resolve } from "./walk.js";

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
function unknownTagViolation(instancePath: string, choice: { property: string; allowed: unknown[] }, schemaPath: string): SchemaViolation {
  return { instancePath: `${instancePath}/${escapePointer(choice.property)}`, schemaPath, keyword: "enum", message: "must be equal to one of the allowed values", params: { allowedValues: choice.allowed } };
}

/**
 * What narrowing needs to know about the schema at a pointer, as plain data: the tagged union
 * there (its tag property and each branch's values and plan), and the properties whose schema is
 * a tagged union. Built from the document (`unionPlan`) at run time by the conformance checker,
 * and at build time for the clients (generated/<slug>-client.ts), so both narrow the same way.
 */
export interface UnionPlan {
  /** The schema's pointer as given (what is validated, and the `schemaPath` of an unknown tag). */
  pointer: string;
  /**
   * `disjoint`: no tag value belongs to two branches, so a value whose tag selects a branch fails
   * every other branch on its tag. `exclusive`: disjoint, and the schema is this `oneOf` and
   * nothing else, so such a value is valid exactly when the selected branch's schema accepts it
   * (`exclusiveBranch`).
   */
  union?: { property: string; disjoint?: true; exclusive?: true; branches: { values: unknown[]; plan: UnionPlan }[] };
  /** Properties (own `properties` of the schema) whose schema is a tagged union. */
  properties?: { name: string; plan: UnionPlan }[];
}

const MAX_NARROWING_DEPTH = 16;

/** The narrowing plan of the schema at `schemaPointer` (see `UnionPlan`). */
export function unionPlan(doc: OpenApiDocument, schemaPointer: string, depth = 0): UnionPlan {
  const plan: UnionPlan = { pointer: schemaPointer };
  const tagged = taggedUnion(doc, schemaPointer);
  if (tagged) {
    const branches = tagged.branches.map((b) => ({ values: b.values, plan: unionPlan(doc, b.pointer, depth + 1) }));
    const apart = disjoint(tagged.branches.map((b) => b.values));
    plan.union = { property: tagged.property, ...(apart ? { disjoint: true as const } : {}), ...(apart && onlyOneOf(doc, schemaPointer) ? { exclusive: true as const } : {}), branches };
  }
  const { value: schema, pointer } = resolve(doc, schemaPointer);
  if (depth < MAX_NARROWING_DEPTH && isObject(schema) && isObject(schema.properties)) {
    const properties: { name: string; plan: UnionPlan }[] = [];
    for (const name of Object.keys(schema.properties)) {
      const sub = `${pointer}/properties/${escapePointer(name)}`;
      if (taggedUnion(doc, sub)) properties.push({ name, plan: unionPlan(doc, sub, depth + 1) });
    }
    if (properties.length > 0) plan.properties = properties;
  }
  return plan;
}

/** Keywords that assert nothing (text, OpenAPI's own, `x-` extensions). */
const NON_ASSERTING = new Set(["description", "summary", "title", "example", "examples", "discriminator", "externalDocs", "xml", "deprecated", "readOnly", "writeOnly", "$comment"]);

/** Whether the schema at `schemaPointer`, through its `$ref`s, asserts nothing but its `oneOf`. */
function onlyOneOf(doc: OpenApiDocument, schemaPointer: string): boolean {
  let pointer = schemaPointer;
  for (let hops = 0; hops <= MAX_NARROWING_DEPTH; hops++) {
    const value = getAtPointer(doc, pointer);
    if (!isObject(value)) return false;
    const asserting = Object.keys(value).filter((k) => !NON_ASSERTING.has(k) && !k.startsWith("x-"));
    if (typeof value.$ref === "string") {
      if (asserting.length !== 1 || !value.$ref.startsWith("#")) return false;
      pointer = value.$ref.slice(1);
      continue;
    }
    return asserting.length === 1 && asserting[0] === "oneOf";
  }
  return false;
}

/** No value in two of the lists. */
const disjoint = (lists: readonly (readonly unknown[])[]): boolean => lists.every((values, i) => lists.every((other, j) => j <= i || !values.some((v) => other.some((o) => jsonEqual(v, o)))));

/**
 * The plan of the branch `value` selects when the plan's union is `exclusive` (then that branch's
 * schema alone decides whether `value` is valid), else undefined.
 */
export function exclusiveBranch(plan: UnionPlan, value: unknown): UnionPlan | undefined {
  if (!plan.union?.exclusive) return undefined;
  const choice = choose(plan, value);
  return choice.kind === "selected" ? choice.plan : undefined;
}

/** The tagged `oneOf` at `schemaPointer` (after `$ref`s): its tag property and each branch's pointer and values; undefined if there is none. */
function taggedUnion(doc: OpenApiDocument, schemaPointer: string): { property: string; branches: { pointer: string; values: unknown[] }[] } | undefined {
  const { value: schema, pointer } = resolve(doc, schemaPointer);
  const branches = isObject(schema) ? schema.oneOf : undefined;
  if (!Array.isArray(branches)) return undefined;
  const tags = branches.map((_, i) => tagOf(doc, `${pointer}/oneOf/${i}`));
  const property = tags[0]?.property;
  if (!property || tags.some((t) => t?.property !== property)) return undefined;
  return { property, branches: tags.map((t, i) => ({ pointer: `${pointer}/oneOf/${i}`, values: t!.values })) };
}

const NONE: { kind: "none" } = Object.freeze({ kind: "none" });

/** Which branch of the plan's tagged union `value` selects. */
function choose(plan: UnionPlan, value: unknown): { kind: "none" } | { kind: "selected"; plan: UnionPlan } | { kind: "unknown"; property: string; allowed: unknown[] } {
  const union = plan.union;
  // Without the tag the body selects nothing in particular: every branch's errors stand.
  if (!union || !isObject(value) || !Object.hasOwn(value, union.property)) return NONE;
  const selected = union.branches.find((b) => b.values.some((v) => jsonEqual(v, value[union.property])));
  if (!selected) return { kind: "unknown", property: union.property, allowed: union.branches.flatMap((b) => b.values) };
  return { kind: "selected", plan: selected.plan };
}

/**
 * The violations of `value` against the schema of `plan` (validated by `validate`, given the
 * plan's pointers), with every tagged union on the way (at the top or inside object properties)
 * narrowed to the branch the value selects. `instancePath` prefixes the pointers. A caller that
 * has just validated `value` against `plan.pointer` passes that `result`, so it is not validated twice.
 */
export function narrowByPlan(
  plan: UnionPlan,
  validate: (schemaPointer: string, value: unknown) => ValidationResult,
  value: unknown,
  instancePath = "",
  known?: ValidationResult,
): SchemaViolation[] {
  const choice = choose(plan, value);
  // No validation of the whole union is needed when the tag decides: a tag no branch allows fails
  // every branch, and when no two branches share a tag value, the value can only match the branch
  // it selects, so the union's violations narrow to that branch's (none if it matches).
  if (known === undefined && (choice.kind === "unknown" || (choice.kind === "selected" && plan.union?.disjoint === true))) {
    return choice.kind === "unknown" ? [unknownTagViolation(instancePath, choice, plan.pointer)] : narrowByPlan(choice.plan, validate, value, instancePath);
  }
  const result = known ?? validate(plan.pointer, value);
  if (result.valid) return [];
  if (choice.kind === "unknown") return [unknownTagViolation(instancePath, choice, plan.pointer)];
  if (choice.kind === "selected") return narrowByPlan(choice.plan, validate, value, instancePath);
  // The violations are the caller's own (fresh from `validate`): at the top they need no copy.
  let violations = instancePath === "" ? result.violations : result.violations.map((v) => ({ ...v, instancePath: `${instancePath}${v.instancePath}` }));
  if (plan.properties && isObject(value)) {
    for (const { name, plan: sub } of plan.properties) {
      if (!Object.hasOwn(value, name)) continue;
      if (choose(sub, value[name]).kind === "none") continue;
      const at = `${instancePath}/${escapePointer(name)}`;
      violations = [...violations.filter((v) => v.instancePath !== at && !v.instancePath.startsWith(`${at}/`)), ...narrowByPlan(sub, validate, value[name], at)];
    }
  }
  return violations;
}

/**
 * A JSON Schema inferred from EVERY observed value, not the first: the summary is updated value
 * by value (constant memory per property: counts and the formats still possible, never the values),
 * then read as a schema. `integer` and `number` seen together give `number`; a string format
 * (`date-time`, `date`, `email`, `uri`, `uuid`) only when every string had it; `null` seen makes
 * the type nullable; an object's property is required only when present in every one of at least
 * `minObservations` objects.
 */
import { isObject } from "../json.js";

/** Formats tried on strings, most specific first. */
const FORMATS: readonly [string, RegExp][] = [
  ["date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i],
  ["date", /^\d{4}-\d{2}-\d{2}$/],
  ["uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ["email", /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ["uri", /^[a-z][a-z0-9+.-]*:\/\/\S+$/i],
];

/** Nested objects are summarized this deep; past it a value counts as its type alone. */
const MAX_DEPTH = 4;
/** Properties summarized per object (the rest are counted, not described). */
const MAX_PROPERTIES = 64;

export interface ValueSummary {
  count: number;
  nulls: number;
  strings: number;
  integers: number;
  /** Numbers with a fraction. */
  fractions: number;
  booleans: number;
  objects: number;
  arrays: number;
  /** Formats every string so far had; undefined before the first string. */
  formats?: Set<string>;
  properties?: Map<string, ValueSummary>;
  items?: ValueSummary;
}

export const emptySummary = (): ValueSummary => ({ count: 0, nulls: 0, strings: 0, integers: 0, fractions: 0, booleans: 0, objects: 0, arrays: 0 });

/** Adds one observed value to `summary`. */
export function summarize(summary: ValueSummary, value: unknown, depth = 0): void {
  summary.count++;
  if (value === null) summary.nulls++;
  else if (typeof value === "string") {
    summary.strings++;
    const candidates = summary.formats ?? new Set(FORMATS.map(([name]) => name));
    for (const [name, re] of FORMATS) if (candidates.has(name) && !re.test(value)) candidates.delete(name);
    summary.formats = candidates;
  } else if (typeof value === "number") {
    if (Number.isInteger(value)) summary.integers++;
    else summary.fractions++;
  } else if (typeof value === "boolean") summary.booleans++;
  else if (Array.isArray(value)) {
    summary.arrays++;
    if (depth < MAX_DEPTH) for (const item of value) summarize((summary.items ??= emptySummary()), item, depth + 1);
  } else if (isObject(value)) {
    summary.objects++;
    if (depth >= MAX_DEPTH) return;
    const properties = (summary.properties ??= new Map<string, ValueSummary>());
    for (const [key, v] of Object.entries(value)) {
      let child = properties.get(key);
      if (!child) {
        if (properties.size >= MAX_PROPERTIES) continue;
        properties.set(key, (child = emptySummary()));
      }
      summarize(child, v, depth + 1);
    }
  }
}

/** The JSON Schema type names the summary saw (null excluded), `integer` folded into `number` when both were seen. */
function typesOf(s: ValueSummary): string[] {
  const types: string[] = [];
  if (s.strings) types.push("string");
  if (s.fractions) types.push("number");
  else if (s.integers) types.push("integer");
  if (s.booleans) types.push("boolean");
  if (s.objects) types.push("object");
  if (s.arrays) types.push("array");
  return types;
}

/** The schema `summary` describes. Personal values are never read into it: it holds types and formats only. */
export function schemaOf(summary: ValueSummary, minObservations: number): Record<string, unknown> {
  const types = typesOf(summary);
  const schema: Record<string, unknown> = {};
  const withNull = summary.nulls > 0 ? [...types, "null"] : types;
  if (withNull.length === 1) schema.type = withNull[0];
  else if (withNull.length > 1) schema.type = withNull;
  const format = summary.strings > 0 ? FORMATS.find(([name]) => summary.formats?.has(name))?.[0] : undefined;
  if (format) schema.format = format;
  if (summary.objects > 0 && summary.properties && summary.properties.size > 0) {
    schema.properties = Object.fromEntries([...summary.properties].map(([key, child]) => [key, schemaOf(child, minObservations)]));
    const required = [...summary.properties].filter(([, child]) => isRequired(child.count, summary.objects, minObservations)).map(([key]) => key);
    if (required.length > 0) schema.required = required;
  }
  if (summary.arrays > 0 && summary.items) schema.items = schemaOf(summary.items, minObservations);
  return schema;
}

/** Present in every one of `observed` objects, and those are at least `minObservations`. */
export function isRequired(present: number, observed: number, minObservations: number): boolean {
  return observed >= minObservations && present === observed;
}

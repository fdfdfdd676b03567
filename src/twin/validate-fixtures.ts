/**
 * Checks fixtures: the JSON Schema first (built from the specs), then what the schema cannot
 * express (exactly one trigger per step, one fault kind, references between fields). The first
 * problem becomes one error naming the field and saying what is allowed.
 */
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { providerSlugs, type ProviderSlug } from "../providers.js";
import { specDocument, type OpenApiDocument } from "../spec/load.js";
import { createAjv } from "../spec/validator.js";
import { defaultFixtures } from "./defaults.js";
import type { AnyTwinRecord, TwinFault, TwinFixtureMap, TwinFixtures } from "./fixtures.js";
import { buildFixturesSchema, FIXTURES_SCHEMA_ID } from "./fixtures-schema.js";
import { specView } from "./spec-view.js";
import { recordsSetStatus, statusExample } from "./providers/shared.js";
import { readLifecycle, type Lifecycle } from "../conformance/lifecycle.js";
import { listResponses } from "../spec/walk.js";

export interface FixtureProblem {
  /** Where, e.g. `myaza.records.ver_1.status` (`(file)` for the whole document). */
  field: string;
  /** What is wrong and what is allowed, starting with the field. */
  message: string;
}

export type FixturesCheck = { ok: true; fixtures: TwinFixtureMap } | { ok: false; problem: FixtureProblem };

/**
 * The specs fixtures are checked against, per provider: the specs the twins serve (`--specs DIR`,
 * the `specs` option of createTwin / startTwins); a provider not given is checked against its
 * bundled spec.
 */
export interface CheckFixturesOptions {
  specs?: Partial<Record<ProviderSlug, OpenApiDocument>>;
}

/** What checking one provider's fixtures needs from its spec, built once per spec document. */
interface SpecChecks {
  /** The provider's part of the fixtures schema (its section and $defs). */
  readonly schema: Record<string, unknown>;
  /** The compiled validator at a pointer of `schema` (lazily: a file with one provider compiles its section only). */
  validator(fragment: string): ValidateFunction;
  /** The spec's x-lifecycle of the success response (which status may follow which). */
  readonly lifecycle: Lifecycle | undefined;
}

/** Per spec document (bundled or read from DIR), so two specs of one provider never share a validator. */
const checksByDocument = new WeakMap<OpenApiDocument, SpecChecks>();

const specOf = (slug: ProviderSlug, options: CheckFixturesOptions): OpenApiDocument => options.specs?.[slug] ?? specDocument(slug);

function specChecks(slug: ProviderSlug, doc: OpenApiDocument): SpecChecks {
  const known = checksByDocument.get(doc);
  if (known) return known;
  const schema = buildFixturesSchema({ [slug]: doc });
  const compiled = new Map<string, ValidateFunction>();
  let ajv: ReturnType<typeof createAjv> | undefined;
  const { operation } = specView(slug, doc);
  const ok = listResponses(doc, operation).find((r) => r.status.startsWith("2"));
  const checks: SpecChecks = {
    schema,
    lifecycle: ok ? readLifecycle(doc, ok) : undefined,
    validator(fragment) {
      let fn = compiled.get(fragment);
      if (!fn) {
        if (!ajv) {
          // Unoptimized code compiles in about half the time; fixtures are validated once per start.
          ajv = createAjv({ verbose: true, code: { optimize: false } });
          ajv.addSchema(schema);
        }
        fn = ajv.getSchema(`${FIXTURES_SCHEMA_ID}#${fragment}`);
        if (!fn) throw new Error(`No schema at ${fragment} (twin bug).`);
        compiled.set(fragment, fn);
      }
      return fn;
    },
  };
  checksByDocument.set(doc, checks);
  return checks;
}

/**
 * The fixtures schema (JSON Schema 2020-12) for the bundled specs (what
 * generated/twin-fixtures.schema.json holds), or for `options.specs` where given.
 */
export function fixturesSchema(options: CheckFixturesOptions = {}): Record<string, unknown> {
  return buildFixturesSchema(Object.fromEntries(providerSlugs.map((s) => [s, specOf(s, options)])));
}

/**
 * Validates a whole fixtures document against the specs the twins serve (`options.specs`, else
 * the bundled ones); providers it leaves out get the built-in defaults. Those were written for the
 * bundled specs, so a provider whose spec is given in `options.specs` has its built-in section
 * checked too (a served spec may have dropped a status a built-in record uses).
 */
export function checkFixtures(value: unknown, options: CheckFixturesOptions = {}): FixturesCheck {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, problem: { field: "(the document)", message: `(the document) must be an object with provider sections (${providerSlugs.join(", ")}).` } };
  }
  const allowed = ["$schema", ...providerSlugs];
  const unknown = Object.keys(value).find((k) => !allowed.includes(k));
  if (unknown !== undefined) return { ok: false, problem: { field: unknown, message: `${unknown} is not a known field (allowed: ${allowed.join(", ")}).` } };
  const given = value as TwinFixtures;
  if (given.$schema !== undefined && typeof given.$schema !== "string") return { ok: false, problem: { field: "$schema", message: "$schema must be string." } };
  const slugs = providerSlugs.filter((s) => given[s] !== undefined);
  const builtIn = providerSlugs.filter((s) => given[s] === undefined && options.specs?.[s] !== undefined);
  const merged = { ...defaultFixtures(), ...Object.fromEntries(slugs.map((s) => [s, given[s]])) };
  const problemOf = (slug: ProviderSlug): FixtureProblem | undefined => {
    const fn = specChecks(slug, specOf(slug, options)).validator(`/properties/${slug}`);
    if (!fn(merged[slug])) return describe(fn.errors ?? [], [slug]);
    return semanticProblem(slug, specOf(slug, options), merged);
  };
  for (const slug of slugs) {
    const problem = problemOf(slug);
    if (problem) return { ok: false, problem };
  }
  for (const slug of builtIn) {
    const problem = problemOf(slug);
    if (problem) return { ok: false, problem: { field: problem.field, message: `the built-in ${slug} fixtures do not fit the ${slug} spec served: ${problem.message} Give a ${slug} section in the fixtures, with records that spec allows.` } };
  }
  return { ok: true, fixtures: structuredClone(merged) };
}

/** Validates one record of a provider against `doc`, the spec its twin serves (for `set` and `PUT /__twin/records/{id}`). */
export function checkRecord(slug: ProviderSlug, doc: OpenApiDocument, id: string, record: unknown, fixtures: TwinFixtureMap): FixtureProblem | undefined {
  const checks = specChecks(slug, doc);
  const fn = checks.validator(`/$defs/${slug}-record`);
  const at = [slug, "records", id];
  if (!fn(record)) return describe(fn.errors ?? [], at);
  const keyProblem = recordKeyProblem(slug, checks, id);
  if (keyProblem) return keyProblem;
  return recordProblem(slug, doc, at, record as AnyTwinRecord, fixtures);
}

function recordKeyProblem(slug: ProviderSlug, checks: SpecChecks, id: string): FixtureProblem | undefined {
  // The same key rules the schema applies to `records` as a whole.
  const section = (checks.schema.properties as Record<string, { properties: { records: { propertyNames?: { pattern?: string; not?: { const: string } } } } }>)[slug];
  const names = section?.properties.records.propertyNames;
  const field = fieldName([slug, "records", id]);
  if (names?.pattern !== undefined && !new RegExp(names.pattern).test(id)) return { field, message: `${field}: the id "${id}" must match ${names.pattern}.` };
  if (names?.not?.const === id) return { field, message: `${field}: "${id}" is not a record id (it means the caller).` };
  return undefined;
}

function semanticProblem(slug: ProviderSlug, doc: OpenApiDocument, fixtures: TwinFixtureMap): FixtureProblem | undefined {
  const section = fixtures[slug];
  const faults = faultListProblem(slug, doc, [slug, "faults"], section.faults);
  if (faults) return faults;
  for (const [id, record] of Object.entries(section.records as Record<string, AnyTwinRecord>)) {
    const problem = recordProblem(slug, doc, [slug, "records", id], record, fixtures);
    if (problem) return problem;
  }
  return undefined;
}

function recordProblem(slug: ProviderSlug, doc: OpenApiDocument, at: string[], record: AnyTwinRecord, fixtures: TwinFixtureMap): FixtureProblem | undefined {
  const faults = faultListProblem(slug, doc, [...at, "faults"], record.faults);
  if (faults) return faults;
  const steps = (record.then ?? []) as Record<string, unknown>[];
  for (const [i, step] of steps.entries()) {
    const triggers = ["afterCalls", "afterMs"].filter((k) => step[k] !== undefined);
    if (triggers.length !== 1) {
      const field = fieldName([...at, "then", String(i)]);
      return { field, message: `${field} needs exactly one of afterCalls or afterMs${triggers.length ? ` (it has both)` : ""}.` };
    }
  }
  // Each step's fields replace the fields before it, in order (what a client sees as they trigger).
  const states: Record<string, unknown>[] = [record as Record<string, unknown>];
  for (const step of steps) states.push({ ...states[states.length - 1], then: undefined, ...step });
  const { lifecycle } = specChecks(slug, doc);
  for (const [i, state] of states.entries()) {
    const where = i === 0 ? at : [...at, "then", String(i - 1)];
    const problem = stateProblem(slug, doc, where, state, fixtures);
    if (problem) return problem;
    const before = states[i - 1]?.status;
    const rule = typeof before === "string" ? lifecycle?.rules.get(before) : undefined;
    if (rule && before !== state.status && typeof state.status === "string" && !rule.to.includes(state.status)) {
      const field = fieldName([...where, "status"]);
      const allowed = rule.to.length === 0 ? `${String(before)} is final in the spec` : `the spec allows ${String(before)} → ${rule.to.join(", ")}`;
      return { field, message: `${field}: ${String(before)} → ${state.status} cannot happen (${allowed}: ${rule.source}).` };
    }
  }
  return undefined;
}

/** Checks one state of a record (the record itself, or the record after a step). */
function stateProblem(slug: ProviderSlug, doc: OpenApiDocument, at: string[], state: Record<string, unknown>, fixtures: TwinFixtureMap): FixtureProblem | undefined {
  // A spec (one read with --specs, say) may list a status value it has no example of: the twin would have no body to serve.
  if (recordsSetStatus(slug) && typeof state.status === "string" && statusExample(specView(slug, doc), state.status) === undefined) {
    const field = fieldName([...at, "status"]);
    return { field, message: `${field} is "${state.status}", which the ${slug} spec has no named 200 example of, so the twin has no body to serve: add an example with that status to the spec, or use another status.` };
  }
  if (slug === "btc-direct") {
    const kinds = ["example", "requirements"].filter((k) => state[k] !== undefined);
    if (kinds.length !== 1 && at.length === 3) {
      const field = fieldName(at);
      return { field, message: `${field} needs exactly one of example (a named 200 example of the spec) or requirements (the list BTC Direct sends; [] = verified)${kinds.length ? ", not both" : ""}.` };
    }
  }
  if (slug === "myaza") {
    const organizations = [...new Set(Object.values(fixtures.myaza.keys))];
    if (typeof state.organization === "string" && !organizations.includes(state.organization)) {
      const field = fieldName([...at, "organization"]);
      return { field, message: `${field} is "${state.organization}", which no key in myaza.keys belongs to (organizations: ${organizations.join(", ")}).` };
    }
    const status = String(state.status);
    const view = specView(slug, doc);
    const carriesReason = statusExample(view, status, (v) => typeof (v as { reason?: unknown }).reason === "string") !== undefined;
    if (carriesReason && typeof state.reasonCode === "string" && state.reason === undefined) {
      const known = statusExample(view, status, (v) => (v as { reasonCode?: unknown }).reasonCode === state.reasonCode);
      if (!known) {
        const field = fieldName([...at, "reason"]);
        return { field, message: `${field} is needed: the spec has no ${status} example with reasonCode "${state.reasonCode}" to take the reason text from.` };
      }
    }
  }
  return undefined;
}

function faultListProblem(slug: ProviderSlug, doc: OpenApiDocument, at: string[], faults: readonly TwinFault[] | undefined): FixtureProblem | undefined {
  for (const [i, fault] of (faults ?? []).entries()) {
    const field = fieldName([...at, String(i)]);
    const kinds = (["status", "hang", "reset", "malformed"] as const).filter((k) => fault[k] !== undefined);
    if (kinds.length > 1) return { field, message: `${field} has ${kinds.join(" and ")}: a fault does one of status, hang, reset or malformed (latencyMs may go with any).` };
    if (kinds.length === 0 && fault.latencyMs === undefined) return { field, message: `${field} does nothing: give latencyMs, status, hang, reset or malformed.` };
    if (fault.example !== undefined) {
      if (fault.status === undefined) return { field: `${field}.example`, message: `${field}.example needs a status.` };
      if (specView(slug, doc).statusOfExample(fault.example) !== fault.status) return { field: `${field}.example`, message: `${field}.example "${fault.example}" is not an example of HTTP ${fault.status} in the ${slug} spec.` };
    }
  }
  return undefined;
}

/** `["myaza","records","ver_1","then","0"]` → `myaza.records.ver_1.then[0]`. */
function fieldName(segments: readonly string[]): string {
  return segments.reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), "") || "(the document)";
}

const unescape = (token: string): string => token.replace(/~1/g, "/").replace(/~0/g, "~");

/** The most specific Ajv error, as a sentence. */
function describe(errors: readonly ErrorObject[], prefix: readonly string[]): FixtureProblem {
  const depth = (e: ErrorObject): number => (e.instancePath ? e.instancePath.split("/").length : 0) + (e.keyword === "additionalProperties" || e.keyword === "required" ? 1 : 0);
  const relevant = errors.filter((e) => e.keyword !== "if" && e.keyword !== "propertyNames");
  const error = [...(relevant.length ? relevant : errors)].sort((a, b) => depth(b) - depth(a))[0];
  if (!error) return { field: fieldName(prefix), message: `${fieldName(prefix)} is invalid.` };
  const segments = [...prefix, ...error.instancePath.split("/").slice(1).map(unescape)];
  const field = fieldName(segments);
  const p = error.params as Record<string, unknown>;
  const got = (value: unknown): string => (value === undefined ? "undefined" : JSON.stringify(value).slice(0, 80));
  switch (error.keyword) {
    case "additionalProperties": {
      const name = String(p.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
      return { field: fieldName([...segments, name]), message: `${fieldName([...segments, name])} is not a known field${allowed.length ? ` (allowed: ${allowed.join(", ")})` : ""}.` };
    }
    case "required":
      return { field: fieldName([...segments, String(p.missingProperty)]), message: `${fieldName([...segments, String(p.missingProperty)])} is required.` };
    case "enum":
      return { field, message: `${field} must be one of ${(p.allowedValues as unknown[]).map((v) => got(v)).join(", ")} (got ${got(error.data)}).` };
    case "const":
      return { field, message: `${field} must be ${got(p.allowedValue)} (got ${got(error.data)}).` };
    case "pattern":
      if (error.propertyName !== undefined) {
        const keyField = fieldName([...segments, error.propertyName]);
        return { field: keyField, message: `${keyField}: the key "${error.propertyName}" must match ${String(p.pattern)}.` };
      }
      return { field, message: `${field} must match ${String(p.pattern)} (got ${got(error.data)}).` };
    case "not":
      if (error.propertyName !== undefined) {
        const keyField = fieldName([...segments, error.propertyName]);
        return { field: keyField, message: `${keyField}: "${error.propertyName}" cannot be used as a key here.` };
      }
      return { field, message: `${field} ${error.message ?? "is invalid"}.` };
    case "type":
      return { field, message: `${field} must be ${String(p.type)} (got ${got(error.data)}).` };
    default:
      return { field, message: `${field} ${error.message ?? "is invalid"}${error.data === undefined ? "" : ` (got ${got(error.data)})`}.` };
  }
}

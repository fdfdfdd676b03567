/**
 * Validates one HTTP exchange against a provider's spec: the operation is documented, the
 * status is documented for it, the content type matches, documented headers are present and
 * valid, and the body validates against the schema of that status. Every violation names the
 * check, a JSON pointer, what was expected and what was seen.
 */
import { mediaTypeOf } from "../http/media-type.js";
import { jsonEqual } from "../json.js";
import type { ProviderSlug } from "../providers.js";
import { loadSpec, type OpenApiDocument } from "../spec/load.js";
import { narrowByPlan } from "../spec/union.js";
import { cachedSchemaCompiler, type SchemaViolation, type ValidationResult } from "../spec/validator.js";
import { toViolation, validateWith, type CompiledValidator } from "../spec/violations.js";
import { getAtPointer, listOperations, listResponses, type HttpMethod, type Operation, type ResponseInfo } from "../spec/walk.js";
import { excerpt } from "./excerpt.js";
import { createLifecycleTracker, DEFAULT_LIFECYCLE_IDS, readLifecycle, type Lifecycle } from "./lifecycle.js";

export { DEFAULT_LIFECYCLE_IDS };
import { responsePlan, type HeaderPlan, type MediaPlan, type ResponsePlan } from "./response-plan.js";
import { createSemanticChecks, pathMatcher, semanticCheckNames, type SemanticCheckName, type SemanticInput, type SemanticOptions } from "./semantic.js";

export type CheckName =
  | "operation-documented"
  | "status-documented"
  | "content-type"
  | "header-present"
  | "header-valid"
  | "body-present"
  | "body-json"
  | "body-schema"
  | SemanticCheckName
  | "lifecycle-transition";

export interface Violation {
  check: CheckName;
  /** JSON pointer: into the response body for body checks, `/headers/<name>` for headers, `""` otherwise. */
  pointer: string;
  expected: string;
  actual: string;
  message: string;
}

/** One line per violation, as the conformance suite and the vitest matcher print it: `✗ [check] at pointer: expected …, got …. message`. */
export const describeViolation = (v: Violation): string => `✗ [${v.check}] at ${v.pointer || "(response)"}: expected ${v.expected}, got ${v.actual}. ${v.message}`;

/** One request and the response it got, as seen on the wire. */
export interface Exchange {
  method: string;
  /** Request path as sent, e.g. `/api/kyc/status/ver_123` (query string allowed). */
  path: string;
  status: number;
  headers: Headers | Readonly<Record<string, string>>;
  /** Raw response body text ("" when empty). */
  body: string;
  /** Time from sending the request to the end of the response body, when measured. */
  durationMs?: number;
  /** How lifecycle findings name this exchange (default `exchange N`, N counting this checker's exchanges). */
  label?: string;
}

export interface CheckResult {
  /** No violation (warnings and contradictions of spec decisions do not fail an exchange). */
  ok: boolean;
  violations: Violation[];
  /** Responses that contradict an assumption the spec made (see semantic.ts); not failures. */
  contradictions: Violation[];
  /** Worth knowing, not failures (e.g. an unknown Myaza reasonCode). */
  warnings: Violation[];
  /** Decoded path parameters of the request, when the operation matched. */
  pathParams?: Record<string, string>;
  /** The parsed JSON body, when it parsed. */
  body?: unknown;
  /** The operation and documented response the exchange matched, when it did. */
  operation?: { method: HttpMethod; path: string; operationId: string | undefined };
  documentedStatus?: string;
  /** Named example the body equals exactly (mock targets serve them verbatim). */
  matchedExample?: string;
}

/** What a run exercised, for the coverage line. */
export interface Coverage {
  statuses: { documented: string[]; seen: string[] };
  examples: { documented: string[]; seen: string[] };
}

export interface ConformanceChecker {
  readonly provider: ProviderSlug;
  readonly spec: OpenApiDocument;
  check(exchange: Exchange): CheckResult;
  coverage(): Coverage;
  /** How many ids' lifecycle state was forgotten (least recently seen first) to stay within `lifecycleIds`. */
  forgottenIds(): number;
}

export interface CheckerOptions extends SemanticOptions {
  /**
   * Check that successive observations of one id follow the spec's `x-lifecycle` transitions
   * (default true). Off against Prism mocks, which serve any example for any id.
   */
  lifecycle?: boolean;
  /**
   * Most ids whose last status is remembered for the lifecycle check (default
   * {@link DEFAULT_LIFECYCLE_IDS}); past it the least recently seen id is forgotten and counted,
   * so a long session's memory stays flat.
   */
  lifecycleIds?: number;
}

const SCHEMA_CHECKS: readonly CheckName[] = ["operation-documented", "status-documented", "content-type", "header-present", "header-valid", "body-present", "body-json", "body-schema"];

/** Every check a checker with these options applies to a provider's exchanges (for reports that list them). */
export function appliedChecks(provider: ProviderSlug, options: CheckerOptions = {}): CheckName[] {
  return [...SCHEMA_CHECKS, ...semanticCheckNames(provider, options), ...(options.lifecycle === false ? [] : (["lifecycle-transition"] as const))];
}

export async function createConformanceChecker(provider: ProviderSlug, options: CheckerOptions = {}): Promise<ConformanceChecker> {
  return createCheckerForSpec(provider, await loadSpec(provider), options);
}

export function createCheckerForSpec(provider: ProviderSlug, spec: OpenApiDocument, options: CheckerOptions = {}): ConformanceChecker {
  const compiled = cachedSchemaCompiler(spec);
  const validate = (schemaPointer: string, value: unknown): ValidationResult => validateWith(compiled(schemaPointer), value);
  const semantic = createSemanticChecks(provider, spec, options);
  const tracker = createLifecycleTracker(options.lifecycleIds);
  let observations = 0;
  const seenStatuses = new Set<string>();
  const seenExamples = new Set<string>();
  // Coverage keys are built once per operation, status and example, not on every exchange.
  const keys = new Map<Operation, Map<string, string>>();
  const key = (op: Operation, status: string, example?: string): string => {
    let forOp = keys.get(op);
    if (!forOp) keys.set(op, (forOp = new Map<string, string>()));
    const id = example === undefined ? status : `${status}\u0000${example}`;
    let k = forOp.get(id);
    if (k === undefined) forOp.set(id, (k = `${op.method.toUpperCase()} ${op.path} ${status}${example ? ` ${example}` : ""}`));
    return k;
  };
  const operations = listOperations(spec).map((op): OperationEntry => {
    const responses = listResponses(spec, op);
    const success = responses.find((r) => /^2\d\d$/.test(r.status));
    // Each status's plan is made the first time it is seen (null: undocumented).
    const plans = new Map<number, ResponsePlan | null>();
    return {
      op,
      responses,
      match: pathMatcher(op.path),
      lifecycle: options.lifecycle === false || !success ? undefined : readLifecycle(spec, success),
      planFor(status) {
        let plan = plans.get(status);
        if (plan === undefined) {
          const response = documentedResponse(responses, status);
          plan = response ? responsePlan(spec, compiled, response, (example) => key(op, response.status, example)) : null;
          plans.set(status, plan);
        }
        return plan ?? undefined;
      },
    };
  });
  // The operations of each method, in document order, under the method as usually sent (`GET`) and lower-cased.
  const byMethod = new Map<string, OperationEntry[]>();
  for (const entry of operations) {
    for (const m of [entry.op.method, entry.op.method.toUpperCase()]) {
      let list = byMethod.get(m);
      if (!list) byMethod.set(m, (list = []));
      list.push(entry);
    }
  }

  return {
    provider,
    spec,
    check(exchange) {
      const pathOnly = withoutQuery(exchange.path);
      const candidates = byMethod.get(exchange.method) ?? byMethod.get(exchange.method.toLowerCase());
      let found: OperationEntry | undefined;
      let pathParams: Record<string, string> | undefined;
      if (candidates) {
        for (const entry of candidates) {
          pathParams = entry.match(pathOnly);
          if (pathParams) {
            found = entry;
            break;
          }
        }
      }
      if (!found || !pathParams) {
        return fail([
          violation("operation-documented", "", `one of: ${operations.map((o) => `${o.op.method.toUpperCase()} ${o.op.path}`).join(", ")}`, `${exchange.method.toUpperCase()} ${pathOnly}`, "The request does not match any documented operation."),
        ]);
      }
      const { op, responses } = found;
      const operation = { method: op.method, path: op.path, operationId: op.operationId };
      const plan = found.planFor(exchange.status);
      if (!plan) {
        return {
          ...fail([
            violation(
              "status-documented",
              "",
              `one of ${responses.map((r) => r.status).join(", ")}`,
              String(exchange.status),
              `HTTP ${exchange.status} is not documented for ${op.method.toUpperCase()} ${op.path}.`,
            ),
          ]),
          operation,
        };
      }
      const { response } = plan;
      if (!plan.seen) {
        plan.seen = true;
        seenStatuses.add(plan.statusKey);
      }
      const violations: Violation[] = [];
      // instanceof is not free: tested once per exchange, not per header read.
      const fetchHeaders = exchange.headers instanceof Headers ? exchange.headers : undefined;
      checkHeaders(plan, exchange.headers, fetchHeaders, violations);
      const before = violations.length;
      const media = plan.media.length === 0 ? undefined : plan.mediaFor(headerValue(exchange.headers, fetchHeaders, "content-type", "Content-Type", "content-type"));
      const parsed = checkBody(plan, media, validate, exchange, fetchHeaders, violations);
      let matchedExample: string | undefined;
      if (parsed !== undefined && media) {
        const index = matchingExample(media, exchange.body, parsed, violations.length > before);
        matchedExample = index < 0 ? undefined : media.info.examples[index]!.name;
        if (matchedExample && !media.seenExamples[index]) {
          media.seenExamples[index] = true;
          seenExamples.add(media.exampleKeys[index]!);
        }
      }
      observations++;
      // Only a body that passed the schema is a trustworthy observation of the status.
      if (found.lifecycle && exchange.status >= 200 && exchange.status < 300 && parsed !== undefined && violations.length === before) {
        const broken = tracker.observe(`${op.method.toUpperCase()} ${pathOnly}`, found.lifecycle, parsed, exchange.label ?? `exchange ${observations}`);
        if (broken) violations.push(broken);
      }
      const result: CheckResult = { ok: false, violations, contradictions: [], warnings: [], operation, pathParams };
      const input: SemanticInput = { status: exchange.status, pathParams, response, body: parsed };
      if (exchange.durationMs !== undefined) input.durationMs = exchange.durationMs;
      // The semantic checks add to the result's own lists (no list of findings to sort afterwards).
      semantic(input, result);
      result.ok = violations.length === 0;
      if (parsed !== undefined) result.body = parsed;
      result.documentedStatus = response.status;
      if (matchedExample) result.matchedExample = matchedExample;
      return result;
    },
    forgottenIds: () => tracker.forgotten,
    coverage() {
      const documentedStatuses = operations.flatMap((o) => o.responses.map((r) => key(o.op, r.status)));
      const documentedExamples = operations.flatMap((o) => o.responses.flatMap((r) => r.media.flatMap((m) => m.examples.map((e) => key(o.op, r.status, e.name)))));
      return {
        statuses: { documented: documentedStatuses, seen: documentedStatuses.filter((s) => seenStatuses.has(s)) },
        examples: { documented: documentedExamples, seen: documentedExamples.filter((e) => seenExamples.has(e)) },
      };
    },
  };
}

interface OperationEntry {
  op: Operation;
  responses: ResponseInfo[];
  match: (path: string) => Record<string, string> | undefined;
  lifecycle: Lifecycle | undefined;
  /** The plan of the response documented for `status` (exact, range, default), if any. */
  planFor(status: number): ResponsePlan | undefined;
}

/** The path without its query string or fragment. */
function withoutQuery(path: string): string {
  const query = path.indexOf("?");
  const hash = path.indexOf("#");
  const cut = query < 0 ? hash : hash < 0 ? query : Math.min(query, hash);
  return cut < 0 ? path : path.slice(0, cut);
}

/**
 * The index of the named example of `media` equal to the body (as text or, failing that, as
 * JSON), or -1. A body the schema rejected can only equal an example the schema rejects too.
 */
function matchingExample(media: MediaPlan, text: string, parsed: unknown, rejected: boolean): number {
  const candidates = rejected && media.schema ? media.schema.rejectedExamples() : media.info.examples;
  if (candidates.length === 0) return -1;
  const exact = media.exampleByText.get(text);
  if (exact !== undefined) return exact;
  const { examples } = media.info;
  for (const e of candidates) if (jsonEqual(e.value, parsed)) return examples.indexOf(e);
  return -1;
}

function fail(violations: Violation[]): CheckResult {
  return { ok: false, violations, contradictions: [], warnings: [] };
}

function violation(check: CheckName, pointer: string, expected: string, actual: string, message: string): Violation {
  return { check, pointer, expected, actual, message };
}

/** Exact status first, then its range (`4XX`), then `default`. */
function documentedResponse(responses: ResponseInfo[], status: number): ResponseInfo | undefined {
  const code = String(status);
  return responses.find((r) => r.status === code) ?? responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`) ?? responses.find((r) => r.status === "default");
}

/**
 * A header's value, any case of its name. A plain object is tried with the name as given and in
 * its usual spelling (`Content-Type`) before it is scanned, so the usual exchange costs no scan.
 */
function headerValue(all: Exchange["headers"], fetchHeaders: Headers | undefined, name: string, canonical: string, lower: string): string | null {
  if (fetchHeaders) return fetchHeaders.get(name);
  // Not a Headers: the caller tested it (`fetchHeaders` is it when it is one).
  const headers = all as Readonly<Record<string, string>>;
  if (Object.hasOwn(headers, name)) return headers[name]!;
  if (Object.hasOwn(headers, canonical)) return headers[canonical]!;
  for (const k in headers) if (Object.hasOwn(headers, k) && k.toLowerCase() === lower) return headers[k]!;
  return null;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Header values arrive as text; coerce them to the schema's type before validating. */
function coerceHeader(header: HeaderPlan, raw: string): unknown {
  if (header.numeric && NUMBER.test(raw.trim())) return Number(raw.trim());
  if (header.boolean && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

function checkHeaders(plan: ResponsePlan, headers: Exchange["headers"], fetchHeaders: Headers | undefined, out: Violation[]): void {
  for (const header of plan.headers) {
    const raw = headerValue(headers, fetchHeaders, header.name, header.canonical, header.lower);
    if (raw === null) {
      if (header.required) out.push(violation("header-present", header.pointer, `header ${header.name}`, "absent", `Documented header ${header.name} is missing from the ${plan.response.status} response.`));
      continue;
    }
    if (!header.schema) continue;
    const result = validateWith(header.schema(), coerceHeader(header, raw));
    if (!result.valid) {
      for (const v of result.violations) out.push(violation("header-valid", header.pointer, expectation(v), JSON.stringify(raw), `Header ${header.name}: ${v.message}.`));
    }
  }
}

/**
 * Checks the body of `exchange` against `plan` (`media`: the documented media type its
 * Content-Type matched), adding its violations to `out`; the parsed JSON, when it parsed.
 */
function checkBody(
  plan: ResponsePlan,
  media: MediaPlan | undefined,
  validate: (schemaPointer: string, value: unknown) => ValidationResult,
  exchange: Exchange,
  fetchHeaders: Headers | undefined,
  out: Violation[],
): unknown {
  const { response } = plan;
  if (plan.media.length === 0) return undefined;
  if (exchange.body.length === 0) {
    out.push(violation("body-present", "", `a ${plan.documentedTypes} body`, "empty body", `The ${response.status} response has no body, but the spec documents one.`));
    return undefined;
  }
  if (!media) {
    const essence = mediaTypeOf(headerValue(exchange.headers, fetchHeaders, "content-type", "Content-Type", "content-type"));
    out.push(violation("content-type", "/headers/content-type", plan.documentedTypes, essence || "(none)", `Content-Type ${essence || "(none)"} is not documented for ${response.status}.`));
    return undefined;
  }
  if (!media.json) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(exchange.body);
  } catch (error) {
    out.push(violation("body-json", "", "valid JSON", excerpt(exchange.body), `The body is not valid JSON: ${(error as Error).message}.`));
    return undefined;
  }
  const { schema } = media;
  if (!schema) return parsed;
  const fn = schema.validate();
  if (fn(parsed)) return parsed;
  const narrowing = schema.union();
  // Tagged unions (Myaza's status, Nyota Imara's record shapes) report the selected branch's errors
  // only; a schema without one reports Ajv's errors as they are (no narrowing to go through).
  const found = narrowing.union || narrowing.properties ? narrowByPlan(narrowing, validate, parsed, "", validateWithErrors(fn)) : (fn.errors ?? []).map(toViolation);
  for (const v of found) {
    out.push(violation("body-schema", v.instancePath, expectation(v), excerpt(jsonText(getAtPointer(parsed, v.instancePath))), `${v.instancePath || "(body)"} ${v.message}.`));
  }
  return parsed;
}

/** The failed result of `fn`'s last validation, as `validateWith` gives it. */
function validateWithErrors(fn: CompiledValidator): ValidationResult {
  return { valid: false, violations: (fn.errors ?? []).map(toViolation) };
}

/** A value as JSON text; "undefined" where JSON has no text for it. */
function jsonText(value: unknown): string {
  if (value === undefined) return "undefined";
  // A finite number's JSON text is its string, which is much cheaper to make than through JSON.stringify.
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

/** A short statement of what the schema wanted, from an Ajv violation. */
function expectation(v: SchemaViolation): string {
  const p = v.params;
  switch (v.keyword) {
    case "enum":
      return `one of ${JSON.stringify(p.allowedValues)}`;
    case "const":
      return JSON.stringify(p.allowedValue);
    case "required":
      return `property "${String(p.missingProperty)}"`;
    case "type":
      return `type ${String(p.type)}`;
    case "format":
      return `format ${String(p.format)}`;
    case "pattern":
      return `pattern ${String(p.pattern)}`;
    default:
      return `${v.keyword} (${v.schemaPath})`;
  }
}

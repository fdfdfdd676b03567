/**
 * Validates one HTTP exchange against a provider's spec: the operation is documented, the
 * status is documented for it, the content type matches, documented headers are present and
 * valid, and the body validates against the schema of that status. Every violation names the
 * check, a JSON pointer, what was expected and what was seen.
 */
import { mediaTypeMatches, mediaTypeOf } from "../http/media-type.js";
import { jsonEqual } from "../json.js";
import type { ProviderSlug } from "../providers.js";
import { loadSpec, type OpenApiDocument } from "../spec/load.js";
import { createSpecValidator, type SchemaViolation, type SpecValidator } from "../spec/validator.js";
import { narrowedViolations } from "../spec/union.js";
import { getAtPointer, listOperations, listResponses, type HttpMethod, type MediaTypeInfo, type Operation, type ResponseInfo } from "../spec/walk.js";
import { excerpt } from "./excerpt.js";
import { createLifecycleTracker, readLifecycle } from "./lifecycle.js";
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
}

const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json$/i;
const jsonMedia = new Map<string, boolean>();
/** Whether a documented media type (or range: `application/*`) is JSON, remembered per type. */
const isJsonMedia = (mediaType: string): boolean => {
  let json = jsonMedia.get(mediaType);
  if (json === undefined) jsonMedia.set(mediaType, (json = JSON_MEDIA.test(mediaType.replace("*", "json"))));
  return json;
};

export interface CheckerOptions extends SemanticOptions {
  /**
   * Check that successive observations of one id follow the spec's `x-lifecycle` transitions
   * (default true). Off against Prism mocks, which serve any example for any id.
   */
  lifecycle?: boolean;
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
  const validator = createSpecValidator(spec);
  const semantic = createSemanticChecks(provider, spec, options);
  const operations = listOperations(spec).map((op) => {
    const responses = listResponses(spec, op);
    const success = responses.find((r) => /^2\d\d$/.test(r.status));
    return { op, responses, match: pathMatcher(op.path), lifecycle: options.lifecycle === false || !success ? undefined : readLifecycle(spec, success) };
  });
  const tracker = createLifecycleTracker();
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

  return {
    provider,
    spec,
    check(exchange) {
      const method = exchange.method.toLowerCase();
      const cut = exchange.path.search(/[?#]/);
      const pathOnly = cut < 0 ? exchange.path : exchange.path.slice(0, cut);
      let pathParams: Record<string, string> | undefined;
      const found = operations.find((o) => o.op.method === method && (pathParams = o.match(pathOnly)) !== undefined);
      if (!found || !pathParams) {
        return fail([
          violation("operation-documented", "", `one of: ${operations.map((o) => `${o.op.method.toUpperCase()} ${o.op.path}`).join(", ")}`, `${exchange.method.toUpperCase()} ${pathOnly}`, "The request does not match any documented operation."),
        ]);
      }
      const { op, responses } = found;
      const operation = { method: op.method, path: op.path, operationId: op.operationId };
      const response = documentedResponse(responses, exchange.status);
      if (!response) {
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
      seenStatuses.add(key(op, response.status));
      const violations: Violation[] = [...checkHeaders(spec, validator, response, exchange.headers)];
      const body = checkBody(spec, validator, response, exchange);
      violations.push(...body.violations);
      let matchedExample: string | undefined;
      if (body.parsed !== undefined) {
        matchedExample = matchingExample(body.media, exchange.body, body.parsed);
        if (matchedExample) seenExamples.add(key(op, response.status, matchedExample));
      }
      observations++;
      // Only a body that passed the schema is a trustworthy observation of the status.
      if (found.lifecycle && exchange.status >= 200 && exchange.status < 300 && body.parsed !== undefined && body.violations.length === 0) {
        const broken = tracker.observe(`${op.method.toUpperCase()} ${pathOnly}`, found.lifecycle, body.parsed, `exchange ${observations}`);
        if (broken) violations.push(broken);
      }
      const contradictions: Violation[] = [];
      const warnings: Violation[] = [];
      const input: SemanticInput = { status: exchange.status, pathParams, response, body: body.parsed };
      if (exchange.durationMs !== undefined) input.durationMs = exchange.durationMs;
      for (const { severity, ...f } of semantic(input)) {
        (severity === "violation" ? violations : severity === "contradiction" ? contradictions : warnings).push(f);
      }
      const result: CheckResult = { ok: violations.length === 0, violations, contradictions, warnings, operation, pathParams };
      if (body.parsed !== undefined) result.body = body.parsed;
      result.documentedStatus = response.status;
      if (matchedExample) result.matchedExample = matchedExample;
      return result;
    },
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

/** Each example's JSON text, made once: a body sent as the example's exact text matches without a deep comparison. */
const exampleTexts = new WeakMap<MediaTypeInfo, string[]>();

/** The named example of `media` equal to the body (as text or, failing that, as JSON), if any. */
function matchingExample(media: MediaTypeInfo | undefined, text: string, parsed: unknown): string | undefined {
  if (!media) return undefined;
  let texts = exampleTexts.get(media);
  if (!texts) exampleTexts.set(media, (texts = media.examples.map((e) => (e.value === undefined ? "" : JSON.stringify(e.value)))));
  const exact = texts.indexOf(text);
  if (exact >= 0) return media.examples[exact]!.name;
  return media.examples.find((e) => jsonEqual(e.value, parsed))?.name;
}

/** The media types a response documents, for messages. */
function documentedTypes(response: ResponseInfo): string {
  return response.media.map((m) => m.mediaType).join(" or ");
}

function fail(violations: Violation[]): CheckResult {
  return { ok: false, violations, contradictions: [], warnings: [] };
}

function violation(check: CheckName, pointer: string, expected: string, actual: string, message: string): Violation {
  return { check, pointer, expected, actual, message };
}

/** Each operation's answer per status code, found once (null: undocumented). */
const responseByStatus = new WeakMap<ResponseInfo[], Map<number, ResponseInfo | null>>();

/** Exact status first, then its range (`4XX`), then `default`. */
function documentedResponse(responses: ResponseInfo[], status: number): ResponseInfo | undefined {
  let cache = responseByStatus.get(responses);
  if (!cache) responseByStatus.set(responses, (cache = new Map<number, ResponseInfo | null>()));
  let found = cache.get(status);
  if (found === undefined) {
    const code = String(status);
    found = responses.find((r) => r.status === code) ?? responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`) ?? responses.find((r) => r.status === "default") ?? null;
    cache.set(status, found);
  }
  return found ?? undefined;
}

/** `content-type` → `Content-Type`, remembered per name. */
const canonicalNames = new Map<string, string>();
const canonicalName = (name: string): string => {
  let canonical = canonicalNames.get(name);
  if (canonical === undefined) canonicalNames.set(name, (canonical = name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())));
  return canonical;
};

/**
 * A header's value, any case of its name. A plain object is tried with the name as given and in
 * its usual spelling (`Content-Type`) before it is scanned, so the usual exchange costs no scan.
 */
function headerValue(headers: Exchange["headers"], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  if (Object.hasOwn(headers, name)) return headers[name]!;
  const canonical = canonicalName(name);
  if (Object.hasOwn(headers, canonical)) return headers[canonical]!;
  const wanted = name.toLowerCase();
  for (const k in headers) if (Object.hasOwn(headers, k) && k.toLowerCase() === wanted) return headers[k]!;
  return null;
}

/** Which types a header schema allows besides text, read once per schema (not on every exchange). */
const headerTypes = new WeakMap<OpenApiDocument, Map<string, { numeric: boolean; boolean: boolean }>>();

/** Header values arrive as text; coerce them to the schema's type before validating. */
function coerceHeader(spec: OpenApiDocument, schemaPointer: string, raw: string): unknown {
  let cache = headerTypes.get(spec);
  if (!cache) headerTypes.set(spec, (cache = new Map<string, { numeric: boolean; boolean: boolean }>()));
  let types = cache.get(schemaPointer);
  if (!types) {
    const schema = getAtPointer(spec, schemaPointer) as { type?: unknown } | undefined;
    const list: unknown[] = Array.isArray(schema?.type) ? schema.type : [schema?.type];
    types = { numeric: list.includes("integer") || list.includes("number"), boolean: list.includes("boolean") };
    cache.set(schemaPointer, types);
  }
  if (types.numeric && /^-?\d+(\.\d+)?$/.test(raw.trim())) return Number(raw.trim());
  if (types.boolean && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

function checkHeaders(spec: OpenApiDocument, validator: SpecValidator, response: ResponseInfo, headers: Exchange["headers"]): Violation[] {
  const out: Violation[] = [];
  for (const header of response.headers) {
    const raw = headerValue(headers, header.name);
    if (raw === null) {
      if (header.required) out.push(violation("header-present", `/headers/${header.name}`, `header ${header.name}`, "absent", `Documented header ${header.name} is missing from the ${response.status} response.`));
      continue;
    }
    if (!header.schemaPointer) continue;
    const result = validator.validate(header.schemaPointer, coerceHeader(spec, header.schemaPointer, raw));
    if (!result.valid) {
      for (const v of result.violations) out.push(violation("header-valid", `/headers/${header.name}`, expectation(v), JSON.stringify(raw), `Header ${header.name}: ${v.message}.`));
    }
  }
  return out;
}

function checkBody(
  spec: OpenApiDocument,
  validator: SpecValidator,
  response: ResponseInfo,
  exchange: Exchange,
): { violations: Violation[]; parsed?: unknown; media?: ResponseInfo["media"][number] } {
  if (response.media.length === 0) return { violations: [] };
  const contentType = mediaTypeOf(headerValue(exchange.headers, "content-type"));
  const media = response.media.find((m) => mediaTypeMatches(m.mediaType, contentType));
  if (exchange.body.length === 0) {
    return { violations: [violation("body-present", "", `a ${documentedTypes(response)} body`, "empty body", `The ${response.status} response has no body, but the spec documents one.`)] };
  }
  if (!media) {
    return {
      violations: [violation("content-type", "/headers/content-type", documentedTypes(response), contentType || "(none)", `Content-Type ${contentType || "(none)"} is not documented for ${response.status}.`)],
    };
  }
  if (!isJsonMedia(media.mediaType)) return { violations: [], media };
  let parsed: unknown;
  try {
    parsed = JSON.parse(exchange.body);
  } catch (error) {
    return { violations: [violation("body-json", "", "valid JSON", excerpt(exchange.body), `The body is not valid JSON: ${(error as Error).message}.`)], media };
  }
  if (!media.schemaPointer) return { violations: [], parsed, media };
  const result = validator.validate(media.schemaPointer, parsed);
  if (result.valid) return { violations: [], parsed, media };
  // Tagged unions (Myaza's status, Nyota Imara's record shapes) report the selected branch's errors only.
  const schemaViolations = narrowedViolations(spec, validator, media.schemaPointer, parsed);
  return {
    violations: schemaViolations.map((v) =>
      violation("body-schema", v.instancePath, expectation(v), excerpt(jsonText(getAtPointer(parsed, v.instancePath))), `${v.instancePath || "(body)"} ${v.message}.`),
    ),
    parsed,
    media,
  };
}

/** A value as JSON text; "undefined" where JSON has no text for it. */
function jsonText(value: unknown): string {
  return value === undefined ? "undefined" : JSON.stringify(value);
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

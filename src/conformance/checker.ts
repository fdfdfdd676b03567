/**
 * Validates one HTTP exchange against a provider's spec: the operation is documented, the
 * status is documented for it, the content type matches, documented headers are present and
 * valid, and the body validates against the schema of that status. Every violation names the
 * check, a JSON pointer, what was expected and what was seen.
 */
import { isDeepStrictEqual } from "node:util";
import { mediaTypeMatches, mediaTypeOf } from "../http/media-type.js";
import type { ProviderSlug } from "../providers.js";
import { loadSpec, type OpenApiDocument } from "../spec/load.js";
import { createSpecValidator, type SchemaViolation, type SpecValidator } from "../spec/validator.js";
import { narrowedViolations } from "../spec/union.js";
import { getAtPointer, listOperations, listResponses, type HttpMethod, type Operation, type ResponseInfo } from "../spec/walk.js";
import { excerpt } from "./excerpt.js";
import { createLifecycleTracker, readLifecycle } from "./lifecycle.js";
import { createSemanticChecks, pathMatcher, semanticCheckNames, type SemanticCheckName, type SemanticOptions } from "./semantic.js";

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
  const key = (op: Operation, status: string, example?: string): string => `${op.method.toUpperCase()} ${op.path} ${status}${example ? ` ${example}` : ""}`;

  return {
    provider,
    spec,
    check(exchange) {
      const method = exchange.method.toLowerCase();
      const pathOnly = exchange.path.split(/[?#]/)[0] ?? "";
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
        matchedExample = body.media?.examples.find((e) => isDeepStrictEqual(e.value, body.parsed))?.name;
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
      for (const { severity, ...f } of semantic({ status: exchange.status, pathParams, response, body: body.parsed, ...(exchange.durationMs === undefined ? {} : { durationMs: exchange.durationMs }) })) {
        (severity === "violation" ? violations : severity === "contradiction" ? contradictions : warnings).push(f);
      }
      return {
        ok: violations.length === 0,
        violations,
        contradictions,
        warnings,
        operation,
        pathParams,
        ...(body.parsed === undefined ? {} : { body: body.parsed }),
        documentedStatus: response.status,
        ...(matchedExample ? { matchedExample } : {}),
      };
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

function fail(violations: Violation[]): CheckResult {
  return { ok: false, violations, contradictions: [], warnings: [] };
}

function violation(check: CheckName, pointer: string, expected: string, actual: string, message: string): Violation {
  return { check, pointer, expected, actual, message };
}

/** Exact status first, then its range (`4XX`), then `default`. */
function documentedResponse(responses: ResponseInfo[], status: number): ResponseInfo | undefined {
  return (
    responses.find((r) => r.status === String(status)) ??
    responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`) ??
    responses.find((r) => r.status === "default")
  );
}

function headerValue(headers: Exchange["headers"], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted) return v;
  return null;
}

/** Header values arrive as text; coerce them to the schema's type before validating. */
function coerceHeader(spec: OpenApiDocument, schemaPointer: string, raw: string): unknown {
  const schema = getAtPointer(spec, schemaPointer) as { type?: unknown } | undefined;
  const types = Array.isArray(schema?.type) ? schema.type : [schema?.type];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(raw.trim())) return Number(raw.trim());
  if (types.includes("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

function checkHeaders(spec: OpenApiDocument, validator: SpecValidator, response: ResponseInfo, headers: Exchange["headers"]): Violation[] {
  const out: Violation[] = [];
  for (const header of response.headers) {
    const raw = headerValue(headers, header.name);
    const pointer = `/headers/${header.name}`;
    if (raw === null) {
      if (header.required) out.push(violation("header-present", pointer, `header ${header.name}`, "absent", `Documented header ${header.name} is missing from the ${response.status} response.`));
      continue;
    }
    if (!header.schemaPointer) continue;
    const result = validator.validate(header.schemaPointer, coerceHeader(spec, header.schemaPointer, raw));
    if (!result.valid) {
      for (const v of result.violations) out.push(violation("header-valid", pointer, expectation(v), JSON.stringify(raw), `Header ${header.name}: ${v.message}.`));
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
  const documented = response.media.map((m) => m.mediaType);
  const media = response.media.find((m) => mediaTypeMatches(m.mediaType, contentType));
  if (exchange.body.length === 0) {
    return { violations: [violation("body-present", "", `a ${documented.join(" or ")} body`, "empty body", `The ${response.status} response has no body, but the spec documents one.`)] };
  }
  if (!media) {
    return {
      violations: [violation("content-type", "/headers/content-type", documented.join(" or "), contentType || "(none)", `Content-Type ${contentType || "(none)"} is not documented for ${response.status}.`)],
    };
  }
  if (!JSON_MEDIA.test(media.mediaType.replace("*", "json"))) return { violations: [], media };
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

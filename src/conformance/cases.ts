/**
 * The conformance cases for one provider: which requests to send and what the response must
 * be beyond passing every check of the checker. Requests and expectations are derived from the
 * spec (operation, path parameter, security schemes, named examples) and the target config.
 */
import { isDeepStrictEqual } from "node:util";
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { listScenarios } from "../spec/scenarios.js";
import { credentialHeaders } from "../spec/security.js";
import type { Operation } from "../spec/walk.js";
import type { Exchange } from "./checker.js";
import type { OutgoingRequest } from "./exchange.js";
import { excerpt } from "./excerpt.js";
import { lookalike, targetConfig, type TargetKind, type TargetValues } from "./target.js";

/** Expectations of a case, beyond the checker's checks. */
export type CaseCheck = "success" | "auth-enforced" | "client-error" | "not-found" | "example-served";

export interface CaseFailure {
  check: CaseCheck;
  expected: string;
  actual: string;
  message: string;
}

export interface ConformanceCase {
  title: string;
  /** Only meaningful against these kinds of target; the others report the case as skipped with `skipReason`. */
  only?: readonly TargetKind[];
  skipReason?: string;
  request: OutgoingRequest;
  /** False when the case asks the target for a 429 (a named example), so it is not waited out. */
  rateLimitIsInconclusive: boolean;
  expect(exchange: Exchange): CaseFailure[];
}

const MOCK_CANNOT_JUDGE = "a Prism mock checks that credentials are present, not which credentials or ids exist; run against the twins (--engine twin) or a live target (--base-url) for this case";
/** Cases that need a target which knows credentials and records. */
const STATEFUL: readonly TargetKind[] = ["live", "twin"];
/** Cases that need Prism's `Prefer` header (the twins honour it too). */
const SERVES_EXAMPLES: readonly TargetKind[] = ["mock", "twin"];

export function planCases(slug: ProviderSlug, spec: OpenApiDocument, op: Operation, values: TargetValues): ConformanceCase[] {
  const config = targetConfig[slug];
  const subject = config.subject;
  const withSubject = (id: string | undefined, credentials: Record<string, string>): OutgoingRequest => ({
    method: "GET",
    path: subject.in === "path" ? op.path.replace(/\{[^}]+\}/, encodeURIComponent(id ?? "")) : op.path,
    headers: { Accept: "application/json", ...credentialHeaders(spec, op, credentials) },
  });
  const known = withSubject(values.subjectId, values.credentials);
  const authSchemes = Object.keys(values.credentials).filter((s) => !(subject.in === "credential" && subject.scheme === s));
  const wrongCredentials = { ...values.credentials, ...Object.fromEntries(authSchemes.map((s) => [s, lookalike(values.credentials[s]!)])) };
  const subjectValue = subject.in === "path" ? values.subjectId! : values.credentials[subject.scheme]!;
  const replaceSubject = (value: string): OutgoingRequest =>
    subject.in === "path" ? withSubject(value, values.credentials) : withSubject(undefined, { ...values.credentials, [subject.scheme]: value });
  const subjectName = subject.in === "path" ? "id" : "user identifier";
  const cases: ConformanceCase[] = [
    {
      title: `known ${subjectName} with valid credentials → a documented 2xx`,
      request: known,
      rateLimitIsInconclusive: true,
      expect: (x) => (x.status >= 200 && x.status < 300 ? [] : [failure("success", "a 2xx status", x, "A known subject with valid credentials did not get a 2xx.")]),
    },
    {
      title: "no credentials → the documented auth error, never a 2xx",
      request: { method: "GET", path: known.path, headers: { Accept: "application/json" } },
      rateLimitIsInconclusive: true,
      expect: (x) => (x.status === 401 || x.status === 403 ? [] : [failure("auth-enforced", "401 or 403", x, x.status < 300 ? "The target served a request without credentials: authentication is ignored." : "A request without credentials did not get an auth error.")]),
    },
    {
      title: "wrong credentials → a documented 4xx with a valid error body",
      only: STATEFUL,
      skipReason: MOCK_CANNOT_JUDGE,
      request: withSubject(values.subjectId, wrongCredentials),
      rateLimitIsInconclusive: true,
      expect: (x) => (x.status >= 400 && x.status < 500 ? [] : [failure("auth-enforced", "a 4xx status", x, x.status < 300 ? "The target accepted wrong credentials." : "Wrong credentials did not get a 4xx.")]),
    },
    {
      title: `unknown ${subjectName} → the documented not-found response (${config.notFoundStatuses.join(" or ")})`,
      only: STATEFUL,
      skipReason: MOCK_CANNOT_JUDGE,
      request: replaceSubject(lookalike(subjectValue)),
      rateLimitIsInconclusive: true,
      expect: (x) =>
        config.notFoundStatuses.includes(x.status)
          ? []
          : [failure("not-found", config.notFoundStatuses.join(" or "), x, `An unknown ${subjectName} did not get the documented not-found response${config.notFoundNote ? ` (${config.notFoundNote})` : ""}.`)],
    },
    ...malformedSubjects(subject.in).map(
      ([label, value]): ConformanceCase => ({
        title: `malformed ${subjectName} (${label}) → a documented 4xx, never a 5xx`,
        only: STATEFUL,
        skipReason: MOCK_CANNOT_JUDGE,
        request: replaceSubject(value),
        rateLimitIsInconclusive: true,
        expect: (x) => (x.status >= 400 && x.status < 500 ? [] : [failure("client-error", "a 4xx status", x, `A malformed ${subjectName} got ${x.status}, not a client error.`)]),
      }),
    ),
  ];
  for (const scenario of listScenarios(spec).filter((s) => s.path === op.path && s.method === op.method.toUpperCase())) {
    cases.push({
      title: `serves ${scenario.status} example "${scenario.example}" on Prefer: ${scenario.prefer}`,
      only: SERVES_EXAMPLES,
      skipReason: "live targets ignore Prism's Prefer header; the named examples are checked against mocks",
      request: { ...known, headers: { ...known.headers, Prefer: scenario.prefer } },
      rateLimitIsInconclusive: false,
      expect: (x) => {
        const out: CaseFailure[] = [];
        if (String(x.status) !== scenario.status) out.push(failure("example-served", scenario.status, x, `Prefer: ${scenario.prefer} was not honoured.`));
        let body: unknown;
        try {
          body = JSON.parse(x.body);
        } catch {
          body = undefined;
        }
        if (!isDeepStrictEqual(body, scenario.value)) out.push({ check: "example-served", expected: `example "${scenario.example}" verbatim`, actual: excerpt(x.body), message: "The body differs from the spec's named example." });
        return out;
      },
    });
  }
  return cases;
}

/** Malformed subjects: over-long, and characters an id cannot contain. Header values must stay printable. */
function malformedSubjects(where: "path" | "credential"): [string, string][] {
  return [
    ["512 characters", "a".repeat(512)],
    where === "path" ? ["illegal characters", `bad id/../?#<>"%`] : ["illegal characters", "bad identifier!@#$%^&*()"],
  ];
}

function failure(check: CaseCheck, expected: string, x: Exchange, message: string): CaseFailure {
  return { check, expected, actual: `HTTP ${x.status}`, message };
}

/**
 * The conformance suite of one provider without the test runner: its cases planned from the spec
 * and the target, and `run`, which sends one case's request and judges the response with every
 * check of the checker plus the case's own expectations. suite.ts turns each case into a vitest
 * test; the outcome says what that test does (skip, pass with annotations, fail with a message).
 */
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { listOperations, type Operation } from "../spec/walk.js";
import { planCases, type CaseFailure, type ConformanceCase } from "./cases.js";
import { appliedChecks, createCheckerForSpec, describeViolation, type ConformanceChecker } from "./checker.js";
import { sendRequest } from "./exchange.js";
import { resolveValues, type TargetKind } from "./target.js";
import { DEFAULT_MAX_BODY_BYTES, isBodyLimit } from "../http/body-limit.js";
import { cleanText, createRedactor } from "../http/redact.js";
import { CHECKS_ANNOTATION, SEVERITY_LABEL } from "./semantic.js";
import { SUITE_ENV } from "./suite-env.js";

/** One annotation of a case: a message and its label (the JUnit property, the reporters' marker). */
export interface CaseAnnotation {
  message: string;
  type: string;
}

export type CaseOutcome =
  | { kind: "skipped"; reason: string }
  | { kind: "passed"; annotations: CaseAnnotation[] }
  /** `message` is redacted of every credential and id the target was given. */
  | { kind: "failed"; annotations: CaseAnnotation[]; message: string };

export interface SuitePlan {
  checker: ConformanceChecker;
  operations: { op: Operation; cases: ConformanceCase[] }[];
  /** Sends the case's request to `baseUrl` and judges the response. */
  run(baseUrl: string, c: ConformanceCase): Promise<CaseOutcome>;
}

export function planSuite(slug: ProviderSlug, spec: OpenApiDocument, kind: TargetKind, env: Readonly<Record<string, string | undefined>>): SuitePlan {
  const budget = env[SUITE_ENV.maxResponseMs];
  // A Prism mock serves named examples verbatim, whatever id was asked for: no id echo and no
  // lifecycle there (the Prefer cases serve every status for the same id).
  const checkerOptions = { idEcho: kind === "live", lifecycle: kind === "live", ...(budget ? { maxResponseMs: Number(budget) } : {}) };
  const checker = createCheckerForSpec(slug, spec, checkerOptions);
  const checkNames = appliedChecks(slug, checkerOptions).join(", ");
  const planned = listOperations(spec).map((op) => {
    const values = resolveValues(slug, kind, env, spec, op);
    return { op, values, cases: planCases(slug, spec, op, values) };
  });
  const redact = createRedactor(planned.flatMap((p) => p.values.secrets));
  const maxBodyBytes = Number(env[SUITE_ENV.maxBodyBytes] ?? DEFAULT_MAX_BODY_BYTES);
  if (!isBodyLimit(maxBodyBytes)) throw new Error(`${SUITE_ENV.maxBodyBytes} must be a whole number of bytes ≥ 1, not "${env[SUITE_ENV.maxBodyBytes] ?? ""}".`);

  return {
    checker,
    operations: planned.map(({ op, cases }) => ({ op, cases })),
    async run(baseUrl, c) {
      if (c.only && !c.only.includes(kind)) return { kind: "skipped", reason: c.skipReason ?? `only against ${c.only.join(" or ")} targets` };
      const outcome = await sendRequest(baseUrl, c.request, { handleRateLimit: c.rateLimitIsInconclusive, maxBodyBytes });
      if (!outcome.ok) {
        if (outcome.kind === "rate_limited") return { kind: "skipped", reason: outcome.message };
        if (outcome.kind === "body_too_large") {
          const expected = `a body of at most ${outcome.maxBytes} bytes (set ${SUITE_ENV.maxBodyBytes} / --max-body-bytes to allow more)`;
          return { kind: "failed", annotations: [], message: redact(`HTTP ${outcome.status} from GET ${cleanText(c.request.path, redact, 120) ?? ""}\n✗ [body-size] at (response): expected ${expected}, got more. ${outcome.message}`) };
        }
        return { kind: "failed", annotations: [], message: redact(`${outcome.kind}: ${outcome.message}`) };
      }
      const result = checker.check(outcome.exchange);
      // Contradictions of spec decisions and warnings do not fail a case; they are annotations
      // (shown by the human and GitHub reporters, written as JUnit properties).
      const annotations = [
        // the names of the checks this response went through (a JUnit property of the case)
        { message: checkNames, type: CHECKS_ANNOTATION },
        ...result.contradictions.map((v) => ({ message: redact(describeViolation(v)), type: SEVERITY_LABEL.contradiction })),
        ...result.warnings.map((v) => ({ message: redact(describeViolation(v)), type: SEVERITY_LABEL.warning })),
      ];
      const failures = [...result.violations.map(describeViolation), ...c.expect(outcome.exchange).map(describeFailure)];
      if (failures.length === 0) return { kind: "passed", annotations };
      // The path is redacted before it is cut: a cut through an id would leave its head behind.
      return { kind: "failed", annotations, message: redact(`HTTP ${outcome.exchange.status} from GET ${cleanText(outcome.exchange.path, redact, 120) ?? ""}\n${failures.join("\n")}`) };
    },
  };
}

const describeFailure = (f: CaseFailure): string => `✗ [${f.check}]: expected ${f.expected}, got ${f.actual}. ${f.message}`;

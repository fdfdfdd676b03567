/**
 * The conformance suite of one provider, as vitest tests. `conformance/<slug>.test.ts` calls
 * `await defineConformanceSuite(slug)`.
 *
 * Target: a live endpoint when `KYC_CONFORMANCE_BASE_URL` is set (credentials and known ids from
 * the provider's environment variables, see target.ts), otherwise the provider's Prism mock
 * (or its twin when `KYC_CONFORMANCE_ENGINE=twin`), started for the suite and stopped after it. Every response of every case goes through every
 * check of the checker; each case adds its own expectation (auth enforced, not-found, …).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, assert, beforeAll, describe, it } from "vitest";
import { startMocks } from "../mock/index.js";
import { startTwins } from "../twin/start-twins.js";
import { providers, type ProviderSlug } from "../providers.js";
import { loadSpec } from "../spec/load.js";
import { readSpecsDir, type SpecSource } from "../spec/source.js";
import { listOperations } from "../spec/walk.js";
import { planCases, type CaseFailure } from "./cases.js";
import { appliedChecks, createCheckerForSpec, describeViolation } from "./checker.js";
import { sendRequest } from "./exchange.js";
import { resolveValues, type TargetKind } from "./target.js";
import { DEFAULT_MAX_BODY_BYTES, isBodyLimit } from "../http/body-limit.js";
import { cleanText, createRedactor } from "../http/redact.js";
import { CHECKS_ANNOTATION, SEVERITY_LABEL } from "./semantic.js";
import { SUITE_ENV } from "./suite-env.js";
import { baseUrlFor } from "./base-urls.js";

export { SUITE_ENV } from "./suite-env.js";

export interface SuiteReport {
  provider: ProviderSlug;
  target: TargetKind;
  coverage: ReturnType<ReturnType<typeof createCheckerForSpec>["coverage"]>;
  /** Why the target could not be set up (the mock did not start): nothing was checked. */
  startError?: string;
}

export async function defineConformanceSuite(slug: ProviderSlug, env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  const liveUrl = baseUrlFor(slug, env[SUITE_ENV.baseUrl]);
  const kind: TargetKind = liveUrl ? "live" : env[SUITE_ENV.engine] === "twin" ? "twin" : "mock";
  const specsDir = env[SUITE_ENV.specsDir];
  const source = specsDir ? await specFromDir(specsDir, slug) : undefined;
  const spec = source?.document ?? (await loadSpec(slug));
  const budget = env[SUITE_ENV.maxResponseMs];
  // A Prism mock serves named examples verbatim, whatever id was asked for: no id echo and no
  // lifecycle there (the Prefer cases serve every status for the same id).
  const checkerOptions = { idEcho: kind === "live", lifecycle: kind === "live", ...(budget ? { maxResponseMs: Number(budget) } : {}) };
  const checker = createCheckerForSpec(slug, spec, checkerOptions);
  const checkNames = appliedChecks(slug, checkerOptions).join(", ");
  const operations = listOperations(spec);
  const planned = operations.map((op) => {
    const values = resolveValues(slug, kind, env, spec, op);
    return { op, values, cases: planCases(slug, spec, op, values) };
  });
  const redact = createRedactor(planned.flatMap((p) => p.values.secrets));
  const maxBodyBytes = Number(env[SUITE_ENV.maxBodyBytes] ?? DEFAULT_MAX_BODY_BYTES);
  if (!isBodyLimit(maxBodyBytes)) throw new Error(`${SUITE_ENV.maxBodyBytes} must be a whole number of bytes ≥ 1, not "${env[SUITE_ENV.maxBodyBytes] ?? ""}".`);
  let baseUrl = liveUrl ?? "";
  let stop: (() => Promise<void>) | undefined;
  let startError: string | undefined;

  describe(`${providers[slug].name} (${slug}) — ${kind === "live" ? "live target" : kind === "twin" ? "twin" : "Prism mock"}`, () => {
    beforeAll(async () => {
      if (kind === "mock" || kind === "twin") {
        try {
          if (kind === "mock") {
            const mocks = await startMocks({ providers: [slug], ...(source ? { specFiles: { [slug]: source.file } } : {}) });
            baseUrl = mocks.urls[slug];
            stop = () => mocks.stop();
          } else {
            const twins = await startTwins({ providers: [slug], ...(source ? { specs: { [slug]: source.document } } : {}) });
            baseUrl = twins.urls[slug];
            stop = () => twins.stop();
          }
        } catch (error) {
          // Kept for the report: the CLI shows it and exits 2 (the run could not check anything).
          startError = error instanceof Error ? error.message : String(error);
          throw error;
        }
      }
    }, 120_000);

    afterAll(async () => {
      await stop?.();
      const dir = env[SUITE_ENV.reportDir];
      if (dir) {
        const report: SuiteReport = { provider: slug, target: kind, coverage: checker.coverage(), ...(startError === undefined ? {} : { startError }) };
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, `${slug}.json`), JSON.stringify(report));
      }
    }, 60_000);

    for (const { op, cases } of planned) {
      describe(`${op.method.toUpperCase()} ${op.path}`, () => {
        for (const c of cases) {
          it(c.title, async (ctx) => {
            if (c.only && !c.only.includes(kind)) {
              ctx.skip(c.skipReason);
              return;
            }
            const outcome = await sendRequest(baseUrl, c.request, { handleRateLimit: c.rateLimitIsInconclusive, maxBodyBytes });
            if (!outcome.ok) {
              if (outcome.kind === "rate_limited") {
                ctx.skip(outcome.message);
                return;
              }
              if (outcome.kind === "body_too_large") {
                const expected = `a body of at most ${outcome.maxBytes} bytes (set ${SUITE_ENV.maxBodyBytes} / --max-body-bytes to allow more)`;
                assert.fail(redact(`HTTP ${outcome.status} from GET ${cleanText(c.request.path, redact, 120) ?? ""}\n✗ [body-size] at (response): expected ${expected}, got more. ${outcome.message}`));
              }
              assert.fail(redact(`${outcome.kind}: ${outcome.message}`));
            }
            const result = checker.check(outcome.exchange);
            // The names of the checks this response went through (a JUnit property of the case).
            await ctx.annotate(checkNames, CHECKS_ANNOTATION);
            // Contradictions of spec decisions and warnings do not fail a case; they are annotations
            // (shown by the human and GitHub reporters, written as JUnit properties).
            for (const v of result.contradictions) await ctx.annotate(redact(describeViolation(v)), SEVERITY_LABEL.contradiction);
            for (const v of result.warnings) await ctx.annotate(redact(describeViolation(v)), SEVERITY_LABEL.warning);
            const failures = [...result.violations.map(describeViolation), ...c.expect(outcome.exchange).map(describeFailure)];
            if (failures.length > 0) {
              // The path is redacted before it is cut: a cut through an id would leave its head behind.
              assert.fail(redact(`HTTP ${outcome.exchange.status} from GET ${cleanText(outcome.exchange.path, redact, 120) ?? ""}\n${failures.join("\n")}`));
            }
          });
        }
      });
    }
  });
}

/** The provider's spec from a `--specs` folder; a folder without it is a configuration error (the CLI checks it first). */
async function specFromDir(dir: string, slug: ProviderSlug): Promise<SpecSource> {
  const read = await readSpecsDir(dir);
  if (!read.ok) throw new Error(`${SUITE_ENV.specsDir}: ${read.message}.`);
  const source = read.sources[slug];
  if (!source) throw new Error(`${SUITE_ENV.specsDir}: ${dir} has no ${slug} spec (expected ${dir}/${slug}/openapi.yaml).`);
  return source;
}

const describeFailure = (f: CaseFailure): string => `✗ [${f.check}]: expected ${f.expected}, got ${f.actual}. ${f.message}`;

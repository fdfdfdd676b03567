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
import type { TargetKind } from "./target.js";
import { planSuite, type SuitePlan } from "./suite-plan.js";
import { SUITE_ENV } from "./suite-env.js";
import { baseUrlFor } from "./base-urls.js";

export { SUITE_ENV } from "./suite-env.js";

export interface SuiteReport {
  provider: ProviderSlug;
  target: TargetKind;
  coverage: ReturnType<SuitePlan["checker"]["coverage"]>;
  /** Why the target could not be set up (the mock did not start): nothing was checked. */
  startError?: string;
}

export async function defineConformanceSuite(slug: ProviderSlug, env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  const liveUrl = baseUrlFor(slug, env[SUITE_ENV.baseUrl]);
  const kind: TargetKind = liveUrl ? "live" : env[SUITE_ENV.engine] === "twin" ? "twin" : "mock";
  const specsDir = env[SUITE_ENV.specsDir];
  const source = specsDir ? await specFromDir(specsDir, slug) : undefined;
  const spec = source?.document ?? (await loadSpec(slug));
  const plan = planSuite(slug, spec, kind, env);
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
        const report: SuiteReport = { provider: slug, target: kind, coverage: plan.checker.coverage(), ...(startError === undefined ? {} : { startError }) };
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, `${slug}.json`), JSON.stringify(report));
      }
    }, 60_000);

    for (const { op, cases } of plan.operations) {
      describe(`${op.method.toUpperCase()} ${op.path}`, () => {
        for (const c of cases) {
          it(c.title, async (ctx) => {
            const outcome = await plan.run(baseUrl, c);
            if (outcome.kind === "skipped") {
              ctx.skip(outcome.reason);
              return;
            }
            for (const a of outcome.annotations) await ctx.annotate(a.message, a.type);
            if (outcome.kind === "failed") assert.fail(outcome.message);
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


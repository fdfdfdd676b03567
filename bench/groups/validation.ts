/**
 * Group 4, validation: compiled validations per second of each provider's response schemas.
 * The bodies are every named example of every documented response (valid), and each of them
 * broken by `invalidVariant` (kept only when the schema rejects it). Two levels: the schema
 * alone (`createSpecValidator().validate`, what a client call runs) and the whole exchange
 * (`createConformanceChecker().check`: operation, status, content type, headers, body), each
 * compiled once before timing.
 */
import { createCheckerForSpec, type Exchange } from "../../src/conformance/checker.js";
import type { ProviderSlug } from "../../src/providers.js";
import { createSpecValidator, getAtPointer, listOperations, listResponses, loadSpec, type HeaderInfo, type OpenApiDocument } from "../../src/spec/index.js";
import { specSchemaCompiler } from "../../src/spec/validator.js";
import { invalidVariant } from "../bodies.js";
import type { Figure } from "../results.js";
import { median, medianRatio } from "../stats.js";
import { measureTasks } from "../tiny.js";
import { figureRow, type GroupRunner } from "./context.js";

const VALIDATIONS_PER_ITERATION = 1000;

interface Body {
  schemaPointer: string;
  value: unknown;
  exchange: Exchange;
}

/** A documented header's example value (header-level `example`, else its schema's). */
function headerExample(doc: OpenApiDocument, header: HeaderInfo): string | undefined {
  const h = getAtPointer(doc, header.pointer) as { example?: unknown } | undefined;
  const s = header.schemaPointer ? (getAtPointer(doc, header.schemaPointer) as { example?: unknown; examples?: unknown[] } | undefined) : undefined;
  const found = h?.example ?? s?.example ?? s?.examples?.[0];
  if (found === undefined) return undefined;
  return typeof found === "string" ? found : JSON.stringify(found);
}

/** Every named example of every documented response, with the exchange a server answering with it would make. */
function exampleBodies(slug: ProviderSlug, doc: OpenApiDocument): Body[] {
  const bodies: Body[] = [];
  for (const op of listOperations(doc)) {
    const path = op.path.replace(/\{[^}]+\}/g, "bench-id-1");
    for (const res of listResponses(doc, op)) {
      if (!/^\d{3}$/.test(res.status)) continue;
      const headers: Record<string, string> = {};
      for (const h of res.headers) {
        const example = headerExample(doc, h);
        if (example !== undefined) headers[h.name] = example;
        else if (h.required) throw new Error(`${slug}: required header ${h.name} of ${res.status} has no example to send (add one to the spec).`);
      }
      for (const media of res.media) {
        if (!media.schemaPointer) continue;
        for (const ex of media.examples) {
          bodies.push({ schemaPointer: media.schemaPointer, value: ex.value, exchange: { method: op.method.toUpperCase(), path, status: Number(res.status), headers: { ...headers, "Content-Type": media.mediaType }, body: JSON.stringify(ex.value) } });
        }
      }
    }
  }
  return bodies;
}

export const benchValidation: GroupRunner = async (ctx) => {
  const { providers, runs, taskTimeMs } = ctx.options;
  const figures: Figure[] = [];
  const counts: string[] = [];
  const runsLabel = `runs of ≥${taskTimeMs} ms per task (each run's value: from tinybench's median iteration)`;
  for (const slug of providers) {
    const doc = await loadSpec(slug);
    const validator = createSpecValidator(doc);
    const compile = specSchemaCompiler(doc);
    const bare = new Map<string, (value: unknown) => boolean>();
    const bareFn = (pointer: string) => {
      let fn = bare.get(pointer);
      if (!fn) bare.set(pointer, (fn = compile(pointer)));
      return fn;
    };
    // Every example under one placeholder id: no id echo, and no lifecycle across the examples' statuses.
    const checker = createCheckerForSpec(slug, doc, { idEcho: false, lifecycle: false });
    const valid = exampleBodies(slug, doc);
    const invalid = valid
      .map((b) => {
        const value = invalidVariant(b.value);
        return { ...b, value, exchange: { ...b.exchange, body: JSON.stringify(value) } };
      })
      .filter((b) => !validator.validate(b.schemaPointer, b.value).valid);
    // The inputs must be what they claim, or the figures mean nothing.
    for (const b of valid) {
      const result = checker.check(b.exchange);
      if (!result.ok) throw new Error(`${slug}: the example exchange ${b.exchange.status} ${b.exchange.body.slice(0, 80)} fails the conformance check: ${result.violations.map((v) => v.message).join(" ")}`);
    }
    for (const b of invalid) if (checker.check(b.exchange).ok) throw new Error(`${slug}: a broken body passes the conformance check (bench bug): ${b.exchange.body.slice(0, 80)}`);
    if (valid.length === 0 || invalid.length === 0) throw new Error(`${slug}: no ${valid.length === 0 ? "valid" : "invalid"} bodies to validate.`);
    counts.push(`${slug} ${valid.length} valid / ${invalid.length} invalid`);

    // One timed iteration validates every body of a kind `reps` times (≥ VALIDATIONS_PER_ITERATION
    // validations), so it lasts well above the timer's resolution; each pass also counts what
    // passed, and a count other than expected fails the run (nothing is optimized away unseen).
    const kinds = {
      "schema, valid": { bodies: valid, expectValid: true, one: (b: Body) => validator.validate(b.schemaPointer, b.value).valid },
      "schema, invalid": { bodies: invalid, expectValid: false, one: (b: Body) => validator.validate(b.schemaPointer, b.value).valid },
      "exchange, valid": { bodies: valid, expectValid: true, one: (b: Body) => checker.check(b.exchange).ok },
      "exchange, invalid": { bodies: invalid, expectValid: false, one: (b: Body) => checker.check(b.exchange).ok },
      // The baseline of the checker: the same body text parsed and given to the bare compiled Ajv function.
      "bare Ajv, valid": { bodies: valid, expectValid: true, one: (b: Body) => bareFn(b.schemaPointer)(JSON.parse(b.exchange.body)) },
      "bare Ajv, invalid": { bodies: invalid, expectValid: false, one: (b: Body) => bareFn(b.schemaPointer)(JSON.parse(b.exchange.body)) },
    };
    const names = Object.keys(kinds) as (keyof typeof kinds)[];
    const perIteration = (name: keyof typeof kinds): { reps: number; validations: number } => {
      const reps = Math.ceil(VALIDATIONS_PER_ITERATION / kinds[name].bodies.length);
      return { reps, validations: reps * kinds[name].bodies.length };
    };
    const pass = (name: keyof typeof kinds) => () => {
      const { bodies, expectValid, one } = kinds[name];
      const { reps, validations } = perIteration(name);
      let passed = 0;
      for (let r = 0; r < reps; r++) for (const b of bodies) if (one(b)) passed++;
      if (passed !== (expectValid ? validations : 0)) throw new Error(`${slug} ${name}: ${passed} of ${validations} validations passed (bench bug).`);
    };
    const perSecond = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<keyof typeof kinds, number[]>;
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? names : [...names].reverse();
      const stats = await measureTasks(order.map((name) => ({ name, fn: pass(name) })), { timeMs: taskTimeMs, iterations: 10, warmup: true });
      for (const name of names) perSecond[name].push(perIteration(name).validations / (stats.get(name)!.p50Ms / 1000));
      ctx.progress(`[validation] ${slug} run ${i + 1}/${runs}: ${names.map((n) => `${n} ${Math.round(perSecond[n][i]!).toLocaleString("en-US")}/s`).join(", ")}`);
    }
    const row = figureRow("Compiled response validations per second (one thread)", slug);
    for (const name of ["schema, valid", "schema, invalid", "exchange, valid", "exchange, invalid"] as const) figures.push(row(name, median(perSecond[name]), "validations/s", runs, runsLabel));
    // Time per exchange relative to the bare validation of the same body (the target is ≤ 3×).
    const overhead = figureRow("Conformance checker per exchange vs bare Ajv on the same body text (JSON.parse + compiled function)", slug);
    for (const kind of ["valid", "invalid"] as const) {
      const checkerRate = perSecond[`exchange, ${kind}`];
      const bareRate = perSecond[`bare Ajv, ${kind}`];
      figures.push(
        overhead(`bare Ajv, ${kind}`, median(bareRate.map((r) => 1e6 / r)), "µs", runs, runsLabel),
        overhead(`checker, ${kind}`, median(checkerRate.map((r) => 1e6 / r)), "µs", runs, runsLabel),
        overhead(`checker / bare, ${kind}`, medianRatio(bareRate, checkerRate), "×", runs, runsLabel),
      );
    }
  }
  return {
    name: "validation",
    title: "Validation",
    method: [
      `Bodies: every named example of every documented response (valid), and each with its first string replaced by a number (invalid, kept when the schema rejects it): ${counts.join(", ")}.`,
      "schema: `createSpecValidator(spec).validate(pointer, body)` (Ajv 2020-12, all errors, formats), what each client call runs on a success body; exchange: `createConformanceChecker(provider).check({ method, path, status, headers, body })` (operation, status, content type, headers, JSON parse, body schema, example match), what the conformance suite runs per response.",
      "checker / bare: the time of one `check()` over the time of `JSON.parse` of the same body text plus the bare compiled Ajv function of its schema (no error formatting), as the median of the per-run ratios; the target is ≤ 3×.",
      `tinybench times one iteration of at least ${VALIDATIONS_PER_ITERATION} validations (all bodies of a kind, repeated); validations/s = validations per iteration / median iteration time. Schemas are compiled before timing.`,
    ].join("\n"),
    figures,
  };
};

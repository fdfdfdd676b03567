/**
 * Group 7, diff: `diffSpecs` of two versions of the selected specs against the time to load and
 * resolve the same two versions from disk (what `kyc-contracts diff myaza@1.0.0
 * openapi/myaza/openapi.yaml` reads: the released bundle, hash-checked, and the split sources,
 * bundled by src/spec/source.ts). Issue 27's target: diff ≤ 2× load (a ratio, never asserted).
 * The new versions carry edits (a raw status value, an optional property, a description), so
 * the diff reports changes as it would on a real release.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diffSpecs } from "../../src/evolution/diff.js";
import { loadReleasedSpec } from "../../src/evolution/releases.js";
import type { ProviderSlug } from "../../src/providers.js";
import type { OpenApiDocument } from "../../src/spec/load.js";
import { readSpecFile } from "../../src/spec/source.js";
import { measurePairedBlocks } from "../paired.js";
import type { Figure } from "../results.js";
import { median, medianRatio } from "../stats.js";
import { figureRow, type GroupRunner } from "./context.js";

const openapiDir = fileURLToPath(new URL("../../openapi/", import.meta.url));

type Json = Record<string, unknown>;

/** A released document and its current split source, bundled: the two versions the group diffs. */
interface Versions {
  slug: ProviderSlug;
  old: OpenApiDocument;
  next: OpenApiDocument;
}

async function loadBoth(slug: ProviderSlug): Promise<Versions> {
  const released = loadReleasedSpec(`${slug}@latest`);
  if (!released.ok) throw new Error(`${slug}: ${released.message}`);
  const source = await readSpecFile(path.join(openapiDir, slug, "openapi.yaml"), slug);
  if (!source.ok) throw new Error(`${slug}: ${source.message}`);
  return { slug, old: released.spec.document, next: source.spec.document };
}

/** The new version with a few edits a release carries: a description, and in every object schema with properties one more optional property. */
function edited(doc: OpenApiDocument): OpenApiDocument {
  const next = structuredClone(doc);
  next.info = { ...next.info, version: "9.0.0", description: `${next.info.description ?? ""}\n\nEdited for the bench.` };
  for (const schema of Object.values(next.components?.schemas ?? {})) {
    const properties = (schema as Json).properties;
    if (typeof properties === "object" && properties !== null) (properties as Json).benchAdded = { type: "string" };
  }
  return next;
}

export const benchDiff: GroupRunner = async (ctx) => {
  const { providers, runs, taskTimeMs } = ctx.options;
  const pairs = await Promise.all(providers.map(async (slug) => ({ ...(await loadBoth(slug)) })));
  const edits = pairs.map((p) => ({ slug: p.slug, old: p.old, next: edited(p.next) }));
  let changes = 0;
  const tasks = {
    load: async () => {
      await Promise.all(providers.map((slug) => loadBoth(slug)));
    },
    diff: () => {
      changes = 0;
      for (const p of edits) changes += diffSpecs(p.old, p.next, { provider: p.slug }).changes.length;
      return Promise.resolve();
    },
  };
  // Untimed warm-up, then paired alternating blocks: the two tasks are timed a few ms apart in every round.
  await measurePairedBlocks(tasks, { blockCalls: 1, minRounds: 3, timeMs: Math.min(200, taskTimeMs) });
  const loadMs: number[] = [];
  const diffMs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const blocks = await measurePairedBlocks(tasks, { blockCalls: 1, minRounds: 5, timeMs: taskTimeMs });
    const l = blocks.perCallMs.get("load")!;
    const d = blocks.perCallMs.get("diff")!;
    loadMs.push(median(l));
    diffMs.push(median(d));
    ratios.push(medianRatio(d, l));
    ctx.progress(`[diff] run ${i + 1}/${runs}: load and resolve ${median(l).toFixed(1)} ms, diff ${median(d).toFixed(1)} ms (${changes} changes) for ${providers.join(", ")}`);
  }
  const runsLabel = `runs of paired blocks, ≥${taskTimeMs} ms per task (each run's value: the median block)`;
  const row = figureRow("Diff of two versions vs loading them", providers.length === 4 ? "all four" : providers.join(", "));
  const figures: Figure[] = [
    row("load + resolve both versions", median(loadMs), "ms", runs, runsLabel),
    row("diffSpecs", median(diffMs), "ms", runs, runsLabel),
    row("changes found", changes, "changes", 1, "diffs of the edited versions (the same count every run)"),
    row("diff / load", median(ratios), "×", runs, runsLabel),
  ];
  return {
    name: "diff",
    title: "Contract diff",
    method: [
      "Paired alternating blocks (`paired.ts`), one call per block, after an untimed warm-up. Load: each selected provider's latest released version (`loadReleasedSpec`: YAML parse and hash check) and its split sources under openapi/ (`readSpecFile`: every file parsed, `$ref`s bundled), all providers concurrently, as `kyc-contracts diff <slug>@<version> openapi/<slug>/openapi.yaml` reads them.",
      "Diff: `diffSpecs` of each released version against its current spec with release-like edits (one optional property on every object schema, a description), sequentially. Issue 27's target: diff / load ≤ 2.",
    ].join("\n"),
    figures,
  };
};

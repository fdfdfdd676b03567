/**
 * Group 7, suggest: `kyc-contracts suggest` against `kyc-contracts check-har --workers 1` on the
 * same recording (bench/recording.ts: the twins' answers as the proxy records them, many ids,
 * all four providers), both through the CLI's `main()` as a user runs them, each reading the
 * file with the streaming HAR reader. The issue's target: suggest's exchanges/s ≥ 0.5× check-har's.
 * The two alternate within each run (order flipped every run) and the ratio is taken per run,
 * then its median: the machine is shared, and load drifts between runs.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { devNull, tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/command.js";
import { packageRoot } from "../../src/spec/paths.js";
import { writeRecording } from "../recording.js";
import type { Figure } from "../results.js";
import { median } from "../stats.js";
import { figureRow, type GroupRunner } from "./context.js";

const EXCHANGES = 20_000;
const QUICK_EXCHANGES = 400;

const silent: CliIo = { stdout: () => undefined, stderr: () => undefined, env: {} };

export const benchSuggest: GroupRunner = async (ctx) => {
  const { runs, quick } = ctx.options;
  const count = quick ? QUICK_EXCHANGES : EXCHANGES;
  const dir = await mkdtemp(path.join(tmpdir(), "kyc-bench-suggest-"));
  ctx.cleanup.add("the suggest bench recording", () => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, "recording.har");
  const bytes = await writeRecording(file, count);
  ctx.progress(`[suggest] recording: ${count} exchanges, ${(bytes / 1e6).toFixed(1)} MB`);
  const specs = path.join(packageRoot(), "openapi");
  const tasks = {
    "check-har": ["check-har", file, "--workers", "1", "--reporter", "json", "--output", devNull],
    suggest: ["suggest", file, "--specs", specs, "--format", "json"],
  } as const;
  // check-har exits 0 (the twins conform); suggest exits 0 (nothing to propose): anything else is a bench bug.
  const once = async (name: keyof typeof tasks): Promise<number> => {
    const started = performance.now();
    const code = await main([...tasks[name]], silent);
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`${name} exited ${code} on the bench recording (bench bug: it should conform).`);
    return ms;
  };
  // One untimed pass each: compiled validators and the streaming parser warm up.
  await once("check-har");
  await once("suggest");
  const perSecond: Record<keyof typeof tasks, number[]> = { "check-har": [], suggest: [] };
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order: (keyof typeof tasks)[] = i % 2 === 0 ? ["check-har", "suggest"] : ["suggest", "check-har"];
    const ms: Partial<Record<keyof typeof tasks, number>> = {};
    for (const name of order) ms[name] = await once(name);
    perSecond["check-har"].push((count * 1000) / ms["check-har"]!);
    perSecond.suggest.push((count * 1000) / ms.suggest!);
    ratios.push(ms["check-har"]! / ms.suggest!);
    ctx.progress(`[suggest] run ${i + 1}/${runs}: check-har ${ms["check-har"]!.toFixed(0)} ms, suggest ${ms.suggest!.toFixed(0)} ms`);
  }
  const row = figureRow("suggest vs check-har (same recording, one thread)", `${count} exchanges, all four`);
  const runsLabel = `runs of each command over the whole file`;
  const figures: Figure[] = [
    row("check-har exchanges/s", median(perSecond["check-har"]), "exchanges/s", runs, runsLabel),
    row("suggest exchanges/s", median(perSecond.suggest), "exchanges/s", runs, runsLabel),
    row("suggest / check-har", median(ratios), "×", runs, `${runsLabel}; ratio per run (target ≥ 0.5×)`),
  ];
  return {
    name: "suggest",
    title: "Suggest",
    method: `Both commands through the CLI's main() on the same ${count}-exchange recording (bench/recording.ts), read with the streaming HAR reader; check-har with --workers 1. Each run times one pass of each (order alternating; one untimed pass first); the ratio is check-har's time / suggest's, per run, then the median. The recording conforms, so suggest proposes nothing: this is the cost of reading and observing every exchange (classifying a proposal costs per proposal, not per exchange).`,
    figures,
  };
};

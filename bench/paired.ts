/**
 * Paired, alternating short blocks: the instrument for per-call ratios of tasks that are only a
 * few percent apart (the typed client vs raw fetch). tinybench measures one task for its whole
 * time budget, then the next; on a shared machine the load drifts between the two by more than
 * the difference being measured. Here every round runs a short block of each task back to back
 * (the order rotated per round), and the ratio is taken per round, so each ratio compares
 * blocks a few milliseconds apart.
 */
import { performance } from "node:perf_hooks";
import { median, medianRatio } from "./stats.js";

export type BlockTask = () => Promise<void>;

export interface PairedBlocksOptions {
  /** Calls per block (the block's value is their mean). */
  blockCalls: number;
  /** Rounds at least. */
  minRounds: number;
  /** Rounds go on until every task has run at least this long in total (ms). */
  timeMs: number;
}

/** Mean ms per call of each task's block, one entry per round: `perCallMs.get(name)[i]` are paired across tasks by `i`. */
export interface PairedBlocks {
  rounds: number;
  perCallMs: Map<string, number[]>;
}

/** The order of `names` in round `round`: rotated by one each round, so no task is always first or last. */
export function roundOrder<T>(names: readonly T[], round: number): T[] {
  const shift = round % names.length;
  return [...names.slice(shift), ...names.slice(0, shift)];
}

/** Runs rounds of one block per task (calls awaited one at a time); a task that throws fails the measurement with its error. */
export async function measurePairedBlocks(tasks: Readonly<Record<string, BlockTask>>, options: PairedBlocksOptions): Promise<PairedBlocks> {
  const names = Object.keys(tasks);
  if (names.length === 0) throw new Error("measurePairedBlocks() of no tasks (bench bug).");
  if (!(options.blockCalls >= 1 && options.minRounds >= 1)) throw new Error(`measurePairedBlocks(): blockCalls and minRounds must be ≥ 1, got ${options.blockCalls} and ${options.minRounds} (bench bug).`);
  const perCallMs = new Map(names.map((name) => [name, [] as number[]]));
  const spentMs = new Map(names.map((name) => [name, 0]));
  let rounds = 0;
  while (rounds < options.minRounds || names.some((name) => spentMs.get(name)! < options.timeMs)) {
    for (const name of roundOrder(names, rounds)) {
      const task = tasks[name]!;
      const start = performance.now();
      for (let i = 0; i < options.blockCalls; i++) await task();
      const elapsed = performance.now() - start;
      spentMs.set(name, spentMs.get(name)! + elapsed);
      perCallMs.get(name)!.push(elapsed / options.blockCalls);
    }
    rounds++;
  }
  return { rounds, perCallMs };
}

/** The figures of several paired runs against one base task: see `pairedFigures`. */
export interface PairedFigures<T extends string> {
  /** The base task's ms per call: the median over runs of its median block. */
  baseMs: number;
  /** `task / of` (default `of`: the base task): per run the median of the rounds' paired ratios, then the median over runs. */
  ratio(task: T, of?: T): number;
  /** A task's ms per call stated as `baseMs × ratio(task)`, so a time column agrees with the ratio beside it. */
  timeMs(task: T): number;
}

/**
 * Per-call figures from paired runs. Each task's own median would come from different rounds when
 * the load drifts, and the quotient of two such medians is not the paired ratio; here only the base
 * task's time is its own, and every other task's is derived from it and its paired ratio.
 */
export function pairedFigures<T extends string>(runs: readonly PairedBlocks[], base: T): PairedFigures<T> {
  if (runs.length === 0) throw new Error("pairedFigures() of no runs (bench bug).");
  const blocks = (run: PairedBlocks, name: string): number[] => {
    const values = run.perCallMs.get(name);
    if (!values) throw new Error(`pairedFigures(): no task "${name}" was measured; tasks: ${[...run.perCallMs.keys()].join(", ")} (bench bug).`);
    return values;
  };
  const baseMs = median(runs.map((run) => median(blocks(run, base))));
  const ratioOf = (task: T, of: T = base): number => median(runs.map((run) => medianRatio(blocks(run, task), blocks(run, of))));
  return { baseMs, ratio: ratioOf, timeMs: (task) => baseMs * ratioOf(task) };
}

/** What every group gets from run.ts. */
import type { Cleanup } from "../cleanup.js";
import type { BenchOptions } from "../options.js";
import type { Figure, GroupResult } from "../results.js";

export interface GroupContext {
  options: BenchOptions;
  cleanup: Cleanup;
  /** One progress line (stderr). */
  progress(line: string): void;
  /** The groups that ran before this one in the same run (to set figures side by side). */
  earlier?: readonly GroupResult[];
}

export type GroupRunner = (ctx: GroupContext) => Promise<GroupResult>;

/** `figure(table, subject)(metric, value, unit, medianOf, runs)`: figures of one row, briefly. */
export const figureRow =
  (table: string, subject: string) =>
  (metric: string, value: number, unit: string, medianOf: number, runs: string): Figure => ({ table, subject, metric, value, unit, medianOf, runs });

/** tinybench runs: the bench's other measuring instrument (autocannon is the first). */
import { Bench, type Fn, type FnOptions } from "tinybench";

export interface TaskSpec {
  name: string;
  fn: Fn;
  options?: FnOptions;
}

export interface TaskStats {
  /** tinybench's median latency of one call, in milliseconds. */
  p50Ms: number;
  /** How many calls it is the median of. */
  samples: number;
}

export interface TinyRunOptions {
  /** Time budget per task, ms (0: only `iterations` counts). */
  timeMs: number;
  /** Minimum calls per task. */
  iterations: number;
  warmup: boolean;
}

/** Runs `tasks` one after the other in one tinybench `Bench`; a task that throws fails the run with its error. */
export async function measureTasks(tasks: readonly TaskSpec[], options: TinyRunOptions): Promise<Map<string, TaskStats>> {
  const bench = new Bench({ time: options.timeMs, iterations: options.iterations, warmup: options.warmup, warmupTime: Math.min(100, options.timeMs), warmupIterations: options.warmup ? 8 : 0, throws: true });
  for (const t of tasks) bench.add(t.name, t.fn, t.options);
  await bench.run();
  const stats = new Map<string, TaskStats>();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state === "errored") throw result.error;
    if (result.state !== "completed") throw new Error(`tinybench task "${task.name}" ended ${result.state} (bench bug).`);
    stats.set(task.name, { p50Ms: result.latency.p50, samples: result.latency.samplesCount });
  }
  return stats;
}

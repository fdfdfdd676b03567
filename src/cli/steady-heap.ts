/**
 * Keeps a long-running command's heap near its live data: V8's defaults let the young
 * generation grow to 32 MB per thread and the old generation to several times what is live
 * before collecting, so a check of 100,000 exchanges ended at 144 MB peak RSS in one thread
 * where 1,000 exchanges needed 66 MB, though nothing of the input is kept. Two of V8's GC
 * heuristics, set for this process: the young generation does not grow past its start
 * (`--semi-space-growth-factor=1`), and the old generation grows by 20 % of what is live between
 * full collections, not by up to 300 % (`--heap-growing-percent=20`). Measured with
 * `npm run bench -- --only traffic` (docs/performance.md): 144 → 77 MB on that check. The price
 * is CPU time: V8's marking threads run more often (measured on 2 cores, 100,000 exchanges, one
 * thread: about 0.6 s more CPU, 5 % more wall time; the young generation held alone is as fast as
 * V8's defaults but peaks at 132 MB, `--heap-growing-percent=100` at 100 MB).
 *
 * Both are read by V8 whenever it resizes a heap, so setting them while the process runs takes
 * effect. But V8 (Node 20 and 22) resets the first whenever it sets up a new heap (a worker
 * thread's), so a command that starts workers calls this again once each one is online.
 *
 * For the CLI's own process only (check-har; proxy, whose RSS went from 169 to 100 MB after
 * 5,000 exchanges and stays there): a library function must not tune its host's heap.
 */
import v8 from "node:v8";

export const STEADY_HEAP_FLAGS = ["--semi-space-growth-factor=1", "--heap-growing-percent=20"] as const;

export function keepHeapSteady(): void {
  for (const flag of STEADY_HEAP_FLAGS) v8.setFlagsFromString(flag);
}

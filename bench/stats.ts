/** The bench's arithmetic: medians, percentiles and ratios of measured samples. Pure. */

/** The median of `values` (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median() of no values: a measurement produced no samples (bench bug).");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The `p`th percentile (0 < p ≤ 100) of `values` by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile() of no values: a measurement produced no samples (bench bug).");
  if (!(p > 0 && p <= 100)) throw new Error(`percentile ${p} is outside (0, 100] (bench bug).`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `a / b`, or NaN when `b` is 0 or either is not finite (a ratio that cannot be stated). */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

/**
 * The median of per-run ratios of paired measurements (`a[i]` and `b[i]` taken in the same run),
 * which cancels drift of a shared, noisy machine better than the ratio of two medians.
 */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`medianRatio() of ${a.length} and ${b.length} values: the runs are not paired (bench bug).`);
  const ratios = a.map((x, i) => ratio(x, b[i]!));
  return ratios.some(Number.isNaN) ? Number.NaN : median(ratios);
}

/** Options shared by the commands that check traffic: `conform`, `proxy`, `check-har`. */
export type ParsedBudget = { ok: true; value: number | undefined } | { ok: false; message: string };

/** `--max-response-ms N`: a positive whole number of milliseconds, or absent (no budget). */
export function parseMaxResponseMs(raw: string | undefined): ParsedBudget {
  if (raw === undefined) return { ok: true, value: undefined };
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value <= 0) {
    return { ok: false, message: `--max-response-ms must be a positive whole number of milliseconds, not "${raw}".` };
  }
  return { ok: true, value };
}

/**
 * Polls a status call until the verification is no longer `pending`, backing off as Myaza's docs
 * advise (start at 2–3 s, widen), honouring `Retry-After` / `RateLimit-Reset` on rate limits,
 * retrying retryable failures and stopping at the first non-retryable one. Cancellable with an
 * AbortSignal; the clock is injectable so tests never wait.
 */
import type { CallOptions, KycClientError } from "./clients/types.js";
import type { NormalizedStatus } from "./status.js";

export interface PollClock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason if it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface PollOptions {
  /** Stops polling; the returned promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** First wait between calls. Default 2 000 ms. */
  intervalMs?: number;
  /** Longest wait between calls. Default 30 000 ms. */
  maxIntervalMs?: number;
  /** Each wait is the previous one times this (≥ 1). Default 1.5: 2 s, 3 s, 4.5 s, … */
  backoffFactor?: number;
  /** Give up after this long and return the last result (possibly still `pending`, or a `timeout` of the call cut off at the deadline). Default 300 000 ms. */
  timeoutMs?: number;
  /** Time source and sleep; the real ones by default. */
  clock?: PollClock;
}

/** What `pollUntilSettled` needs from a result: any client's result fits. */
export type PollableResult =
  | { readonly ok: true; readonly kyc: NormalizedStatus }
  | { readonly ok: false; readonly error: Pick<KycClientError, "retryable" | "retryAfterMs"> };

export const systemClock: PollClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/**
 * Calls `getStatus` until its result is settled: a success whose state is not `pending`, or a
 * failure that is not retryable. Retryable failures (429, 502–504, network, timeout) are retried,
 * waiting at least as long as the provider asked. Each call gets what is left of `timeoutMs` as its
 * own `timeoutMs` (see CallOptions), so polling never runs past the deadline; when the next wait
 * (backoff, or what the provider asked for) would leave no time for another call, the last result
 * is returned as it is.
 *
 * @example pollUntilSettled((o) => myaza.getKycStatus("ver_…", o), { signal })
 */
export async function pollUntilSettled<R extends PollableResult>(getStatus: (options: CallOptions) => Promise<R>, options: PollOptions = {}): Promise<R> {
  const { signal, intervalMs, maxIntervalMs, backoffFactor, timeoutMs, clock } = checkPollOptions(options);
  const deadline = clock.now() + timeoutMs;
  let interval = intervalMs;
  for (;;) {
    signal?.throwIfAborted();
    // The call in flight is bounded by the deadline too, not only by the client's own timeout.
    const callOptions: CallOptions = { timeoutMs: Math.max(0, deadline - clock.now()) };
    if (signal) callOptions.signal = signal;
    const result = await getStatus(callOptions);
    if (result.ok ? result.kyc.state !== "pending" : !result.error.retryable) return result;
    const wait = Math.max(interval, result.ok ? 0 : (result.error.retryAfterMs ?? 0));
    // No time would be left for a call after the wait: the last result is the answer.
    if (wait >= deadline - clock.now()) return result;
    await clock.sleep(wait, signal);
    interval = Math.min(interval * backoffFactor, maxIntervalMs);
  }
}

function checkPollOptions(options: PollOptions): Required<Omit<PollOptions, "signal">> & { signal: AbortSignal | undefined } {
  const { signal, intervalMs = 2_000, maxIntervalMs = Math.max(30_000, intervalMs), backoffFactor = 1.5, timeoutMs = 300_000, clock = systemClock } = options;
  const positive = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v) && v > 0;
  const problem = !positive(intervalMs)
    ? "intervalMs must be a positive number of milliseconds"
    : !positive(maxIntervalMs) || maxIntervalMs < intervalMs
      ? "maxIntervalMs must be a number of milliseconds ≥ intervalMs"
      : !positive(backoffFactor) || backoffFactor < 1
        ? "backoffFactor must be a number ≥ 1"
        : !positive(timeoutMs)
          ? "timeoutMs must be a positive number of milliseconds"
          : undefined;
  if (problem) throw new TypeError(`pollUntilSettled: ${problem}.`);
  return { signal, intervalMs, maxIntervalMs, backoffFactor, timeoutMs, clock };
}

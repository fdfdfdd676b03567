/**
 * pollUntilSettled with an injected clock: the waits it asks for are recorded, never waited.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { createMyazaClient, pollUntilSettled, type CallOptions, type FetchLike, type KycClientError, type KycState, type MyazaKycStatusResult, type PollClock } from "../src/index.js";
import { systemClock } from "../src/polling.js";
import { BASE_URL, recordingFetch, TOKEN } from "./helpers/clients.js";

/** A clock whose sleep only advances its own time and records how long it was asked to wait. */
function fakeClock(start = 1_000_000): PollClock & { waits: number[]; signals: (AbortSignal | undefined)[] } {
  let now = start;
  const waits: number[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  return {
    waits,
    signals,
    now: () => now,
    sleep: (ms, signal) => {
      if (signal?.aborted) return Promise.reject(signal.reason);
      waits.push(ms);
      signals.push(signal);
      now += ms;
      return Promise.resolve();
    },
  };
}

type Result = { ok: true; kyc: { state: KycState; provider: "myaza"; rawStatus: string } } | { ok: false; error: KycClientError<"myaza"> };
const ok = (state: KycState): Result => ({ ok: true, kyc: { state, provider: "myaza", rawStatus: state } });
const err = (fields: Partial<KycClientError<"myaza">> & Pick<KycClientError<"myaza">, "retryable">): Result => ({
  ok: false,
  error: { kind: "http", provider: "myaza", message: "Myaza answered HTTP 500.", ...fields },
});

/** A status call answering `results` in turn (the last one forever), counting calls. */
function sequence(results: Result[]) {
  const calls: CallOptions[] = [];
  return {
    calls,
    get: (options: CallOptions) => {
      calls.push(options);
      return Promise.resolve(results[Math.min(calls.length - 1, results.length - 1)]!);
    },
  };
}

describe("pollUntilSettled: when it stops", () => {
  it("stops at the first state that is no longer pending, widening the wait from 2 s", async () => {
    const clock = fakeClock();
    const s = sequence([ok("pending"), ok("pending"), ok("pending"), ok("pending"), ok("approved")]);
    const result = await pollUntilSettled(s.get, { clock });
    // assert the settled result, after 2 s, 3 s, 4.5 s, 6.75 s
    expect(result).toEqual(ok("approved"));
    expect(s.calls).toHaveLength(5);
    expect(clock.waits).toEqual([2000, 3000, 4500, 6750]);
  });

  it.each<KycState>(["not_started", "action_required", "approved", "rejected", "error", "unknown"])("returns at once on %s", async (state) => {
    const clock = fakeClock();
    const s = sequence([ok(state)]);
    expect(await pollUntilSettled(s.get, { clock })).toEqual(ok(state));
    expect(clock.waits).toEqual([]);
  });

  it("caps the wait at maxIntervalMs and uses the configured interval and factor", async () => {
    const clock = fakeClock();
    const s = sequence([...Array<Result>(6).fill(ok("pending")), ok("approved")]);
    await pollUntilSettled(s.get, { clock, intervalMs: 1000, backoffFactor: 2, maxIntervalMs: 5000 });
    expect(clock.waits).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it("returns a non-retryable failure at once", async () => {
    const clock = fakeClock();
    const s = sequence([err({ httpStatus: 404, retryable: false })]);
    expect(await pollUntilSettled(s.get, { clock })).toEqual(err({ httpStatus: 404, retryable: false }));
    expect(s.calls).toHaveLength(1);
  });

  it("retries retryable failures (network, timeout, 502) and returns what follows", async () => {
    const clock = fakeClock();
    const s = sequence([err({ kind: "network", retryable: true }), err({ kind: "timeout", retryable: true }), err({ httpStatus: 502, retryable: true }), ok("rejected")]);
    expect(await pollUntilSettled(s.get, { clock })).toEqual(ok("rejected"));
    expect(clock.waits).toEqual([2000, 3000, 4500]);
  });

  it("at timeoutMs returns the last result, still pending, without waiting past the deadline", async () => {
    const clock = fakeClock();
    const s = sequence([ok("pending")]);
    const result = await pollUntilSettled(s.get, { clock, timeoutMs: 10_000 });
    expect(result).toEqual(ok("pending"));
    // assert 2 + 3 + 4.5 s; the next wait (6.75 s) would leave no time for a call, so no more
    expect(clock.waits).toEqual([2000, 3000, 4500]);
    expect(s.calls).toHaveLength(4);
  });

  it("bounds each call by what is left of timeoutMs", async () => {
    const clock = fakeClock();
    const s = sequence([ok("pending")]);
    await pollUntilSettled(s.get, { clock, timeoutMs: 10_000 });
    expect(s.calls.map((c) => c.timeoutMs)).toEqual([10_000, 8_000, 5_000, 500]);
  });

  it("cuts a call still in flight at the deadline: a client whose own timeout is 10 minutes answers a timeout", async () => {
    // a transport that never answers (until aborted), a client that would wait 10 minutes, polling for 300 ms
    const hanging: FetchLike = (request) => new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true }));
    const myaza = createMyazaClient({ baseUrl: BASE_URL, apiKey: TOKEN, fetch: hanging, timeoutMs: 600_000 });
    const result = await pollUntilSettled((o) => myaza.getKycStatus("ver_01", o), { timeoutMs: 300 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("timeout");
    expect(result.error.message).toMatch(/^Myaza did not answer within \d+ ms\. That was all the time left for this call/);
  });
});

describe("pollUntilSettled: rate limits", () => {
  it("waits at least as long as the provider asks on 429", async () => {
    const clock = fakeClock();
    const s = sequence([err({ httpStatus: 429, retryable: true, retryAfterMs: 7000 }), err({ httpStatus: 429, retryable: true, retryAfterMs: 500 }), ok("approved")]);
    expect(await pollUntilSettled(s.get, { clock })).toEqual(ok("approved"));
    // assert 7 s as asked, then the backoff (3 s) since 0.5 s is shorter
    expect(clock.waits).toEqual([7000, 3000]);
  });

  it("returns the 429 at once when the provider asks for longer than is left", async () => {
    const clock = fakeClock();
    const limited = err({ httpStatus: 429, retryable: true, retryAfterMs: 900_000 });
    const s = sequence([limited, ok("approved")]);
    expect(await pollUntilSettled(s.get, { clock, timeoutMs: 60_000 })).toEqual(limited);
    expect(clock.waits).toEqual([]);
  });

  it("keeps polling through a Myaza 503 that carries rate-limit headers with requests remaining", async () => {
    const clock = fakeClock();
    const answers = [
      () => Response.json({ error: "Service unavailable" }, { status: 503, headers: { "RateLimit-Limit": "100", "RateLimit-Remaining": "97", "RateLimit-Reset": "850" } }),
      () => Response.json({ verificationId: "ver_01", status: "verified", createdAt: "2026-04-27T12:00:00.000Z", completedAt: "2026-04-27T12:00:05.000Z" }),
    ];
    const transport = recordingFetch(() => answers.shift()!());
    const myaza = createMyazaClient({ baseUrl: BASE_URL, apiKey: TOKEN, fetch: transport.fetch });
    const result = await pollUntilSettled((o) => myaza.getKycStatus("ver_01", o), { clock });
    // assert the 503 was retried after the ordinary backoff, not given up on as an 850 s wait
    expect(result.ok && result.kyc.state).toBe("approved");
    expect(clock.waits).toEqual([2000]);
    expect(transport.requests).toHaveLength(2);
  });

  it("honours Myaza's RateLimit-Reset through a real client", async () => {
    const clock = fakeClock();
    const answers = [
      () => Response.json({ error: "Too many requests, please try again later." }, { status: 429, headers: { "RateLimit-Reset": "12" } }),
      () => Response.json({ verificationId: "ver_01", status: "pending", createdAt: "2026-04-27T12:00:00.000Z" }),
      () => Response.json({ verificationId: "ver_01", status: "verified", createdAt: "2026-04-27T12:00:00.000Z", completedAt: "2026-04-27T12:00:05.000Z" }),
    ];
    const transport = recordingFetch(() => answers.shift()!());
    const myaza = createMyazaClient({ baseUrl: BASE_URL, apiKey: TOKEN, fetch: transport.fetch });
    const result = await pollUntilSettled((o) => myaza.getKycStatus("ver_01", o), { clock });
    expectTypeOf(result).toEqualTypeOf<MyazaKycStatusResult>();
    expect(result.ok && result.kyc.state).toBe("approved");
    expect(clock.waits).toEqual([12_000, 3000]);
    expect(transport.requests).toHaveLength(3);
  });
});

describe("pollUntilSettled: cancellation", () => {
  it("passes the signal to each call and to each wait", async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const s = sequence([ok("pending"), ok("approved")]);
    await pollUntilSettled(s.get, { clock, signal: controller.signal });
    expect(s.calls.map((c) => c.signal)).toEqual([controller.signal, controller.signal]);
    expect(clock.signals).toEqual([controller.signal]);
  });

  it("rejects with the abort reason when aborted between calls", async () => {
    const controller = new AbortController();
    const clock = fakeClock();
    let calls = 0;
    const get = () => {
      if (++calls === 2) controller.abort(new Error("stop polling"));
      return Promise.resolve(ok("pending"));
    };
    await expect(pollUntilSettled(get, { clock, signal: controller.signal })).rejects.toThrow("stop polling");
    expect(calls).toBe(2);
  });

  it("rejects without calling when the signal is already aborted", async () => {
    const s = sequence([ok("approved")]);
    await expect(pollUntilSettled(s.get, { signal: AbortSignal.abort(new Error("gone")) })).rejects.toThrow("gone");
    expect(s.calls).toHaveLength(0);
  });

  it("the real clock's sleep is cut short by an abort", async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(3_600_000, controller.signal);
    controller.abort(new Error("woken"));
    await expect(sleeping).rejects.toThrow("woken");
    await expect(systemClock.sleep(3_600_000, AbortSignal.abort(new Error("never slept")))).rejects.toThrow("never slept");
    await expect(systemClock.sleep(0)).resolves.toBeUndefined();
  });
});

describe("pollUntilSettled: options", () => {
  it.each([{ intervalMs: 0 }, { intervalMs: -5 }, { maxIntervalMs: 10, intervalMs: 100 }, { backoffFactor: 0.5 }, { timeoutMs: 0 }, { timeoutMs: Number.NaN }])(
    "refuses %j with a TypeError",
    async (options) => {
      const refused = pollUntilSettled(sequence([ok("approved")]).get, options);
      await expect(refused).rejects.toBeInstanceOf(TypeError);
      await expect(refused).rejects.toThrow(/^pollUntilSettled: /);
    },
  );
});

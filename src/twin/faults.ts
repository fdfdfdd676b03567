/**
 * Faults: which of a fixture's `faults` fire on a call (`onCall`, or every call), and what they do
 * to the answer: `latencyMs` (summed, slept on the twin's clock), then the first of `status`
 * (that documented status and example instead), `reset` (drop the connection), `malformed` (a
 * success body cut in half) and `hang` (no answer until the client goes away, a reset or close).
 * A new fault kind goes here (and in fixtures.ts, fixtures-schema.ts and `TwinRequestRecord.fault`).
 */
import type { TwinFault } from "./fixtures.js";
import type { SpecView } from "./spec-view.js";
import type { TwinAnswer, TwinClock, TwinReply, TwinRequestLike, TwinRequestRecord } from "./types.js";

const none: TwinFault[] = [];

/** The faults that fire on call number `call` (counted per twin or per record). */
export function firing(faults: readonly TwinFault[] | undefined, call: number): TwinFault[] {
  return faults === undefined || faults.length === 0 ? none : faults.filter((f) => f.onCall === undefined || f.onCall === call);
}

/** What applying faults needs from the engine: the answer built from a reply, and journaling it. */
export interface FaultContext {
  clock: TwinClock;
  view: SpecView;
  build(request: TwinRequestLike, reply: TwinReply): TwinAnswer;
  /** Builds the reply's answer and journals it. */
  send(request: TwinRequestLike, path: string, reply: TwinReply, extra?: Partial<TwinRequestRecord>): TwinAnswer;
  journal(request: TwinRequestLike, path: string, answer: TwinAnswer, extra: Partial<TwinRequestRecord>): void;
}

export interface Faults {
  /** The answer to `reply` shaped by `faults` (`null`: drop the connection). */
  apply(request: TwinRequestLike, path: string, reply: TwinReply, faults: TwinFault[], marks?: Partial<TwinRequestRecord>): Promise<TwinAnswer | null>;
  /** Releases every hung answer (each drops its connection). */
  releaseHung(): void;
}

export function createFaults(ctx: FaultContext): Faults {
  const { clock, view } = ctx;
  const hanging = new Set<() => void>();

  const firstSuccess = (): TwinReply => {
    const ok = [...view.statuses.values()].find((s) => s.status >= 200 && s.status < 300)!;
    return { status: ok.status, example: ok.examples.keys().next().value ?? "" };
  };

  function hang(request: TwinRequestLike, path: string): Promise<null> {
    ctx.journal(request, path, { status: 0, headers: {}, body: "" }, { fault: "hang" });
    const signal = request.signal;
    return new Promise<null>((resolve) => {
      const release = (): void => {
        hanging.delete(release);
        signal?.removeEventListener("abort", release);
        resolve(null);
      };
      hanging.add(release);
      if (signal?.aborted) release();
      else signal?.addEventListener("abort", release, { once: true });
    });
  }

  return {
    async apply(request, path, reply, faults, marks = {}) {
      const latency = faults.reduce((sum, f) => sum + (f.latencyMs ?? 0), 0);
      if (latency > 0) {
        try {
          await clock.sleep(latency, request.signal);
        } catch {
          return null;
        }
      }
      const fault = faults.find((f) => f.status !== undefined || f.hang === true || f.reset === true || f.malformed === true);
      if (!fault) return ctx.send(request, path, reply, latency > 0 ? { ...marks, fault: "latency" } : marks);
      if (fault.status !== undefined) {
        const example = fault.example ?? view.statuses.get(fault.status)?.examples.keys().next().value;
        return ctx.send(request, path, { status: fault.status, example: example ?? "" }, { fault: "status" });
      }
      if (fault.reset) {
        ctx.journal(request, path, { status: 0, headers: {}, body: "" }, { fault: "reset" });
        return null;
      }
      if (fault.malformed) {
        const built = ctx.build(request, reply.status >= 200 && reply.status < 300 ? reply : firstSuccess());
        const answer = { ...built, body: built.body.slice(0, Math.max(1, Math.floor(built.body.length / 2))) };
        ctx.journal(request, path, answer, { fault: "malformed" });
        return answer;
      }
      return hang(request, path);
    },
    releaseHung() {
      for (const release of [...hanging]) release();
    },
  };
}

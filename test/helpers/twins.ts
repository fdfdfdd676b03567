/**
 * Test support for the twins: every answer a twin gave (its journal) goes through the
 * conformance checker, so no test can pass on a response that breaks the spec.
 */
import { expect } from "vitest";
import { createCheckerForSpec } from "../../src/conformance/checker.js";
import type { ProviderSlug } from "../../src/providers.js";
import { specDocument } from "../../src/spec/load.js";
import type { Twin, TwinRequestRecord } from "../../src/twin/index.js";

/** Faults whose whole point is an answer outside the contract (or none). */
const DELIBERATELY_BROKEN = new Set<TwinRequestRecord["fault"]>(["reset", "hang", "malformed"]);

/**
 * Checks every journal entry of `twin` against its spec, semantic checks included (the id in the
 * body is the one asked for; statuses of one id follow the spec's x-lifecycle); answers chosen
 * with `Prefer` are named examples verbatim, so they get the schema checks only (as against
 * Prism). Returns how many were checked.
 */
export function expectJournalConforms(twin: Pick<Twin, "provider" | "requests">): number {
  const strict = createCheckerForSpec(twin.provider, specDocument(twin.provider));
  const examples = createCheckerForSpec(twin.provider, specDocument(twin.provider), { idEcho: false, lifecycle: false });
  let checked = 0;
  for (const entry of twin.requests()) {
    if (entry.outsideContract || DELIBERATELY_BROKEN.has(entry.fault)) continue;
    const result = (entry.prefer ? examples : strict).check(entry);
    expect(result.violations, `${twin.provider} #${entry.seq} ${entry.method} ${entry.path} → ${entry.status} ${entry.body.slice(0, 200)}`).toEqual([]);
    checked++;
  }
  return checked;
}

/** A clock tests move by hand: `sleep` resolves once `advance` passes its deadline. */
export function manualClock(start = Date.UTC(2026, 3, 27, 12)): { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void>; advance(ms: number): void; sleepers(): number } {
  let now = start;
  const waiting: { at: number; resolve(): void }[] = [];
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason as Error);
        const entry = { at: now + ms, resolve };
        waiting.push(entry);
        signal?.addEventListener("abort", () => {
          // Aborting after the sleep resolved leaves the other sleepers alone.
          const index = waiting.indexOf(entry);
          if (index >= 0) waiting.splice(index, 1);
          reject(signal.reason as Error);
        });
      });
    },
    advance(ms) {
      now += ms;
      for (const w of waiting.filter((x) => x.at <= now)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    },
    sleepers: () => waiting.length,
  };
}

export const slugsWithTwins: readonly ProviderSlug[] = ["proof", "btc-direct", "nyota-imara", "myaza"];

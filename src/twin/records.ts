/**
 * A twin's records and their transitions: each record as set (fixtures, `set`, PUT), the calls
 * counted per id, what a call sees after its `then` steps (`afterCalls` counted per id, `afterMs`
 * on the twin's clock), and, for a provider with webhooks, the change a read, a set or a timed
 * step falling due makes (told to `ProviderWebhooks.changed`). One book per reset.
 */
import type { ProviderSlug } from "../providers.js";
import type { AnyTwinRecord, TwinFault, TwinFixtureMap } from "./fixtures.js";
import type { EffectiveRecord, ProviderWebhooks, TwinClock } from "./types.js";
import { firing } from "./faults.js";

interface RecordState {
  record: AnyTwinRecord;
  /** The record without `then` and `faults`: what a call sees before any transition. */
  base: Record<string, unknown>;
  setAt: number;
  calls: number;
  /** Cancels the clock wake-ups of its timed transitions (webhooks). */
  timers?: AbortController;
}

function recordState(record: AnyTwinRecord, setAt: number): RecordState {
  const { then, faults, ...base } = record;
  void then;
  void faults;
  return { record, base, setAt, calls: 0 };
}

/** The `afterMs` of each timed step of a record. */
function timedSteps(record: AnyTwinRecord): number[] {
  const then = (record as { then?: { afterMs?: number; afterCalls?: number }[] }).then ?? [];
  return then.flatMap((step) => (step.afterCalls === undefined && step.afterMs !== undefined ? [step.afterMs] : []));
}

export interface RecordBook<S extends ProviderSlug> {
  has(id: string): boolean;
  /**
   * Counts a call for `id` and returns its record as of this call with the record's faults firing
   * on it; undefined when there is none, or when `visible` rejects it (not counted).
   */
  call(id: string, visible?: (record: EffectiveRecord<S>) => boolean): { record: EffectiveRecord<S>; faults: TwinFault[] } | undefined;
  /** Record `id` as of now (noticed: a change since last seen is told to the webhooks), undefined when there is none. */
  current(id: string): EffectiveRecord<S> | undefined;
  /** Adds or replaces a record (already checked); its call count and timed steps start again. */
  store(id: string, record: AnyTwinRecord): void;
  /** Notices every watched record with timed steps as of the clock now (what the wake-ups do, without waiting for them). */
  noticeTimed(): void;
  /** Cancels every wake-up; timed transitions are no longer noticed by this book. */
  cancelTimers(): void;
}

export function createRecordBook<S extends ProviderSlug>(fixtures: TwinFixtureMap[S], clock: TwinClock, hooks: ProviderWebhooks<S> | undefined): RecordBook<S> {
  const now = clock.now();
  const records = new Map(Object.entries(fixtures.records as Record<string, AnyTwinRecord>).map(([id, record]) => [id, recordState(record, now)]));
  /** Each record's state as last seen by a read, a set or the clock (webhook providers only): a difference is a change. */
  const lastSeen = new Map<string, EffectiveRecord<S>>();
  /** Set by cancelTimers(): timed transitions are no longer delivered. */
  let timersCancelled = false;
  const watches = (state: RecordState): boolean => hooks?.watches(state.record as TwinFixtureMap[S]["records"][string]) ?? false;

  function effective(state: RecordState, calls = state.calls): EffectiveRecord<S> {
    const then = (state.record as { then?: Record<string, unknown>[] }).then;
    let current = state.base;
    if (!then || then.length === 0) return current as EffectiveRecord<S>;
    const elapsed = clock.now() - state.setAt;
    for (const step of then) {
      const { afterCalls, afterMs, ...fields } = step as { afterCalls?: number; afterMs?: number };
      if (afterCalls !== undefined ? calls > afterCalls : afterMs !== undefined && elapsed >= afterMs) current = { ...current, ...fields };
    }
    return current as EffectiveRecord<S>;
  }

  /** Remembers a record's state; when it is not the one last seen, tells the provider's webhooks. */
  function notice(id: string, current: EffectiveRecord<S>): EffectiveRecord<S> {
    if (!hooks) return current;
    const previous = lastSeen.get(id);
    lastSeen.set(id, current);
    if (previous !== undefined && previous !== current) hooks.changed(id, current, previous);
    return current;
  }

  /**
   * A watched record's timed steps wake the engine when they are due by the twin's clock (an
   * injected clock wakes them when it is advanced), so their deliveries do not wait for a read.
   */
  function wakeOnTimedSteps(id: string, state: RecordState): void {
    if (!watches(state)) return;
    for (const afterMs of timedSteps(state.record)) {
      const wait = state.setAt + afterMs - clock.now();
      if (wait <= 0) continue;
      state.timers ??= new AbortController();
      void clock.sleep(wait, state.timers.signal).then(
        () => {
          if (records.get(id) === state) notice(id, effective(state));
        },
        () => undefined,
      );
    }
  }

  if (hooks) {
    for (const [id, state] of records) {
      lastSeen.set(id, effective(state));
      wakeOnTimedSteps(id, state);
    }
  }

  return {
    has: (id) => records.has(id),
    call(id, visible) {
      const state = records.get(id);
      if (!state || (visible && !visible(effective(state, state.calls + 1)))) return undefined;
      state.calls++;
      return { record: notice(id, effective(state)), faults: firing(state.record.faults, state.calls) };
    },
    current(id) {
      const state = records.get(id);
      return state && notice(id, effective(state));
    },
    store(id, record) {
      (fixtures.records as Record<string, AnyTwinRecord>)[id] = record;
      records.get(id)?.timers?.abort();
      const state = recordState(record, clock.now());
      records.set(id, state);
      notice(id, effective(state));
      wakeOnTimedSteps(id, state);
    },
    noticeTimed() {
      if (!hooks || timersCancelled) return;
      for (const [id, state] of records) {
        if (watches(state) && timedSteps(state.record).length > 0) notice(id, effective(state));
      }
    },
    cancelTimers() {
      timersCancelled = true;
      for (const state of records.values()) state.timers?.abort();
    },
  };
}

/**
 * The twin engine: one provider's state (its fixtures, records set since, calls per id, the
 * request journal) and `handle(request) → Response` over it. Provider modules (providers/*.ts)
 * decide what a request gets; the engine adds what every twin shares: the control API under
 * `/__twin/`, Prism-compatible `Prefer`, transitions counted per id or timed by the clock,
 * faults, the documented headers and the journal. Web-standard Request/Response only.
 */
import { createRedactor, type Redactor } from "../http/redact.js";
import { readBody } from "../http/read-body.js";
import { systemClock, type PollClock } from "../polling.js";
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import type { AnyTwinRecord, TwinFault, TwinFixtureMap, TwinFixtures } from "./fixtures.js";
import { DEFAULT_TWIN_CORS, twinCorsPolicy, type TwinCors } from "./cors.js";
import { parsePrefer, type Preference } from "./prefer.js";
import { networkError, textResponse } from "./respond.js";
import { specView, type SpecView } from "./spec-view.js";
import { checkFixtures, checkRecord, type FixtureProblem } from "./validate-fixtures.js";
import { defaultFixtures } from "./defaults.js";
import type { TwinWebhookDelivery } from "./webhooks.js";

/** Time for transitions (`afterMs`), latency faults and the rate limit window; inject one in tests. */
export type TwinClock = PollClock;

/** What a provider module answers: a documented status, the named example the body is built from, and the body (default: the example verbatim). */
export interface TwinReply {
  status: number;
  /** The named example the body comes from (absent when a fixture gives the whole body, e.g. BTC Direct requirements). */
  example?: string;
  body?: unknown;
  /** The body already as JSON text (built from `example` by the provider), sent as it is. */
  text?: string;
  headers?: Record<string, string>;
}

/** A record as it stands at one call: its fields after the transitions that have triggered. */
export type EffectiveRecord<S extends ProviderSlug> = Omit<TwinFixtureMap[S]["records"][string], "then" | "faults">;

/**
 * What the engine reads from a request: a web `Request` is one; the node:http transport passes a
 * lighter view of the incoming message (no `Request` is built per call).
 */
export interface TwinRequestLike {
  readonly method: string;
  /** Absolute URL, or the path with its query. */
  readonly url: string;
  readonly headers: { get(name: string): string | null; forEach(callback: (value: string, name: string) => void): void };
  /** Aborted when the client goes away (ends a hung answer). */
  readonly signal?: AbortSignal;
  /** Read by the control API only. */
  readonly body?: ReadableStream<Uint8Array> | null;
}

/** An answer as plain data (`null`: drop the connection without answering). */
export interface TwinAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ServeContext<S extends ProviderSlug> {
  readonly request: TwinRequestLike;
  /** The operation's path parameters, percent-decoded (the raw text when it does not decode). */
  readonly params: readonly string[];
  readonly fixtures: TwinFixtureMap[S];
  readonly view: SpecView;
  now(): number;
  /**
   * Counts a call for `id` and returns its record as of this call, or undefined when there is
   * none, or when `visible` rejects it (another organization's: not counted).
   */
  lookup(id: string, visible?: (record: EffectiveRecord<S>) => boolean): EffectiveRecord<S> | undefined;
  /**
   * A reply with the named example's body (a deep copy, for the caller to substitute fields in).
   * With `cacheKey` (naming everything `edit` reads besides the example), the edited body's JSON
   * text is kept and later calls with the same key reuse it instead of editing again.
   */
  reply(status: number, example: string, edit?: (body: unknown) => unknown, cacheKey?: string): TwinReply;
}

export interface ProviderBehaviour<S extends ProviderSlug> {
  serve(ctx: ServeContext<S>): TwinReply;
  /** Headers every response carries (Proof's `X-Request-Id`). */
  everyResponse?(): Record<string, string>;
  /** Webhook deliveries (Myaza): what the twin sends when a record's state changes, and on request. */
  webhooks?: ProviderWebhooks<S>;
}

/** A provider's outgoing webhooks, driven by the engine's view of each record. */
export interface ProviderWebhooks<S extends ProviderSlug> {
  /** Whether changes of this record are delivered (Myaza: it names `webhooks`); its timed transitions are then woken by the clock. */
  watches(record: TwinFixtureMap[S]["records"][string]): boolean;
  /** Record `id` as of now differs from `previous` (its state last seen by a read, a set or the clock): deliver what the change means. */
  changed(id: string, record: EffectiveRecord<S>, previous: EffectiveRecord<S>): void;
  /** Delivers the event of the record's current state now (an error text when the record names no endpoints). */
  deliver(id: string, record: EffectiveRecord<S>): Promise<TwinWebhookDelivery[]> | { error: string };
  deliveries(): TwinWebhookDelivery[];
  settled(): Promise<void>;
}

export type ProviderDefinition<S extends ProviderSlug> = (env: { fixtures: TwinFixtureMap[S]; clock: TwinClock }) => ProviderBehaviour<S>;

/** One request a twin received and what it answered (request credentials redacted). Passes as an `Exchange` to the conformance checker. */
export interface TwinRequestRecord {
  seq: number;
  /** ISO time by the twin's clock. */
  at: string;
  method: string;
  path: string;
  requestHeaders: Record<string, string>;
  /** 0 when no answer was sent (a reset or hung connection). */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The named example the body was built from. */
  example?: string;
  /** A fault that shaped this answer. */
  fault?: "latency" | "status" | "hang" | "reset" | "malformed";
  /** True when the answer is outside the contract (an unknown route, a Prefer naming nothing documented). */
  outsideContract?: boolean;
  /** True when `Prefer` chose the answer: a named example verbatim, whatever id was asked for (as Prism does). */
  prefer?: boolean;
}

export interface Twin<S extends ProviderSlug = ProviderSlug> {
  readonly provider: S;
  /** The engine: a web-standard request in, a response out (`Response.error()` for a dropped connection). */
  handle(request: Request): Promise<Response>;
  /** The same engine with plain data in and out (what `handle` wraps; transports may call it to skip building Request/Response objects). `null`: drop the connection. */
  answer: (request: TwinRequestLike) => Promise<TwinAnswer | null>;
  /** A `fetch` over `handle` (any origin; rejects with a TypeError on a dropped connection): the clients' `fetch` option. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Adds or replaces a record (validated like fixtures; throws a TwinFixturesError naming the field). Its call count starts again. */
  set(id: string, record: TwinFixtureMap[S]["records"][string]): void;
  /** Back to the fixtures it started with: records, call counts, rate limits and the journal; hung responses are released. */
  reset(): void;
  /** The journal, oldest first (the last `journalLimit` requests). */
  requests(): TwinRequestRecord[];
  /** Releases hung responses and cancels timed webhook deliveries, wake-ups and `webhooksSettled` alike, until `reset()` re-arms them (what stopping a server does). */
  close: () => void;
  /** The webhook journal (Myaza): each delivery the twin made, with the receiver's answer, oldest first. Empty for providers without webhooks. */
  webhookDeliveries(): TwinWebhookDelivery[];
  /**
   * Delivers the webhook event of record `id`'s current state now, to its endpoints; resolves with
   * the deliveries once each receiver answered. Rejects with a TwinError when the provider has no
   * webhooks, or the record does not exist or names no endpoints.
   */
  deliverWebhooks(id: string): Promise<TwinWebhookDelivery[]>;
  /**
   * Delivers the changes timed transitions (`afterMs`) have made by the twin's clock so far, then
   * resolves once every webhook delivery started has its answer.
   */
  webhooksSettled(): Promise<void>;
}

export interface CreateTwinOptions {
  /** A whole fixtures document (any provider left out gets the defaults). Default: the built-in fixtures. */
  fixtures?: TwinFixtures;
  clock?: TwinClock;
  /** How many requests the journal keeps (default 1 000). */
  journalLimit?: number;
  /** Called with every journal entry as it is recorded. */
  onRequest?: (entry: TwinRequestRecord) => void;
  /** Which browser origins each provider's twin answers with CORS (src/twin/cors.ts); unset providers keep their default (Myaza: any; others: none). */
  cors?: Partial<Record<ProviderSlug, TwinCors>>;
  /**
   * The spec each provider's twin serves from (its operation, statuses, headers and named
   * examples), e.g. one read from disk with `readSpecsDir`; unset providers use the bundled spec.
   * Fixtures are still checked against the bundled specs.
   */
  specs?: Partial<Record<ProviderSlug, OpenApiDocument>>;
}

export type TwinErrorCode =
  /** Fixtures that do not pass the schema or the checks after it (`field` names the field). */
  | "invalid-fixtures"
  /** The fixtures file cannot be read or parsed. */
  | "fixtures-unreadable"
  /** Contradictory or malformed options (unknown provider, duplicate or invalid port). */
  | "invalid-options"
  /** A requested port is in use or cannot be listened on. */
  | "port-unavailable";

/** Why twins could not be created or started. Nothing was left running. The message says what to do. */
export class TwinError extends Error {
  override readonly name: string = "TwinError";
  constructor(
    readonly code: TwinErrorCode,
    message: string,
    /** The fixture field at fault (`invalid-fixtures`), e.g. `myaza.records.ver_1.status`. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Fixtures that do not pass the schema or the checks after it. */
export class TwinFixturesError extends TwinError {
  override readonly name = "TwinFixturesError";
  constructor(problem: FixtureProblem, source?: string) {
    super("invalid-fixtures", `Invalid twin fixtures${source ? ` (${source})` : ""}: ${problem.message} The format is kyc-status-contracts/twin/fixtures.schema.json (see docs/twins.md, "Fixtures").`, problem.field);
  }
}

const MAX_CONTROL_BODY_BYTES = 64 * 1024;
const DEFAULT_JOURNAL_LIMIT = 1_000;
/** Cached reply bodies per twin (one per example and record state served); past this the cache starts again. */
const MAX_RENDERINGS = 1_000;

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

/** A journal entry as recorded on the hot path; redacted and dated only when read. */
interface RawEntry {
  seq: number;
  atMs: number;
  method: string;
  path: string;
  /** The request's headers as name, value, name, value…: a copy, so the journal keeps no transport object (a node request and its socket) alive. */
  headers: string[];
  answer: TwinAnswer;
  extra: Partial<TwinRequestRecord>;
}

/** Resolves fixtures once (validated unless they are the defaults). */
export function resolveFixtures(fixtures: TwinFixtures | undefined, source?: string): TwinFixtureMap {
  if (fixtures === undefined) return defaultFixtures();
  const checked = checkFixtures(fixtures);
  if (!checked.ok) throw new TwinFixturesError(checked.problem, source);
  return checked.fixtures;
}

export function createTwinEngine<S extends ProviderSlug>(slug: S, definition: ProviderDefinition<S>, resolved: TwinFixtureMap, options: Omit<CreateTwinOptions, "fixtures"> = {}): Twin<S> {
  const view = specView(slug, options.specs?.[slug]);
  const clock = options.clock ?? systemClock;
  const journalLimit = options.journalLimit ?? DEFAULT_JOURNAL_LIMIT;
  const credentialHeaders = [...new Set(view.credentialSets.flat().map((h) => h.toLowerCase()))];
  const cors = twinCorsPolicy(options.cors?.[slug] ?? DEFAULT_TWIN_CORS[slug], view.operation.method, [...credentialHeaders, "prefer"]);
  const initial = resolved[slug];

  let fixtures: TwinFixtureMap[S];
  let records: Map<string, RecordState>;
  let behaviour: ProviderBehaviour<S>;
  let providerCalls: number;
  let journal: RawEntry[];
  let seq = 0;
  let redact: Redactor;
  /** Each record's state as last seen by a read, a set or the clock (webhook providers only): a difference is a change. */
  let lastSeen: Map<string, EffectiveRecord<S>>;
  const hanging = new Set<() => void>();
  /** Edited example bodies as JSON text, by reply and cache key (ServeContext.reply). */
  const renderings = new Map<string, string>();
  /** Set by close(): timed transitions are no longer delivered (until a reset re-arms them). */
  let timersCancelled = false;

  const init = (): void => {
    fixtures = structuredClone(initial);
    const now = clock.now();
    records = new Map(Object.entries(fixtures.records as Record<string, AnyTwinRecord>).map(([id, record]) => [id, recordState(record, now)]));
    behaviour = definition({ fixtures, clock });
    providerCalls = 0;
    journal = [];
    redact = createRedactor(fixtureSecrets(fixtures));
    lastSeen = new Map();
    timersCancelled = false;
    if (behaviour.webhooks) {
      for (const [id, state] of records) {
        lastSeen.set(id, effective(state));
        wakeOnTimedSteps(id, state);
      }
    }
  };

  const releaseHung = (): void => {
    for (const release of [...hanging]) release();
  };

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
    const hooks = behaviour.webhooks;
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
    if (!behaviour.webhooks?.watches(state.record as TwinFixtureMap[S]["records"][string])) return;
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

  /** Notices every watched record with timed steps as of the clock now (what the wake-ups do, without waiting for them). */
  function noticeTimed(): void {
    const hooks = behaviour.webhooks;
    if (!hooks || timersCancelled) return;
    for (const [id, state] of records) {
      if (hooks.watches(state.record as TwinFixtureMap[S]["records"][string]) && timedSteps(state.record).length > 0) notice(id, effective(state));
    }
  }

  async function deliverWebhooks(id: string): Promise<TwinWebhookDelivery[]> {
    if (!behaviour.webhooks) throw new TwinError("invalid-options", `The ${slug} twin sends no webhooks (only Myaza's spec documents them).`);
    const state = records.get(id);
    if (!state) throw new TwinError("invalid-options", `The ${slug} twin has no record "${id}": set it first (twin.set or PUT /__twin/records/{id}).`);
    const result = behaviour.webhooks.deliver(id, notice(id, effective(state)));
    if ("error" in result) throw new TwinError("invalid-options", result.error);
    return result;
  }

  const cancelTimers = (): void => {
    timersCancelled = true;
    for (const state of records.values()) state.timers?.abort();
  };

  init();

  const none: TwinFault[] = [];
  const firing = (faults: readonly TwinFault[] | undefined, call: number): TwinFault[] => (faults === undefined || faults.length === 0 ? none : faults.filter((f) => f.onCall === undefined || f.onCall === call));

  function journalEntry(request: TwinRequestLike, path: string, response: TwinAnswer, extra: Partial<TwinRequestRecord>): void {
    const headers: string[] = [];
    request.headers.forEach((value, name) => headers.push(name, value));
    const raw: RawEntry = { seq: ++seq, atMs: clock.now(), method: request.method, path, headers, answer: response, extra };
    journal.push(raw);
    if (options.onRequest) options.onRequest(materialize(raw));
    // Trimmed in batches: dropping one entry per request would shift the whole array every time.
    if (journal.length >= journalLimit * 2) journal = journal.slice(-journalLimit);
  }

  /** The entry as `requests()` shows it: request credentials redacted, time as ISO text. */
  function materialize(raw: RawEntry): TwinRequestRecord {
    const requestHeaders: Record<string, string> = {};
    for (let i = 0; i < raw.headers.length; i += 2) {
      const lower = (raw.headers[i] ?? "").toLowerCase();
      const value = raw.headers[i + 1] ?? "";
      requestHeaders[lower] = credentialHeaders.includes(lower) ? (/^bearer\s/i.test(value) ? "Bearer [redacted]" : "[redacted]") : redact(value);
    }
    const { status, headers, body } = raw.answer;
    return { seq: raw.seq, at: new Date(raw.atMs).toISOString(), method: raw.method, path: redact(raw.path), requestHeaders, status, headers: { ...headers }, body, ...raw.extra };
  }

  function build(reply: TwinReply): TwinAnswer {
    const headers: Record<string, string> = { "Content-Type": "application/json", ...behaviour.everyResponse?.(), ...reply.headers };
    for (const [name, example] of view.statuses.get(reply.status)?.headers ?? []) {
      if (!(name in headers) && example !== undefined) headers[name] = example;
    }
    const body = reply.text ?? (reply.body === undefined ? view.exampleText(reply.status, reply.example ?? "") : JSON.stringify(reply.body));
    return { status: reply.status, headers, body };
  }

  function send(request: TwinRequestLike, path: string, reply: TwinReply, extra: Partial<TwinRequestRecord> = {}): TwinAnswer {
    const built = build(reply);
    journalEntry(request, path, built, { ...(reply.example === undefined ? {} : { example: reply.example }), ...extra });
    return built;
  }

  function outsideContract(request: TwinRequestLike, path: string, status: number, title: string, detail: string): TwinAnswer {
    const body = JSON.stringify({ type: "about:blank", title, status, detail });
    const headers = { "Content-Type": "application/problem+json", ...behaviour.everyResponse?.() };
    const answer = { status, headers, body };
    journalEntry(request, path, answer, { outsideContract: true });
    return answer;
  }

  function preferReply(preference: Preference): TwinReply | string {
    const { code, example } = preference;
    if (code !== undefined && !view.statuses.has(code)) return `Prefer asks for code=${Number.isNaN(code) ? "?" : code}, which the ${slug} spec does not document (documented: ${[...view.statuses.keys()].join(", ")}).`;
    if (example !== undefined) {
      const status = view.statusOfExample(example);
      if (status === undefined || (code !== undefined && code !== status)) {
        const names = code !== undefined ? [...(view.statuses.get(code)?.examples.keys() ?? [])] : [...view.statuses.values()].flatMap((s) => [...s.examples.keys()]);
        return `Prefer names example "${example}", which the ${slug} spec does not have${code !== undefined ? ` for HTTP ${code}` : ""} (run \`kyc-contracts scenarios --provider ${slug}\`; examples: ${names.join(", ")}).`;
      }
      return { status, example };
    }
    const first = view.statuses.get(code!)?.examples.keys().next().value;
    if (first === undefined) return `HTTP ${code} has no named example in the ${slug} spec.`;
    return { status: code!, example: first };
  }

  const hasCredentials = (request: TwinRequestLike): boolean => view.credentialSets.some((set) => set.every((h) => (request.headers.get(h) ?? "").trim().length > 0));

  async function applyFaults(request: TwinRequestLike, path: string, reply: TwinReply, faults: TwinFault[], marks: Partial<TwinRequestRecord> = {}): Promise<TwinAnswer | null> {
    const latency = faults.reduce((sum, f) => sum + (f.latencyMs ?? 0), 0);
    if (latency > 0) {
      try {
        await clock.sleep(latency, request.signal);
      } catch {
        return null;
      }
    }
    const fault = faults.find((f) => f.status !== undefined || f.hang === true || f.reset === true || f.malformed === true);
    if (!fault) return send(request, path, reply, latency > 0 ? { ...marks, fault: "latency" } : marks);
    if (fault.status !== undefined) {
      const example = fault.example ?? view.statuses.get(fault.status)?.examples.keys().next().value;
      return send(request, path, { status: fault.status, example: example ?? "" }, { fault: "status" });
    }
    if (fault.reset) {
      journalEntry(request, path, { status: 0, headers: {}, body: "" }, { fault: "reset" });
      return null;
    }
    if (fault.malformed) {
      const built = build(reply.status >= 200 && reply.status < 300 ? reply : firstSuccess());
      const body = built.body.slice(0, Math.max(1, Math.floor(built.body.length / 2)));
      const answer = { ...built, body };
      journalEntry(request, path, answer, { fault: "malformed" });
      return answer;
    }
    journalEntry(request, path, { status: 0, headers: {}, body: "" }, { fault: "hang" });
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

  const firstSuccess = (): TwinReply => {
    const ok = [...view.statuses.values()].find((s) => s.status >= 200 && s.status < 300)!;
    return { status: ok.status, example: ok.examples.keys().next().value ?? "" };
  };

  async function control(request: TwinRequestLike, route: string): Promise<TwinAnswer> {
    const json = (status: number, value: unknown): TwinAnswer => ({ status, headers: status === 204 ? {} : { "Content-Type": "application/json" }, body: status === 204 ? "" : JSON.stringify(value) });
    const usage = `Control endpoints: GET /__twin/requests, POST /__twin/reset, PUT /__twin/records/{id} (JSON record)${behaviour.webhooks ? ", GET /__twin/webhooks, POST /__twin/webhooks/{id}" : ""}.`;
    if (route === "requests") return request.method === "GET" ? json(200, twin.requests()) : json(405, { error: `Use GET. ${usage}` });
    if (behaviour.webhooks && route === "webhooks") {
      if (request.method !== "GET") return json(405, { error: `Use GET. ${usage}` });
      noticeTimed();
      return json(200, twin.webhookDeliveries());
    }
    if (behaviour.webhooks && route.startsWith("webhooks/") && route.length > "webhooks/".length) {
      if (request.method !== "POST") return json(405, { error: `Use POST to deliver the record's current event. ${usage}` });
      const id = safeDecode(route.slice("webhooks/".length));
      if (!records.has(id)) return json(404, { error: `No record "${id}": PUT /__twin/records/${encodeURIComponent(id)} first.` });
      try {
        return json(200, await deliverWebhooks(id));
      } catch (error) {
        if (error instanceof TwinError) return json(409, { error: error.message });
        throw error;
      }
    }
    if (route === "reset") {
      if (request.method !== "POST") return json(405, { error: `Use POST. ${usage}` });
      twin.reset();
      return json(204, null);
    }
    if (route.startsWith("records/") && route.length > "records/".length) {
      if (request.method !== "PUT") return json(405, { error: `Use PUT with a JSON record. ${usage}` });
      const id = safeDecode(route.slice("records/".length));
      const text = await readBounded(request, MAX_CONTROL_BODY_BYTES);
      if (text === undefined) return json(413, { error: `The record is larger than ${MAX_CONTROL_BODY_BYTES} bytes.` });
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch {
        return json(400, { error: "The body is not JSON: send the record as JSON, e.g. {\"status\": \"verified\"}." });
      }
      const problem = checkRecord(slug, id, record, { ...resolved, [slug]: fixtures });
      if (problem) return json(400, { error: new TwinFixturesError(problem).message, field: problem.field });
      store(id, record as AnyTwinRecord);
      return json(200, { id, record });
    }
    return json(404, { error: `No such twin control endpoint: ${request.method} /__twin/${route}. ${usage}` });
  }

  const store = (id: string, record: AnyTwinRecord): void => {
    (fixtures.records as Record<string, AnyTwinRecord>)[id] = record;
    records.get(id)?.timers?.abort();
    const state = recordState(record, clock.now());
    records.set(id, state);
    notice(id, effective(state));
    wakeOnTimedSteps(id, state);
  };

  /** A CORS preflight from an allowed origin is answered here; every other answer gets its CORS headers (src/twin/cors.ts). */
  async function answer(request: TwinRequestLike): Promise<TwinAnswer | null> {
    const preflight = cors.preflight(request);
    if (preflight) return preflight;
    const result = await answerCall(request);
    return result === null ? null : cors.decorate(request, result);
  }

  async function answerCall(request: TwinRequestLike): Promise<TwinAnswer | null> {
    const path = pathOf(request.url);
    const query = path.indexOf("?");
    const pathname = query < 0 ? path : path.slice(0, query);
    if (pathname.startsWith("/__twin/")) return control(request, pathname.slice("/__twin/".length));
    const match = view.pathPattern.exec(pathname);
    if (!match) return outsideContract(request, path, 404, "No such path", `The ${slug} twin serves ${view.operation.method.toUpperCase()} ${view.operation.path} (and /__twin/ control endpoints).`);
    if (request.method !== view.operation.method.toUpperCase()) return outsideContract(request, path, 405, "Method not allowed", `${view.operation.path} takes ${view.operation.method.toUpperCase()}.`);
    const faults = firing(fixtures.faults, ++providerCalls);
    const preference = parsePrefer(request.headers.get("prefer"));
    if (preference && hasCredentials(request)) {
      const chosen = preferReply(preference);
      if (typeof chosen === "string") return outsideContract(request, path, 400, "Prefer names no documented response", chosen);
      return faults.length > 0 ? applyFaults(request, path, chosen, faults, { prefer: true }) : send(request, path, chosen, { prefer: true });
    }
    const recordFaults: TwinFault[] = [];
    const ctx: ServeContext<S> = {
      request,
      params: match.slice(1).map(safeDecode),
      fixtures,
      view,
      now: () => clock.now(),
      lookup(id, visible) {
        const state = records.get(id);
        if (!state || (visible && !visible(effective(state, state.calls + 1)))) return undefined;
        state.calls++;
        if (state.record.faults) recordFaults.push(...firing(state.record.faults, state.calls));
        return notice(id, effective(state));
      },
      reply: (status, example, edit, cacheKey) => {
        if (!edit) return { status, example };
        if (cacheKey === undefined) return { status, example, body: edit(view.example(status, example)) };
        const key = `${status}\u0000${example}\u0000${cacheKey}`;
        let text = renderings.get(key);
        if (text === undefined) {
          if (renderings.size >= MAX_RENDERINGS) renderings.clear();
          text = JSON.stringify(edit(view.example(status, example)));
          renderings.set(key, text);
        }
        return { status, example, text };
      },
    };
    const reply = behaviour.serve(ctx);
    const all = recordFaults.length > 0 ? [...faults, ...recordFaults] : faults;
    return all.length > 0 ? applyFaults(request, path, reply, all) : send(request, path, reply);
  }

  const twin: Twin<S> = {
    provider: slug,
    answer,
    async handle(request) {
      const result = await answer(request);
      return result === null ? networkError() : textResponse(result.status, result.body, result.headers);
    },
    async fetch(input, init) {
      const response = await twin.handle(new Request(input, init));
      if (response.type === "error") throw new TypeError("fetch failed: the twin dropped the connection (a reset fault, a released hang or an aborted request).");
      return response;
    },
    set(id, record) {
      const problem = checkRecord(slug, id, record, { ...resolved, [slug]: fixtures });
      if (problem) throw new TwinFixturesError(problem, `${slug} twin set("${id}")`);
      store(id, structuredClone(record));
    },
    reset() {
      releaseHung();
      cancelTimers();
      init();
    },
    requests: () => journal.slice(-journalLimit).map(materialize),
    close() {
      releaseHung();
      cancelTimers();
    },
    webhookDeliveries: () => behaviour.webhooks?.deliveries() ?? [],
    deliverWebhooks,
    async webhooksSettled() {
      noticeTimed();
      await behaviour.webhooks?.settled();
    },
  };
  return twin;
}

/** The path and query of an absolute URL (or of a path). */
function pathOf(url: string): string {
  if (url.startsWith("/")) return url;
  const scheme = url.indexOf("://");
  const slash = url.indexOf("/", scheme < 0 ? 0 : scheme + 3);
  return slash < 0 ? "/" : url.slice(slash);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every credential in the fixtures, for the journal's redactor. */
function fixtureSecrets(fixtures: TwinFixtureMap[ProviderSlug]): string[] {
  const out: string[] = [];
  const f = fixtures as unknown as Partial<Record<string, unknown>>;
  for (const key of ["tokens", "apiKeys", "partnerTokens", "userTokens", "keys"]) {
    const v = f[key];
    if (Array.isArray(v)) out.push(...v.filter((x): x is string => typeof x === "string"));
    else if (typeof v === "object" && v !== null) out.push(...Object.keys(v));
  }
  return out;
}

/** The body as text, or undefined when it is longer than `limit` bytes. */
async function readBounded(request: TwinRequestLike, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return undefined;
  const read = await readBody(request.body ?? null, limit);
  return read.complete ? new TextDecoder().decode(read.bytes) : undefined;
}

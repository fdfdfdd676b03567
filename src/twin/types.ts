/**
 * The twin's types: what a provider module (providers/*.ts) sees and answers (`ServeContext`,
 * `TwinReply`, `ProviderBehaviour`), what a transport passes in and gets back (`TwinRequestLike`,
 * `TwinAnswer`), the journal entry and the `Twin` itself.
 */
import type { PollClock } from "../polling.js";
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import type { TwinFixtureMap, TwinFixtures } from "./fixtures.js";
import type { TwinCors } from "./cors.js";
import type { SpecView } from "./spec-view.js";
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
  /**
   * Headers every answer to this request carries, whatever chose the answer (the provider's
   * `serve`, a `Prefer`, a fault's status): Myaza's `RateLimit-*` of a known key's window.
   * Read-only: it counts nothing.
   */
  requestHeaders?(request: TwinRequestLike, status: number, view: SpecView): Record<string, string> | undefined;
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

/** `view`: the spec the twin serves (the one its fixtures were checked against). */
export type ProviderDefinition<S extends ProviderSlug> = (env: { fixtures: TwinFixtureMap[S]; clock: TwinClock; view: SpecView }) => ProviderBehaviour<S>;

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
   * Fixtures, and records set later (`set`, `PUT /__twin/records/{id}`), are checked against the
   * same specs.
   */
  specs?: Partial<Record<ProviderSlug, OpenApiDocument>>;
}

/**
 * Webhook deliveries of the Myaza twin. When a verification's status changes (or on request),
 * the twin POSTs the event the spec documents for the new status to the record's endpoints,
 * signed like Myaza (`signMyazaWebhook`), each with its own `X-Myaza-Delivery`, and journals
 * every delivery with the receiver's answer (personal data masked).
 *
 * The body is the spec's named example of that event (`webhooks:`), with the verification's id,
 * status, reason and a fresh event id and time substituted: nothing is typed a second time.
 */
import { readBody } from "../http/read-body.js";
import type { OpenApiDocument } from "../spec/load.js";
import { listResponses, listOperations, listWebhooks } from "../spec/walk.js";
import type { MyazaWebhookEvent } from "../webhooks/events.js";
import { maskPersonalData } from "../webhooks/mask.js";
import { signMyazaWebhook } from "../webhooks/sign.js";
import { isObject } from "../json.js";

/** Where a record's events go: the endpoints registered for it and their signing secret. */
export interface MyazaWebhookTarget {
  /** `http(s)://` URLs; each gets every event. */
  endpoints: string[];
  /** The signing secret (HMAC-SHA256 key, its UTF-8 bytes). */
  secret: string;
}

/** What an event is built from: the verification's state. */
export interface WebhookRecordState {
  status: string;
  reason?: string;
  reasonCode?: string;
}

export interface TwinWebhookDelivery {
  /** 1, 2, … per twin, in the order deliveries start. */
  seq: number;
  /** ISO time by the twin's clock. */
  at: string;
  /** `status-change`: the record's status changed; `manual`: asked for (control API or `deliverWebhooks`). */
  trigger: "status-change" | "manual";
  verificationId: string;
  event: string;
  deliveryId: string;
  url: string;
  /** The event sent, with `idNumber` and `userData` masked. */
  body: unknown;
  /** The receiver's HTTP status; 0 when it gave none (connection refused, reset, timeout). */
  responseStatus: number;
  /** The receiver's answer (its first 4 KB). */
  responseBody: string;
  /** Why there was no answer. */
  error?: string;
}

export interface WebhookSenderOptions {
  /** The transport (default `globalThis.fetch`). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Milliseconds since the epoch (the twin's clock). */
  now?: () => number;
  /** How long to wait for a receiver's answer (default 10 000 ms). */
  timeoutMs?: number;
  /** How many deliveries the journal keeps (default 1 000). */
  journalLimit?: number;
  onDelivery?: (delivery: TwinWebhookDelivery) => void;
}

export interface MyazaWebhookSender {
  /** POSTs the event for `state` to every endpoint of `target`; resolves with the journal entries once all answered. */
  deliver(verificationId: string, state: WebhookRecordState, target: MyazaWebhookTarget, trigger: TwinWebhookDelivery["trigger"]): Promise<TwinWebhookDelivery[]>;
  /** The delivery journal, oldest first. */
  deliveries(): TwinWebhookDelivery[];
  /** Resolves once every delivery started so far has its answer (or its error). */
  settled(): Promise<void>;
  /** Empties the journal (deliveries in flight still finish). */
  reset(): void;
}

const RESPONSE_PREVIEW_BYTES = 4096;

interface EventTemplate {
  event: string;
  example: Record<string, unknown> & { data: Record<string, unknown> };
}

/** For each verification status, the webhook event the spec documents for it and that event's first named example. */
export function verificationEventTemplates(doc: OpenApiDocument): Map<string, EventTemplate> {
  const templates = new Map<string, EventTemplate>();
  for (const hook of listWebhooks(doc)) {
    for (const example of hook.requestBody.flatMap((m) => m.examples)) {
      const value = example.value;
      if (!isObject(value) || !isObject(value.data) || typeof value.data.status !== "string") continue;
      if (!templates.has(value.data.status)) templates.set(value.data.status, { event: hook.name, example: value as EventTemplate["example"] });
    }
  }
  return templates;
}

/** The reason text the status endpoint's examples give for a reason code (the twin types no text). */
function documentedReason(doc: OpenApiDocument, reasonCode: string): string | undefined {
  for (const op of listOperations(doc)) {
    for (const response of listResponses(doc, op)) {
      for (const example of response.media.flatMap((m) => m.examples)) {
        const v = example.value;
        if (isObject(v) && v.reasonCode === reasonCode && typeof v.reason === "string") return v.reason;
      }
    }
  }
  return undefined;
}

/** The event reporting `state` for `verificationId`, or undefined when the spec documents no event for that status. */
export function buildVerificationEvent(doc: OpenApiDocument, verificationId: string, state: WebhookRecordState, at: Date, templates = verificationEventTemplates(doc)): MyazaWebhookEvent | undefined {
  const template = templates.get(state.status);
  if (!template) return undefined;
  const body = structuredClone(template.example);
  body.id = `evt_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
  body.createdAt = at.toISOString();
  body.data.verificationId = verificationId;
  if (state.reasonCode !== undefined && body.data.reasonCode !== null) {
    body.data.reasonCode = state.reasonCode;
    body.data.reason = state.reason ?? documentedReason(doc, state.reasonCode) ?? body.data.reason;
  } else if (state.reason !== undefined && body.data.reason !== null) {
    body.data.reason = state.reason;
  }
  return body as unknown as MyazaWebhookEvent;
}

export function createMyazaWebhookSender(doc: OpenApiDocument, options: WebhookSenderOptions = {}): MyazaWebhookSender {
  const send = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const journalLimit = options.journalLimit ?? 1_000;
  const templates = verificationEventTemplates(doc);
  let journal: TwinWebhookDelivery[] = [];
  let seq = 0;
  const inFlight = new Set<Promise<unknown>>();

  async function deliverOne(url: string, event: MyazaWebhookEvent, verificationId: string, secret: string, trigger: TwinWebhookDelivery["trigger"]): Promise<TwinWebhookDelivery> {
    const entry: TwinWebhookDelivery = { seq: ++seq, at: new Date(now()).toISOString(), trigger, verificationId, event: event.event, deliveryId: "", url, body: maskPersonalData(event), responseStatus: 0, responseBody: "" };
    const signed = await signMyazaWebhook({ payload: event, secret });
    entry.deliveryId = signed.deliveryId;
    try {
      const response = await send(url, { method: "POST", headers: signed.headers, body: signed.body, signal: AbortSignal.timeout(timeoutMs) });
      entry.responseStatus = response.status;
      entry.responseBody = await preview(response);
    } catch (error) {
      entry.error = `No answer from ${url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`;
    }
    // The journal is in `seq` order (the order deliveries start), whichever answer came first, so
    // concurrent deliveries to several endpoints are listed the same way on every run.
    let at = journal.length;
    while (at > 0 && journal[at - 1]!.seq > entry.seq) at--;
    journal.splice(at, 0, entry);
    if (journal.length > journalLimit) journal.splice(0, journal.length - journalLimit);
    options.onDelivery?.(entry);
    return entry;
  }

  return {
    deliver(verificationId, state, target, trigger) {
      const event = buildVerificationEvent(doc, verificationId, state, new Date(now()), templates);
      if (!event) return Promise.resolve([]);
      const all = Promise.all(target.endpoints.map((url) => deliverOne(url, event, verificationId, target.secret, trigger)));
      inFlight.add(all);
      void all.finally(() => inFlight.delete(all));
      return all;
    },
    deliveries: () => [...journal],
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    reset() {
      journal = [];
    },
  };
}

/** The first bytes of a response body, as text; the rest is not read. */
async function preview(response: Response): Promise<string> {
  return new TextDecoder().decode((await readBody(response.body, RESPONSE_PREVIEW_BYTES)).bytes);
}

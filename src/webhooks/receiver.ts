/**
 * The receiver check: a `(Request) => Promise<Response>` that takes Myaza webhook deliveries and
 * checks each against the spec (method, size, Content-Type, signature, JSON, event, X-Myaza-*
 * headers, body schema, event ↔ `data.status`, repeated delivery ids), keeping every finding.
 * Unlike `verifyMyazaWebhook` it does not stop at the first problem: it reports all it can see.
 * Personal data (`idNumber`, `userData`) and the secret never appear in what it returns or keeps.
 * Portable like the rest of src/webhooks; `kyc-contracts webhook-receiver` puts node:http around it.
 */
import type { GeneratedSchemaError } from "../../generated/validator-types.js";
import { isMyazaWebhookEventName, validatorsOf } from "./events.js";
import { headerValues, lowerCaseHeaders, singleHeader } from "./headers.js";
import { maskPersonalData, personalDataRedactor } from "./mask.js";
import { parseSignatureHeader, signatureMatches } from "./signature.js";
import { DEFAULT_MAX_BODY_BYTES } from "./verify.js";
import { readBody } from "../http/read-body.js";
import { isObject } from "../json.js";
import { mediaTypeOf } from "../http/media-type.js";

/** What a violation broke. */
export type ReceiverCheck =
  | "method"
  | "body-size"
  | "content-type"
  | "signature"
  | "json"
  | "event"
  | "headers"
  | "event-header"
  | "schema"
  | "event-status"
  | "duplicate-delivery";

export interface ReceiverViolation {
  check: ReceiverCheck;
  /** What is wrong, with personal data and the secret redacted. */
  message: string;
}

export interface ReceivedDelivery {
  /** 1, 2, … in arrival order. */
  seq: number;
  receivedAt: string;
  method: string;
  path: string;
  event: string | undefined;
  deliveryId: string | undefined;
  verificationId: string | undefined;
  violations: ReceiverViolation[];
  /** The parsed body with `data.idNumber` and `data.userData` masked; undefined when not JSON. */
  body: unknown;
  /** The status the receiver answered with. */
  responseStatus: number;
}

export interface ReceiverSummary {
  deliveries: number;
  passed: number;
  failed: number;
  /** How many violations of each check, over all deliveries. */
  violationsByCheck: Partial<Record<ReceiverCheck, number>>;
}

export interface MyazaWebhookReceiverOptions {
  /** The signing secret the sender uses. */
  secret: string | Uint8Array;
  /** Larger bodies are a violation and are not read further (default 1 MiB). */
  maxBodyBytes?: number;
  /** Called with each delivery once checked (for printing as they arrive). */
  onDelivery?: (delivery: ReceivedDelivery) => void;
  /** Clock for `receivedAt` (tests). */
  now?: () => Date;
}

export interface MyazaWebhookReceiver {
  handle: (request: Request) => Promise<Response>;
  deliveries(): readonly ReceivedDelivery[];
  summary(): ReceiverSummary;
}

export function createMyazaWebhookReceiver(options: MyazaWebhookReceiverOptions): MyazaWebhookReceiver {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = options.now ?? (() => new Date());
  const secretText = typeof options.secret === "string" ? options.secret : new TextDecoder().decode(options.secret);
  if (secretText.length === 0) throw new TypeError("createMyazaWebhookReceiver: the secret is empty; pass the signing secret the sender uses.");
  const received: ReceivedDelivery[] = [];
  /** Delivery ids of deliveries that passed, with their sequence number. */
  const accepted = new Map<string, number>();
  /** Numbers deliveries in arrival order (taken before any await, so concurrent deliveries differ). */
  let arrivals = 0;

  async function handle(request: Request): Promise<Response> {
    const seq = ++arrivals;
    const receivedAt = now().toISOString();
    const violations: ReceiverViolation[] = [];
    const add = (check: ReceiverCheck, message: string): void => void violations.push({ check, message });
    const deliveryId = singleHeader(request.headers, "x-myaza-delivery");
    let body: unknown;
    let event: string | undefined;
    let status: number;

    if (request.method !== "POST") {
      add("method", `${request.method} is not a delivery: Myaza POSTs webhooks.`);
      status = 405;
    } else {
      const read = await readBody(request.body, maxBodyBytes);
      if (!read.complete) {
        add("body-size", `The body is over ${maxBodyBytes} bytes; Myaza's events are small.`);
        status = 413;
      } else {
        const result = await checkDelivery(request.headers, read.bytes, options.secret, add);
        body = result.body;
        event = result.event;
        if (deliveryId !== undefined && violations.length === 0) {
          const first = accepted.get(deliveryId);
          if (first !== undefined) add("duplicate-delivery", `X-Myaza-Delivery ${deliveryId} repeats delivery #${first}; each delivery must have a unique id.`);
        }
        status = violations.length === 0 ? 200 : violations.some((v) => v.check === "signature") ? 401 : 400;
      }
    }
    if (violations.length === 0 && deliveryId !== undefined) accepted.set(deliveryId, seq);

    const redact = personalDataRedactor(body, [secretText]);
    const delivery: ReceivedDelivery = {
      seq,
      receivedAt,
      method: request.method,
      path: new URL(request.url).pathname,
      event: event === undefined ? undefined : redact(event),
      deliveryId: deliveryId === undefined ? undefined : redact(deliveryId),
      verificationId: isObject(body) && isObject(body.data) && typeof body.data.verificationId === "string" ? redact(body.data.verificationId) : undefined,
      violations: violations.map((v) => ({ check: v.check, message: redact(v.message) })),
      body: body === undefined ? undefined : maskPersonalData(body),
      responseStatus: status,
    };
    received.push(delivery);
    options.onDelivery?.(delivery);
    const answer = delivery.violations.length === 0 ? { received: true, seq } : { received: false, seq, violations: delivery.violations };
    return Response.json(answer, { status });
  }

  return {
    handle,
    deliveries: () => received,
    summary() {
      const byCheck: Partial<Record<ReceiverCheck, number>> = {};
      for (const d of received) for (const v of d.violations) byCheck[v.check] = (byCheck[v.check] ?? 0) + 1;
      const failed = received.filter((d) => d.violations.length > 0).length;
      return { deliveries: received.length, passed: received.length - failed, failed, violationsByCheck: byCheck };
    },
  };
}

type Add = (check: ReceiverCheck, message: string) => void;

/** Every check on one delivery's headers and body; returns the parsed body and its event name. */
async function checkDelivery(headers: Headers, bytes: Uint8Array, secret: string | Uint8Array, add: Add): Promise<{ body: unknown; event: string | undefined }> {
  const mediaType = mediaTypeOf(headers.get("content-type"));
  if (mediaType !== "application/json") add("content-type", `Content-Type is ${mediaType ? `"${mediaType}"` : "missing"}; Myaza sends application/json.`);

  const signature = parseSignatureHeader(headerValues(headers, "x-myaza-signature"));
  if (!signature.ok) add("signature", `${signature.reason}: ${signature.message}`);
  else if (!(await signatureMatches(secret, bytes, signature.mac))) {
    add("signature", "bad_signature: X-Myaza-Signature is not the HMAC-SHA256 of the raw body with the receiver's secret (wrong secret, or the body changed after signing).");
  }

  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    add("json", "The body is not valid UTF-8 JSON.");
    return { body: undefined, event: undefined };
  }
  const name = isObject(body) ? body.event : undefined;
  if (!isMyazaWebhookEventName(name)) {
    add("event", typeof name === "string" ? `"${name.slice(0, 60)}" is not an event the Myaza spec documents.` : "The body has no event name (`event`).");
    return { body, event: typeof name === "string" ? name.slice(0, 60) : undefined };
  }
  const validators = validatorsOf(name);
  const headerNames = new Map(validators.headerNames.map((h) => [h.toLowerCase(), h]));
  const lower = lowerCaseHeaders(headers);
  if (!validators.headers(lower)) {
    for (const e of validators.headers.errors ?? []) {
      const key = e.keyword === "required" ? String(e.params.missingProperty) : e.instancePath.slice(1);
      if (key === "x-myaza-signature") continue; // reported by the signature check
      const shown = headerNames.get(key) ?? key;
      if (key === "x-myaza-event" && e.keyword !== "required") add("event-header", `X-Myaza-Event is "${(lower[key] ?? "").slice(0, 60)}" but the body is a ${name} event.`);
      else if (e.keyword === "required") add("headers", `${shown} is missing.`);
      else add("headers", `${shown} ${e.message ?? e.keyword}.`);
    }
  }
  if (!validators.body(body)) {
    for (const e of validators.body.errors ?? []) addSchemaViolation(name, body, e, add);
  }
  return { body, event: name };
}

function addSchemaViolation(event: string, body: unknown, e: GeneratedSchemaError, add: Add): void {
  if (e.instancePath === "/data/status" && e.keyword === "const") {
    const actual = isObject(body) && isObject(body.data) ? body.data.status : undefined;
    add("event-status", `${event} must carry data.status "${String(e.params.allowedValue)}", but it is ${JSON.stringify(actual)}.`);
    return;
  }
  const detail = e.keyword === "required" ? `must have ${String(e.params.missingProperty)}` : (e.message ?? e.keyword);
  add("schema", `${e.instancePath || "/"} ${detail}.`);
}

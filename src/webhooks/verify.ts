/**
 * `verifyMyazaWebhook`: is this request a genuine, well-formed Myaza webhook delivery?
 *
 * Order matters: the body's size is bounded, then the signature is checked over the raw bytes,
 * and only a body whose signature matches is decoded, parsed and checked against the spec (the
 * build-time validators in generated/myaza-webhooks.ts). No Node built-ins: Web Crypto only.
 */
import { type DeliveryIdStore } from "./delivery-ids.js";
import { isMyazaWebhookEventName, validatorsOf, type MyazaWebhookEvent } from "./events.js";
import { headerValues, singleHeader, type HeadersLike } from "./headers.js";
import { bodyBytes, parseSignatureHeader, signatureMatches, type RawBody } from "./signature.js";
import { isObject } from "../json.js";

/** Default bound on a delivery's body; Myaza's events are a few hundred bytes. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export type MyazaWebhookFailureReason =
  | "body_too_large"
  | "missing_signature"
  | "malformed_signature"
  | "wrong_algorithm"
  | "bad_signature"
  | "invalid_json"
  | "unknown_event"
  | "invalid_body"
  | "event_mismatch"
  | "missing_delivery_id"
  | "replayed_delivery";

/** Where the body breaks the spec's schema of its event. */
export interface WebhookSchemaViolation {
  /** JSON pointer into the body, e.g. `/data/status`. */
  pointer: string;
  keyword: string;
  message: string;
}

export interface MyazaWebhookFailure {
  ok: false;
  reason: MyazaWebhookFailureReason;
  /** What went wrong and what to do; never contains the secret or personal data. */
  message: string;
  /** For `invalid_body`: every schema violation. */
  violations?: WebhookSchemaViolation[];
}

export interface VerifiedMyazaWebhook {
  ok: true;
  /** The parsed body, checked against its event's schema. Narrow on `event.event`. */
  event: MyazaWebhookEvent;
  /** `X-Myaza-Delivery`, when sent. */
  deliveryId: string | undefined;
}

export type MyazaWebhookVerification = VerifiedMyazaWebhook | MyazaWebhookFailure;

export interface VerifyMyazaWebhookOptions {
  /** The body exactly as received: bytes (Buffer, Uint8Array, ArrayBuffer) or the undecoded text. Never re-serialized JSON. */
  rawBody: RawBody;
  headers: HeadersLike;
  /** The endpoint's signing secret (its UTF-8 bytes are the HMAC key). */
  secret: string | Uint8Array;
  /** Recognise repeated deliveries: an id already claimed gives `replayed_delivery`. */
  deliveries?: DeliveryIdStore;
  /** Larger bodies are rejected before any work (default 1 MiB). */
  maxBodyBytes?: number;
}

const fail = (reason: MyazaWebhookFailureReason, message: string, violations?: WebhookSchemaViolation[]): MyazaWebhookFailure =>
  violations ? { ok: false, reason, message, violations } : { ok: false, reason, message };

/** Verifies one delivery; see the module comment for the order of the checks. */
export async function verifyMyazaWebhook(options: VerifyMyazaWebhookOptions): Promise<MyazaWebhookVerification> {
  const { headers, secret, deliveries } = options;
  const bytes = bodyBytes(options.rawBody);
  const max = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (bytes.length > max) return fail("body_too_large", `The body is ${bytes.length} bytes, over the ${max}-byte limit; Myaza's events are small. Reject it (or raise maxBodyBytes).`);

  const signature = parseSignatureHeader(headerValues(headers, "x-myaza-signature"));
  if (!signature.ok) return fail(signature.reason, signature.message);
  if (!(await signatureMatches(secret, bytes, signature.mac))) {
    return fail(
      "bad_signature",
      "X-Myaza-Signature does not match the HMAC-SHA256 of the body: check the endpoint's signing secret, and pass the body as the raw bytes received (re-serialized JSON does not match).",
    );
  }

  const parsed = parseJson(bytes);
  if (!parsed.ok) return fail("invalid_json", `The signed body is not ${parsed.problem}. Myaza sends JSON; reject the delivery.`);
  const body = parsed.value;
  const name = isObject(body) ? body.event : undefined;
  if (!isMyazaWebhookEventName(name)) {
    const shown = typeof name === "string" ? `"${name.slice(0, 60)}"` : "no event name";
    return fail("unknown_event", `The body has ${shown}, which is not an event the Myaza spec documents. Ignore it (acknowledge, do nothing), or update kyc-status-contracts if Myaza added events.`);
  }
  const validators = validatorsOf(name);
  if (!validators.body(body)) {
    const violations = (validators.body.errors ?? []).map((e) => ({ pointer: e.instancePath, keyword: e.keyword, message: e.message ?? e.keyword }));
    const first = violations[0];
    return fail("invalid_body", `The ${name} body breaks the spec's schema (${violations.length} problem${violations.length === 1 ? "" : "s"}${first ? `, first: ${first.pointer || "/"} ${first.message}` : ""}).`, violations);
  }
  const headerEvent = headerValues(headers, "x-myaza-event");
  if (headerEvent.length > 0 && (headerEvent.length > 1 || headerEvent[0] !== name)) {
    return fail("event_mismatch", `X-Myaza-Event says "${headerEvent.join(", ").slice(0, 60)}" but the signed body is a ${name} event. Trust neither; reject the delivery.`);
  }
  const deliveryId = singleHeader(headers, "x-myaza-delivery");
  if (deliveries) {
    if (deliveryId === undefined || deliveryId.length === 0) {
      return fail("missing_delivery_id", "X-Myaza-Delivery is missing (or sent more than once), so the delivery cannot be de-duplicated. Reject it.");
    }
    if (!(await deliveries.claim(deliveryId))) {
      return fail("replayed_delivery", `Delivery ${deliveryId.slice(0, 80)} was already received. Acknowledge it without processing it again.`);
    }
  }
  return { ok: true, event: body as MyazaWebhookEvent, deliveryId };
}

type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: string };

function parseJson(bytes: Uint8Array): ParsedJson {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: "valid UTF-8" };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: "valid JSON" };
  }
}

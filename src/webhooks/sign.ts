/**
 * `signMyazaWebhook`: a delivery as Myaza would send it (body + headers), for tests, the twin and
 * anyone exercising a webhook endpoint.
 */
import type { MyazaWebhookEvent } from "./events.js";
import { myazaSignature, type RawBody } from "./signature.js";

/** The `User-Agent` Myaza's webhooks page gives. */
export const MYAZA_WEBHOOK_USER_AGENT = "Myaza-Webhooks/1.0";

export interface SignMyazaWebhookOptions {
  /** An event (serialized with JSON.stringify) or a raw body to sign byte for byte. */
  payload: MyazaWebhookEvent | RawBody;
  secret: string | Uint8Array;
  /** `X-Myaza-Delivery` (default: a random UUID). */
  deliveryId?: string;
  /** `X-Myaza-Event` (default: the payload's `event` when the payload is an event object). */
  event?: string;
}

export interface SignedMyazaWebhook {
  /** The body to send, unchanged after signing. */
  body: string | Uint8Array<ArrayBuffer>;
  /** Content-Type, User-Agent, X-Myaza-Signature, X-Myaza-Event (when known) and X-Myaza-Delivery. */
  headers: Record<string, string>;
  deliveryId: string;
}

export async function signMyazaWebhook(options: SignMyazaWebhookOptions): Promise<SignedMyazaWebhook> {
  const { payload } = options;
  const isRaw = typeof payload === "string" || payload instanceof Uint8Array || payload instanceof ArrayBuffer;
  // Bytes are copied: the signed body cannot change under the caller's hands, and is a plain ArrayBuffer view (a fetch body).
  const body = typeof payload === "string" ? payload : isRaw ? new Uint8Array(payload) : JSON.stringify(payload);
  const event = options.event ?? (isRaw ? undefined : payload.event);
  const deliveryId = options.deliveryId ?? globalThis.crypto.randomUUID();
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": MYAZA_WEBHOOK_USER_AGENT,
    "X-Myaza-Signature": await myazaSignature(options.secret, body),
    ...(event === undefined ? {} : { "X-Myaza-Event": event }),
    "X-Myaza-Delivery": deliveryId,
  };
  return { body, headers, deliveryId };
}

/**
 * Myaza webhook events as types, derived from the generated spec types (generated/myaza.ts):
 * one body type per event under the spec's `webhooks:`, told apart by `event`.
 */
import type { webhooks } from "../../generated/myaza.js";
import { myazaWebhookEvents, myazaWebhookValidators, type MyazaWebhookEventName } from "../../generated/myaza-webhooks.js";

export type { MyazaWebhookEventName };
export { myazaWebhookEvents };

type JsonBody<Op> = Op extends { requestBody: { content: { "application/json": infer B } } } ? B : never;

/** The body of one event, e.g. `MyazaWebhookEventOf<"verification.completed">` (its `data.status` is `"verified"`). */
export type MyazaWebhookEventOf<E extends MyazaWebhookEventName> = JsonBody<webhooks[E]["post"]>;

/** Any Myaza webhook event; narrow on `event`. */
export type MyazaWebhookEvent = { [E in MyazaWebhookEventName]: MyazaWebhookEventOf<E> }[MyazaWebhookEventName];

export function isMyazaWebhookEventName(name: unknown): name is MyazaWebhookEventName {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(myazaWebhookValidators, name);
}

/** The spec's validators (body, headers) of one event. */
export const validatorsOf = (event: MyazaWebhookEventName) => myazaWebhookValidators[event];

/**
 * `kyc-status-contracts/webhooks`: Myaza webhook verification, signing and the receiver check.
 * Portable: Web Crypto and build-time validators only, no Node built-ins.
 */
export { verifyMyazaWebhook, DEFAULT_MAX_BODY_BYTES } from "./verify.js";
export type { MyazaWebhookVerification, VerifiedMyazaWebhook, MyazaWebhookFailure, MyazaWebhookFailureReason, VerifyMyazaWebhookOptions, WebhookSchemaViolation } from "./verify.js";
export { signMyazaWebhook, MYAZA_WEBHOOK_USER_AGENT } from "./sign.js";
export type { SignMyazaWebhookOptions, SignedMyazaWebhook } from "./sign.js";
export { myazaSignature } from "./signature.js";
export type { RawBody } from "./signature.js";
export { createDeliveryIdMemory } from "./delivery-ids.js";
export type { DeliveryIdStore } from "./delivery-ids.js";
export { myazaWebhookEvents, isMyazaWebhookEventName } from "./events.js";
export type { MyazaWebhookEvent, MyazaWebhookEventOf, MyazaWebhookEventName } from "./events.js";
export type { HeadersLike } from "./headers.js";
export { maskPersonalData, MASKED } from "./mask.js";
export { createMyazaWebhookReceiver } from "./receiver.js";
export type { MyazaWebhookReceiver, MyazaWebhookReceiverOptions, ReceivedDelivery, ReceiverCheck, ReceiverSummary, ReceiverViolation } from "./receiver.js";

/**
 * `kyc-status-contracts`: the documented surface only (test/public-api.test.ts pins it). The
 * clients and their types, the normalized status and `pollUntilSettled`, BTC Direct's error
 * catalogue, the generated API types, spec access and the provider list. Other entry points:
 * `/mock`, `/twin`, `/webhooks`, `/conformance`, `/conformance/suite`, `/docs`, `/generated/*`,
 * `/specs/*`, `/openapi/*`.
 */
export { providers, providerSlugs, isProviderSlug, type ProviderSlug, type ProviderInfo } from "./providers.js";
export { loadSpec, type OpenApiDocument } from "./spec/load.js";
export { bundledSpecPath } from "./spec/paths.js";
export { listScenarios, type Scenario } from "./spec/scenarios.js";
export {
  btcDirectErrorCatalogue,
  btcDirectErrorCodes,
  isBtcDirectErrorCode,
  type BtcDirectErrorCode,
  type BtcDirectErrorEntry,
} from "../generated/btc-direct-errors.js";
export type * as ProofApi from "../generated/proof.js";
export type * as BtcDirectApi from "../generated/btc-direct.js";
export type * as NyotaImaraApi from "../generated/nyota-imara.js";
export type * as MyazaApi from "../generated/myaza.js";
export * from "./clients/index.js";
export {
  kycStates,
  stateOf,
  normalizeProofStatus,
  normalizeBtcDirectStatus,
  normalizeNyotaImaraStatus,
  normalizeMyazaStatus,
  type KycState,
  type NormalizedStatus,
  type UndocumentedStatus,
  type WithOpenStatus,
  type ProofKycStatusBody,
  type BtcDirectKycStatusBody,
  type NyotaImaraKycStatusBody,
  type MyazaKycStatusBody,
} from "./status.js";
export { pollUntilSettled, type PollOptions, type PollClock, type PollableResult } from "./polling.js";

export { providers, providerSlugs, isProviderSlug, type ProviderSlug, type ProviderInfo } from "./providers.js";
export * from "./spec/index.js";
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
export * from "./conformance/index.js";
export * from "./docs/index.js";
export * from "./clients/index.js";
export {
  kycStates,
  statusTable,
  stateOf,
  documentedStatuses,
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
export { pollUntilSettled, systemClock, type PollOptions, type PollClock, type PollableResult } from "./polling.js";

export { createProofClient, type ProofClient, type ProofClientOptions, type ProofKycStatusResult } from "./proof.js";
export {
  createBtcDirectClient,
  type BtcDirectClient,
  type BtcDirectClientOptions,
  type BtcDirectPartnerCredential,
  type BtcDirectUserCredential,
  type BtcDirectKycStatusResult,
  type BtcDirectCatalogueEntry,
  type BtcDirectErrorExtra,
} from "./btc-direct.js";
export {
  createNyotaImaraClient,
  type NyotaImaraClient,
  type NyotaImaraClientOptions,
  type NyotaImaraKycStatusResult,
  type NyotaImaraResultExtra,
} from "./nyota-imara.js";
export { createMyazaClient, type MyazaClient, type MyazaClientOptions, type MyazaKycStatusResult } from "./myaza.js";
export {
  clientErrorKinds,
  type ClientErrorKind,
  type KycClientError,
  type KycStatusResult,
  type KycStatusSuccess,
  type KycStatusFailure,
  type FetchLike,
  type ClientOptions,
  type CallOptions,
  type ClientWarning,
} from "./types.js";

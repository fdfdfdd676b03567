/**
 * The documented type names of each entry point, imported by package name. `npm run typecheck`
 * compiles this file against the sources (tsconfig.json `paths` map each entry to its source;
 * test/public-api.test.ts checks the paths mirror package.json `exports`), and
 * test/public-api.test.ts compiles it against the built `dist/` through `exports`, as a consumer.
 * A type that disappears or is renamed fails to compile: if that is intended, update this list
 * and say so in CHANGELOG.md. (Runtime names are pinned in test/public-api.test.ts.)
 */
export type {
  BtcDirectApi,
  BtcDirectCatalogueEntry,
  BtcDirectClient,
  BtcDirectClientOptions,
  BtcDirectErrorCode,
  BtcDirectErrorEntry,
  BtcDirectErrorExtra,
  BtcDirectKycStatusBody,
  BtcDirectKycStatusResult,
  BtcDirectPartnerCredential,
  BtcDirectUserCredential,
  CallOptions,
  ClientErrorKind,
  ClientOptions,
  ClientWarning,
  FetchLike,
  KycClientError,
  KycState,
  KycStatusFailure,
  KycStatusResult,
  KycStatusSuccess,
  MyazaApi,
  MyazaClient,
  MyazaClientOptions,
  MyazaKycStatusBody,
  MyazaKycStatusResult,
  NormalizedStatus,
  NyotaImaraApi,
  NyotaImaraClient,
  NyotaImaraClientOptions,
  NyotaImaraKycStatusBody,
  NyotaImaraKycStatusResult,
  NyotaImaraResultExtra,
  OpenApiDocument,
  PollClock,
  PollOptions,
  PollableResult,
  ProofApi,
  ProofClient,
  ProofClientOptions,
  ProofKycStatusBody,
  ProofKycStatusResult,
  ProviderInfo,
  ProviderSlug,
  Scenario,
  UndocumentedStatus,
  WithOpenStatus,
} from "kyc-status-contracts";

export type {
  CheckName,
  CheckResult,
  CheckerOptions,
  ConformanceChecker,
  Coverage,
  Exchange,
  ExchangeReport,
  HarParse,
  LifecycleViolation,
  NodeServer,
  ObservedExchange,
  ProxyCoreOptions,
  ProxyHandler,
  SchemaViolation,
  SemanticCheckName,
  SemanticFinding,
  Severity,
  SpecValidator,
  TrafficChecker,
  TrafficOptions,
  TrafficSummary,
  ValidationResult,
  Violation,
} from "kyc-status-contracts/conformance";

export type { SuiteReport } from "kyc-status-contracts/conformance/suite";

export type { BuildDocsOptions, BuildDocsResult, DocsFile, DocsProgress, ProviderSpecs, StatusTable, StatusTableSource } from "kyc-status-contracts/docs";

export type { ChangeDirection, ChangeLevel, DiffReport, DiffRule, ProviderDiff, ReleasedSpec, ReleasedSpecResult, ReleaseStoreOptions, SpecChange, VersionBump } from "kyc-status-contracts/evolution";

export type { ExampleRequest, MockErrorCode, RunningMocks, StartMocksOptions } from "kyc-status-contracts/mock";

export type {
  BtcDirectFixtures,
  BtcDirectRecord,
  CheckFixturesOptions,
  CreateTwinOptions,
  FixtureProblem,
  FixturesCheck,
  MyazaFixtures,
  MyazaRecord,
  MyazaWebhookTarget,
  NyotaImaraFixtures,
  NyotaImaraRecord,
  ProofFixtures,
  ProofRecord,
  RunningTwins,
  ServeOptions,
  StartTwinsOptions,
  Twin,
  TwinAnswer,
  TwinClock,
  TwinCors,
  TwinErrorCode,
  TwinFault,
  TwinFixtureMap,
  TwinFixtures,
  TwinRequestLike,
  TwinRequestRecord,
  TwinServer,
  TwinStep,
  TwinWebhookDelivery,
} from "kyc-status-contracts/twin";

export type {
  DeliveryIdStore,
  HeadersLike,
  MyazaWebhookEvent,
  MyazaWebhookEventName,
  MyazaWebhookEventOf,
  MyazaWebhookFailure,
  MyazaWebhookFailureReason,
  MyazaWebhookReceiver,
  MyazaWebhookReceiverOptions,
  MyazaWebhookVerification,
  RawBody,
  ReceivedDelivery,
  ReceiverCheck,
  ReceiverSummary,
  ReceiverViolation,
  SignMyazaWebhookOptions,
  SignedMyazaWebhook,
  VerifiedMyazaWebhook,
  VerifyMyazaWebhookOptions,
  WebhookSchemaViolation,
} from "kyc-status-contracts/webhooks";

// `kyc-status-contracts/vitest` also augments vitest's Assertion with toSatisfyContract (test/vitest-matcher.test.ts).
export type { ContractExchange, ContractMatcherResult, ContractMatchers, ContractResponse, ContractVerdict } from "kyc-status-contracts/vitest";

// The generated types per provider (`paths`, `components`, `operations`; Myaza's `webhooks` too).
export type { paths as ProofPaths, components as ProofComponents, operations as ProofOperations } from "kyc-status-contracts/generated/proof";
export type { paths as BtcDirectPaths, components as BtcDirectComponents, operations as BtcDirectOperations } from "kyc-status-contracts/generated/btc-direct";
export type { paths as NyotaImaraPaths, components as NyotaImaraComponents, operations as NyotaImaraOperations } from "kyc-status-contracts/generated/nyota-imara";
export type { paths as MyazaPaths, components as MyazaComponents, operations as MyazaOperations, webhooks as MyazaWebhooks } from "kyc-status-contracts/generated/myaza";
export type { BtcDirectErrorCode as GeneratedBtcDirectErrorCode, BtcDirectErrorEntry as GeneratedBtcDirectErrorEntry } from "kyc-status-contracts/generated/btc-direct-errors";

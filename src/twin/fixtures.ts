/**
 * Twin fixtures: per provider, the credentials a twin accepts and its records keyed by the
 * provider's own id, as plain data. Checked against the JSON Schema built from the specs
 * (`fixturesSchema`, shipped as `kyc-status-contracts/twin/fixtures.schema.json`) and then for
 * what a schema cannot say (references between fields); a bad value is one error naming the field.
 */
import type { components as BtcDirectComponents } from "../../generated/btc-direct.js";
import type { components as MyazaComponents } from "../../generated/myaza.js";
import type { components as NyotaImaraComponents } from "../../generated/nyota-imara.js";
import type { components as ProofComponents } from "../../generated/proof.js";
import type { ProviderSlug } from "../providers.js";
import type { MyazaWebhookTarget } from "./webhooks.js";

/**
 * Something a twin does instead of (or before) answering normally. Counted per provider
 * (`<provider>.faults`) or per record (`records.<id>.faults`): `onCall: 3` fires on the third
 * call only; without `onCall`, on every call.
 */
export interface TwinFault {
  /** Fire on this call only (1 = the first); every call when absent. */
  onCall?: number;
  /** Wait this long before answering (bounded: at most 60 000). */
  latencyMs?: number;
  /** Answer with this documented 5xx status (body: its first named example, or `example`). */
  status?: number;
  /** A named example of `status`. */
  example?: string;
  /** Never answer (until the client gives up, or the twin is reset or stopped). */
  hang?: boolean;
  /** Drop the connection without an answer (a network error for the client). */
  reset?: boolean;
  /** Answer 200 with a truncated JSON body. */
  malformed?: boolean;
}

/** A transition: once triggered, these fields replace the record's own. Exactly one trigger. */
export type TwinStep<R> = Partial<Omit<R, "then" | "faults">> & {
  /** Applies from the call after the Nth call for this id (`afterCalls: 2`: the third call sees it). */
  afterCalls?: number;
  /** Applies once this many milliseconds have passed since the record was set (the twin's clock). */
  afterMs?: number;
};

interface RecordExtras<R> {
  /** Transitions, in order; the last one triggered wins. */
  then?: TwinStep<R>[];
  faults?: TwinFault[];
}

export type ProofRecord = { status: ProofComponents["schemas"]["KycStatus"] } & RecordExtras<{ status: ProofComponents["schemas"]["KycStatus"] }>;

type BtcDirectRequirement = BtcDirectComponents["schemas"]["VerificationRequirement"];
interface BtcDirectRecordFields {
  /** A named example of the spec's 200 response (e.g. `pending_review`): the user's requirements. */
  example?: string;
  /** The outstanding requirements as BTC Direct sends them; `[]` means fully verified. */
  requirements?: BtcDirectRequirement[];
}
export type BtcDirectRecord = BtcDirectRecordFields & RecordExtras<BtcDirectRecordFields>;

type NyotaImaraStatus = NyotaImaraComponents["schemas"]["KycStatus"];
interface NyotaImaraRecordFields {
  status: NyotaImaraStatus;
  /** Shown on `rejected` (default: the spec example's note). */
  rejectionReason?: string;
  name?: string;
  email?: string;
  idNumber?: string;
  submittedAt?: string;
  verifiedAt?: string;
}
export type NyotaImaraRecord = NyotaImaraRecordFields & RecordExtras<NyotaImaraRecordFields>;

type MyazaStatus = MyazaComponents["schemas"]["VerificationStatusResponse"]["status"];
interface MyazaRecordFields {
  /** The organization that created the verification: only its keys see it (others get 404). */
  organization: string;
  status: MyazaStatus;
  /** On failed / not_found / error (default: the first example of that status). */
  reasonCode?: string;
  /** Needed when `reasonCode` has no named example in the spec. */
  reason?: string;
  createdAt?: string;
  completedAt?: string;
  assuranceLevel?: string;
}
export type MyazaRecord = MyazaRecordFields &
  RecordExtras<MyazaRecordFields> & {
    /**
     * Webhook endpoints registered for this verification, and their signing secret: on each
     * status change the twin POSTs the matching signed event (`verification.completed` for
     * `verified`, …) to every endpoint, and journals the delivery with the receiver's answer.
     */
    webhooks?: MyazaWebhookTarget;
  };

export interface ProofFixtures {
  /** Client tokens accepted as `Authorization: Bearer <token>`. */
  tokens: string[];
  /** Keyed by `partner_user_id`. */
  records: Record<string, ProofRecord>;
  faults?: TwinFault[];
}

export interface BtcDirectFixtures {
  /** Partner API keys accepted in `X-Api-Key`. */
  apiKeys: string[];
  /** Partner tokens accepted as `Authorization: Bearer <token>`; `expired` ones get ER801. */
  partnerTokens?: Record<string, { expired?: boolean }>;
  /** User tokens accepted as `User-Authorization: Bearer <token>`, each naming its user's identifier; `expired` ones get ER701. */
  userTokens?: Record<string, { user: string; expired?: boolean }>;
  /** Keyed by the `User-Identifier` (36–255 letters, digits or hyphens). */
  records: Record<string, BtcDirectRecord>;
  faults?: TwinFault[];
}

export interface NyotaImaraFixtures {
  /** Bearer tokens: whose they are, whether they may read other users (`identity:user:read`), whether expired. */
  tokens: Record<string, { user: string; readOthers?: boolean; expired?: boolean }>;
  /** Keyed by user id. */
  records: Record<string, NyotaImaraRecord>;
  faults?: TwinFault[];
}

export interface MyazaFixtures {
  /** API keys (`pk_…` / `sk_…`) → the organization they belong to. */
  keys: Record<string, string>;
  /** Requests per window per key (default 100 per 900 000 ms, as Myaza documents). */
  rateLimit?: { limit: number; windowMs: number };
  /** Keyed by verification id (`ver_…`). */
  records: Record<string, MyazaRecord>;
  faults?: TwinFault[];
}

export interface TwinFixtureMap {
  proof: ProofFixtures;
  "btc-direct": BtcDirectFixtures;
  "nyota-imara": NyotaImaraFixtures;
  myaza: MyazaFixtures;
}

/** A fixtures file: any provider left out gets the built-in defaults. */
export type TwinFixtures = { $schema?: string } & Partial<TwinFixtureMap>;

export type AnyTwinRecord = TwinFixtureMap[ProviderSlug]["records"][string];

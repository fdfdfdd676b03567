/**
 * One vocabulary for "can this user transact?" across the four providers.
 *
 * The mapping from each provider's raw status to a normalized state is written once, in
 * `statusTable` below; the normalizers, the clients' forward-compatibility check and the
 * README's "Status normalization" table (`npm run generate`) are all derived from it. Each
 * provider's entry is type-checked against the status enum generated from its spec, so a status
 * added to or removed from a spec fails `tsc` until the table follows.
 */
import type { components as ProofComponents } from "../generated/proof.js";
import type { components as BtcDirectComponents } from "../generated/btc-direct.js";
import type { components as NyotaImaraComponents } from "../generated/nyota-imara.js";
import type { components as MyazaComponents } from "../generated/myaza.js";
import { providers, type ProviderSlug } from "./providers.js";

export const kycStates = ["not_started", "action_required", "pending", "approved", "rejected", "error", "unknown"] as const;

/** The normalized state of a user's (or a verification's) KYC. */
export type KycState = (typeof kycStates)[number];

export interface NormalizedStatus<P extends ProviderSlug = ProviderSlug> {
  readonly state: KycState;
  readonly provider: P;
  /** The provider's own status value, kept verbatim (BTC Direct: its requirements' statuses, `[]` when none). */
  readonly rawStatus: string;
  /** The provider's stable reason code (Myaza `reasonCode`). */
  readonly reasonCode?: string;
  /** Human-readable reason (Myaza `reason`, Nyota Imara `rejectionReason`): for display and logs. */
  readonly reason?: string;
  /** BTC Direct: names of the requirements the user still has to provide. */
  readonly outstanding?: readonly string[];
}

/**
 * A status value the spec does not list (yet). Normalized to `unknown`, never rejected: providers
 * add statuses, and a client that crashes on them (or guesses) is worse than one that says so.
 */
export type UndocumentedStatus = string & { readonly undocumentedStatus?: never };

/** A provider body whose `status` may also be a value the spec does not list yet. */
export type WithOpenStatus<T extends { status: string }> = T | (Omit<T, "status"> & { status: UndocumentedStatus });

type ProofStatus = ProofComponents["schemas"]["KycStatus"];
type NyotaImaraStatus = NyotaImaraComponents["schemas"]["KycStatus"];
type MyazaStatus = MyazaComponents["schemas"]["VerificationStatusResponse"]["status"];

export type ProofKycStatusBody = WithOpenStatus<ProofComponents["schemas"]["KycStatusResponse"]>;
export type BtcDirectKycStatusBody = BtcDirectComponents["schemas"]["VerificationStatusResponse"];
export type NyotaImaraKycStatusBody = Omit<NyotaImaraComponents["schemas"]["KycRecordResponse"], "data"> & {
  data: WithOpenStatus<NyotaImaraComponents["schemas"]["KycRecord"]>;
};
export type MyazaKycStatusBody = WithOpenStatus<MyazaComponents["schemas"]["VerificationStatusResponse"]>;

/**
 * The mapping, raw status → normalized state, per provider. BTC Direct's entries map the status
 * of one outstanding requirement; see `btcDirectNoRequirementsState` and
 * `btcDirectRequirementPrecedence` for how a list of them becomes one state.
 */
export const statusTable = {
  proof: { not_started: "not_started", pending: "pending", verified: "approved", failed: "rejected" } satisfies Record<ProofStatus, KycState>,
  // BTC Direct's requirement status is an open string in its spec; these are the values it documents.
  "btc-direct": { missing: "action_required", open: "action_required", pending: "pending" } satisfies Record<string, KycState>,
  "nyota-imara": { none: "not_started", pending: "pending", verified: "approved", rejected: "rejected" } satisfies Record<NyotaImaraStatus, KycState>,
  myaza: { pending: "pending", verified: "approved", failed: "rejected", not_found: "rejected", error: "error" } satisfies Record<MyazaStatus, KycState>,
} as const satisfies Record<ProviderSlug, Record<string, KycState>>;

/** BTC Direct: an empty list of outstanding requirements means the user is fully verified. */
const btcDirectNoRequirementsState = "approved" satisfies KycState;

/** BTC Direct: with several requirements, the first of these states that any of them has wins. */
const btcDirectRequirementPrecedence = ["action_required", "unknown", "pending"] as const satisfies readonly KycState[];

/** What a normalized status keeps besides `state` and `rawStatus`, per provider (README column). */
const keptFields: Record<ProviderSlug, string> = {
  proof: "",
  "btc-direct": "`outstanding`: names of the `missing` / `open` requirements",
  "nyota-imara": "`reason`: `rejectionReason`",
  myaza: "`reasonCode`, `reason`",
};

/** The raw statuses a provider's spec documents (the keys of its `statusTable` entry). */
export function documentedStatuses(provider: ProviderSlug): readonly string[] {
  return Object.keys(statusTable[provider]);
}

/** The normalized state of one raw status; `unknown` for a value the table does not list. */
export function stateOf(provider: ProviderSlug, rawStatus: string): KycState {
  const table: Readonly<Record<string, KycState>> = statusTable[provider];
  return Object.hasOwn(table, rawStatus) ? (table[rawStatus] as KycState) : "unknown";
}

/** `value` without its undefined and null fields (a loop: this runs on every client call). */
const definedOnly = <T extends object>(value: T): T => {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined && v !== null) out[key] = v;
  return out as T;
};

const stringOrUndefined = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export function normalizeProofStatus(body: ProofKycStatusBody): NormalizedStatus<"proof"> {
  return { state: stateOf("proof", body.status), provider: "proof", rawStatus: body.status };
}

export function normalizeBtcDirectStatus(body: BtcDirectKycStatusBody): NormalizedStatus<"btc-direct"> {
  if (body.length === 0) return { state: btcDirectNoRequirementsState, provider: "btc-direct", rawStatus: "[]" };
  const states = body.map((item) => stateOf("btc-direct", item.status));
  const state = btcDirectRequirementPrecedence.find((s) => states.includes(s)) ?? "unknown";
  const outstanding = body.filter((_, i) => states[i] === "action_required").map((item) => item.name);
  const rawStatus = [...new Set(body.map((item) => item.status))].join(", ");
  return definedOnly({ state, provider: "btc-direct" as const, rawStatus, outstanding: outstanding.length > 0 ? outstanding : undefined });
}

export function normalizeNyotaImaraStatus(body: NyotaImaraKycStatusBody): NormalizedStatus<"nyota-imara"> {
  const { status, rejectionReason } = body.data;
  return definedOnly({ state: stateOf("nyota-imara", status), provider: "nyota-imara" as const, rawStatus: status, reason: stringOrUndefined(rejectionReason) });
}

export function normalizeMyazaStatus(body: MyazaKycStatusBody): NormalizedStatus<"myaza"> {
  const extra = body as { reason?: unknown; reasonCode?: unknown };
  return definedOnly({
    state: stateOf("myaza", body.status),
    provider: "myaza" as const,
    rawStatus: body.status,
    reasonCode: stringOrUndefined(extra.reasonCode),
    reason: stringOrUndefined(extra.reason),
  });
}


/** The rows of the status normalization table (README and docs index), derived from `statusTable`. */
export interface StatusTableRow {
  /** Provider name, on its first row only. */
  provider: string;
  /** Text with `code spans`. */
  rawStatus: string;
  state: KycState;
  /** What the normalized status keeps besides state and rawStatus, on the provider's first row only. */
  alsoKept: string;
}

export function statusTableRows(): StatusTableRow[] {
  const rows: StatusTableRow[] = [];
  for (const [slug, mapping] of Object.entries(statusTable) as [ProviderSlug, Record<string, KycState>][]) {
    const entries: [string, KycState][] = Object.entries(mapping).map(([raw, state]) => [slug === "btc-direct" ? `a requirement \`${raw}\`` : `\`${raw}\``, state]);
    if (slug === "btc-direct") entries.unshift(["`[]` (no outstanding requirement)", btcDirectNoRequirementsState]);
    entries.forEach(([rawStatus, state], i) => rows.push({ provider: i === 0 ? providers[slug].name : "", rawStatus, state, alsoKept: i === 0 ? keptFields[slug] : "" }));
  }
  rows.push({ provider: "any", rawStatus: "a value its spec does not list", state: "unknown", alsoKept: "`rawStatus` keeps the value" });
  return rows;
}

/** The sentence under the table. */
export function statusTableNote(): string {
  const precedence = btcDirectRequirementPrecedence.map((s) => `\`${s}\``).join(" over ");
  return `Every normalized status carries \`provider\` and \`rawStatus\`. BTC Direct answers with a list of outstanding requirements; with several, the first state in this order that any of them has wins: ${precedence}.`;
}

/** The README's "Status normalization" table, rendered from `statusTable`. */
export function renderStatusTableMarkdown(): string {
  return [
    "| Provider | Raw status | `state` | Also kept |",
    "| --- | --- | --- | --- |",
    ...statusTableRows().map((r) => `| ${r.provider} | ${r.rawStatus} | \`${r.state}\` | ${r.alsoKept} |`),
    "",
    statusTableNote(),
  ].join("\n");
}

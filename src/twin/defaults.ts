/**
 * The built-in fixtures: per provider, one record per raw status value the spec documents (and
 * one that changes on the third call), with credentials of every kind the twin tells apart.
 * Listed in the README and printed by `kyc-contracts mock --engine twin`. Fake values only.
 */
import type { ProviderSlug } from "../providers.js";
import type { TwinFixtureMap } from "./fixtures.js";

/** BTC Direct identifiers are 36–255 characters: readable names padded with zeros. */
const btcUser = (name: string): string => `twin-${name}-`.padEnd(36, "0");

export const DEFAULT_CREDENTIALS = {
  proof: { clientToken: "twin-proof-client-token" },
  "btc-direct": {
    apiKey: "twin-btc-direct-api-key",
    partnerToken: "twin-btc-direct-partner-token",
    expiredPartnerToken: "twin-btc-direct-expired-partner-token",
    userToken: "twin-btc-direct-user-token",
    expiredUserToken: "twin-btc-direct-expired-user-token",
  },
  "nyota-imara": { adminToken: "twin-nyota-admin-token", userToken: "twin-nyota-user-token", expiredToken: "twin-nyota-expired-token" },
  myaza: {
    publishableKey: "pk_test_twin0acme0000000000000000000001",
    secretKey: "sk_test_twin0acme0000000000000000000001",
    otherOrganizationKey: "pk_test_twin0globex00000000000000000001",
  },
} as const;

/** Ids of the default records, by what they show. */
export const DEFAULT_IDS = {
  proof: { not_started: "user-not-started", pending: "user-pending", verified: "user-123", failed: "user-failed", becomesVerified: "user-becomes-verified" },
  "btc-direct": {
    fully_verified: btcUser("fully-verified"),
    outstanding_requirements: btcUser("outstanding"),
    pending_review: btcUser("pending-review"),
    sdk_kyc_open: btcUser("kyc-open"),
    becomesVerified: btcUser("becomes-verified"),
  },
  "nyota-imara": { none: "usr_twin_none", pending: "usr_twin_pending", verified: "usr_twin_verified", rejected: "usr_twin_rejected", becomesVerified: "usr_twin_becomes_verified" },
  myaza: {
    pending: "ver_twin_pending",
    verified: "ver_twin_verified",
    failed: "ver_twin_failed",
    not_found: "ver_twin_not_found",
    error: "ver_twin_error",
    becomesVerified: "ver_twin_becomes_verified",
    otherOrganization: "ver_twin_globex_verified",
  },
} as const;

/** A fresh copy of the built-in fixtures. */
export function defaultFixtures(): TwinFixtureMap {
  const c = DEFAULT_CREDENTIALS;
  const p = DEFAULT_IDS.proof;
  const b = DEFAULT_IDS["btc-direct"];
  const n = DEFAULT_IDS["nyota-imara"];
  const m = DEFAULT_IDS.myaza;
  return {
    proof: {
      tokens: [c.proof.clientToken],
      records: {
        [p.not_started]: { status: "not_started" },
        [p.pending]: { status: "pending" },
        [p.verified]: { status: "verified" },
        [p.failed]: { status: "failed" },
        [p.becomesVerified]: { status: "pending", then: [{ afterCalls: 2, status: "verified" }] },
      },
    },
    "btc-direct": {
      apiKeys: [c["btc-direct"].apiKey],
      partnerTokens: { [c["btc-direct"].partnerToken]: {}, [c["btc-direct"].expiredPartnerToken]: { expired: true } },
      userTokens: { [c["btc-direct"].userToken]: { user: b.outstanding_requirements }, [c["btc-direct"].expiredUserToken]: { user: b.outstanding_requirements, expired: true } },
      records: {
        [b.fully_verified]: { example: "fully_verified" },
        [b.outstanding_requirements]: { example: "outstanding_requirements" },
        [b.pending_review]: { example: "pending_review" },
        [b.sdk_kyc_open]: { example: "sdk_kyc_open" },
        [b.becomesVerified]: { example: "pending_review", then: [{ afterCalls: 2, example: "fully_verified" }] },
      },
    },
    "nyota-imara": {
      tokens: {
        [c["nyota-imara"].adminToken]: { user: n.verified, readOthers: true },
        [c["nyota-imara"].userToken]: { user: n.pending },
        [c["nyota-imara"].expiredToken]: { user: n.pending, expired: true },
      },
      records: {
        [n.none]: { status: "none" },
        [n.pending]: { status: "pending" },
        [n.verified]: { status: "verified" },
        [n.rejected]: { status: "rejected" },
        [n.becomesVerified]: { status: "pending", then: [{ afterCalls: 2, status: "verified" }] },
      },
    },
    myaza: {
      keys: { [c.myaza.publishableKey]: "acme", [c.myaza.secretKey]: "acme", [c.myaza.otherOrganizationKey]: "globex" },
      records: {
        [m.pending]: { organization: "acme", status: "pending" },
        [m.verified]: { organization: "acme", status: "verified" },
        [m.failed]: { organization: "acme", status: "failed", reasonCode: "selfie_mismatch" },
        [m.not_found]: { organization: "acme", status: "not_found" },
        [m.error]: { organization: "acme", status: "error" },
        [m.becomesVerified]: { organization: "acme", status: "pending", then: [{ afterCalls: 2, status: "verified" }] },
        [m.otherOrganization]: { organization: "globex", status: "verified" },
      },
    },
  };
}

/**
 * What `kyc-contracts conform --engine twin` uses: credentials by the spec's security scheme name
 * (as in src/conformance/target.ts) and a known id with a 2xx answer.
 */
export const DEFAULT_CONFORMANCE: Readonly<Record<ProviderSlug, { credentials: Readonly<Record<string, string>>; subjectId?: string }>> = {
  proof: { credentials: { clientToken: DEFAULT_CREDENTIALS.proof.clientToken }, subjectId: DEFAULT_IDS.proof.verified },
  "btc-direct": { credentials: { apiKey: DEFAULT_CREDENTIALS["btc-direct"].apiKey, userIdentifier: DEFAULT_IDS["btc-direct"].outstanding_requirements } },
  "nyota-imara": { credentials: { bearerJwt: DEFAULT_CREDENTIALS["nyota-imara"].adminToken }, subjectId: DEFAULT_IDS["nyota-imara"].pending },
  myaza: { credentials: { apiKey: DEFAULT_CREDENTIALS.myaza.secretKey }, subjectId: DEFAULT_IDS.myaza.verified },
};

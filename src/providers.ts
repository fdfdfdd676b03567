/**
 * The four providers this package describes. Everything else about them (paths, statuses,
 * schemas, examples) lives in their specs; this registry only names them.
 */
export const providerSlugs = ["proof", "btc-direct", "nyota-imara", "myaza"] as const;

export type ProviderSlug = (typeof providerSlugs)[number];

export interface ProviderInfo {
  readonly slug: ProviderSlug;
  /** Display name. */
  readonly name: string;
  /** Default port of its Prism mock (`kyc-contracts mock`). */
  readonly defaultMockPort: number;
}

export const providers: Readonly<Record<ProviderSlug, ProviderInfo>> = {
  proof: { slug: "proof", name: "Proof", defaultMockPort: 4010 },
  "btc-direct": { slug: "btc-direct", name: "BTC Direct", defaultMockPort: 4011 },
  "nyota-imara": { slug: "nyota-imara", name: "Nyota Imara", defaultMockPort: 4012 },
  myaza: { slug: "myaza", name: "Myaza", defaultMockPort: 4013 },
};

export function isProviderSlug(value: string): value is ProviderSlug {
  return (providerSlugs as readonly string[]).includes(value);
}

/** One status call per provider's typed client, with placeholder credentials (the bench servers do not check them). */
import { createBtcDirectClient, createMyazaClient, createNyotaImaraClient, createProofClient, type FetchLike } from "../src/index.js";
import type { ProviderSlug } from "../src/providers.js";

export type StatusCall = () => Promise<{ ok: true } | { ok: false; error: { kind: string; message: string } }>;

const CREDENTIAL = "bench0placeholder0credential0000000000";
const ID = "bench-id-1";

export const statusCalls: Record<ProviderSlug, (baseUrl: string, fetch?: FetchLike) => StatusCall> = {
  proof: (baseUrl, fetch) => {
    const client = createProofClient({ baseUrl, clientToken: CREDENTIAL, ...(fetch ? { fetch } : {}) });
    return () => client.getKycStatus(ID);
  },
  "btc-direct": (baseUrl, fetch) => {
    const client = createBtcDirectClient({ baseUrl, apiKey: CREDENTIAL, userIdentifier: CREDENTIAL, ...(fetch ? { fetch } : {}) });
    return () => client.getKycStatus();
  },
  "nyota-imara": (baseUrl, fetch) => {
    const client = createNyotaImaraClient({ baseUrl, token: CREDENTIAL, ...(fetch ? { fetch } : {}) });
    return () => client.getKycStatus(ID);
  },
  myaza: (baseUrl, fetch) => {
    const client = createMyazaClient({ baseUrl, apiKey: `sk_test_${CREDENTIAL}`, ...(fetch ? { fetch } : {}) });
    return () => client.getKycStatus(ID);
  },
};

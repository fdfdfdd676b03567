/**
 * Which operation each client calls, and the fields of its success body that are checked
 * strictly (the normalized status is built from them; every other deviation from the spec is a
 * warning, src/clients/tolerance.ts). Plain data: the provider modules read the paths, and
 * `npm run generate` builds each client's contract from both (generated/<slug>-client.ts).
 */
import type { ProviderSlug } from "../providers.js";
import type { FieldPath } from "./tolerance.js";

export const clientOperations = {
  proof: { path: "/widget/users/{partner_user_id}/kyc-status", strictFields: [["status"]] },
  "btc-direct": {
    path: "/api/v2/user/verification-status",
    strictFields: [
      ["*", "name"],
      ["*", "status"],
    ],
  },
  "nyota-imara": { path: "/v1/kyc/{userId}", strictFields: [["data", "status"]] },
  myaza: { path: "/api/kyc/status/{verificationId}", strictFields: [["status"]] },
} as const satisfies Record<ProviderSlug, { path: string; strictFields: readonly FieldPath[] }>;

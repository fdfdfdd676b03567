/** Nyota Imara: `GET /v1/kyc/{userId}` with `Authorization: Bearer <JWT>`; `me` is the caller. */
import type { operations, paths } from "../../generated/nyota-imara.js";
import { normalizeNyotaImaraStatus, type NyotaImaraKycStatusBody } from "../status.js";
import { nyotaImaraClientContract } from "../../generated/nyota-imara-client.js";
import { clientOperations } from "./operations.js";
import { createStatusCaller, readField, requireOptions } from "./core.js";
import { documentUrlsExpireAt } from "./document-expiry.js";
import type { CallOptions, ClientOptions, KycStatusResult } from "./types.js";

export interface NyotaImaraClientOptions extends ClientOptions {
  /** The Supabase-issued JWT from sign-in. */
  token: string;
}

export interface NyotaImaraResultExtra {
  /**
   * When the pre-signed document URLs in `data.data.documents` stop working (the earliest of
   * them, from their `X-Amz-Expires` and the response time). Never keep them past it: call
   * `getKycStatus` again for fresh ones. A URL without a readable expiry counts as expired now.
   */
  readonly documentsExpireAt: Date;
}

export type NyotaImaraKycStatusResult = KycStatusResult<"nyota-imara", NyotaImaraKycStatusBody, NyotaImaraResultExtra>;

export interface NyotaImaraClient {
  readonly provider: "nyota-imara";
  /** A user's KYC record; `"me"` for the signed-in user (others need the `identity:user:read` policy). */
  getKycStatus(userId: "me" | (string & {}), options?: CallOptions): Promise<NyotaImaraKycStatusResult>;
}

export function createNyotaImaraClient(options: NyotaImaraClientOptions): NyotaImaraClient {
  const { token, ...rest } = requireOptions("createNyotaImaraClient", options);
  const call = createStatusCaller<"nyota-imara", paths, NyotaImaraKycStatusBody, NyotaImaraResultExtra>(
    "createNyotaImaraClient",
    {
      provider: "nyota-imara",
      path: clientOperations["nyota-imara"].path,
      contract: nyotaImaraClientContract,
      // { success: false, error: <message> }
      readError: (body) => ({ text: readField(body, "error") }),
      normalize: normalizeNyotaImaraStatus,
      // `documents` is not a strict field: a record may come without it (warned), then nothing expires later than now.
      extra: (body, { receivedAt }) => ({ documentsExpireAt: documentUrlsExpireAt(Object.values(readField(body.data, "documents") ?? {}), receivedAt) }),
    },
    { ...rest, credentials: { bearerJwt: { option: "token", value: token } } },
  );
  return Object.freeze({
    provider: "nyota-imara",
    getKycStatus: (userId: string, callOptions?: CallOptions) =>
      call({ userId } satisfies operations["getKycRecord"]["parameters"]["path"], callOptions),
  });
}

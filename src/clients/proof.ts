/** Proof: `GET /widget/users/{partner_user_id}/kyc-status` with `Authorization: Bearer <client_token>`. */
import type { operations, paths } from "../../generated/proof.js";
import { normalizeProofStatus, type ProofKycStatusBody } from "../status.js";
import { proofClientContract } from "../../generated/proof-client.js";
import { clientOperations } from "./operations.js";
import { createStatusCaller, readField, requireOptions } from "./core.js";
import type { CallOptions, ClientOptions, KycStatusResult } from "./types.js";

export interface ProofClientOptions extends ClientOptions {
  /** The partner's client token (sent as a Bearer token from your backend). */
  clientToken: string;
}

export type ProofKycStatusResult = KycStatusResult<"proof", ProofKycStatusBody>;

export interface ProofClient {
  readonly provider: "proof";
  /** The KYC status of one of your users, by your own user id. */
  getKycStatus(partnerUserId: string, options?: CallOptions): Promise<ProofKycStatusResult>;
}

export function createProofClient(options: ProofClientOptions): ProofClient {
  const { clientToken, ...rest } = requireOptions("createProofClient", options);
  const call = createStatusCaller<"proof", paths, ProofKycStatusBody>(
    "createProofClient",
    {
      provider: "proof",
      path: clientOperations.proof.path,
      contract: proofClientContract,
      // { error: <slug>, code: <code>, message: <text> }
      readError: (body) => ({ code: readField(body, "code"), text: readField(body, "message") }),
      normalize: normalizeProofStatus,
    },
    { ...rest, credentials: { clientToken: { option: "clientToken", value: clientToken } } },
  );
  return Object.freeze({
    provider: "proof",
    getKycStatus: (partnerUserId: string, callOptions?: CallOptions) =>
      call({ partner_user_id: partnerUserId } satisfies operations["getKycStatus"]["parameters"]["path"], callOptions),
  });
}

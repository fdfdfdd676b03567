/** Myaza Identity: `GET /api/kyc/status/{verificationId}` with `Authorization: Bearer <pk_… or sk_… key>`. */
import type { operations, paths } from "../../generated/myaza.js";
import { normalizeMyazaStatus, type MyazaKycStatusBody } from "../status.js";
import { myazaClientContract } from "../../generated/myaza-client.js";
import { clientOperations } from "./operations.js";
import { createStatusCaller, readField, requireOptions } from "./core.js";
import type { CallOptions, ClientOptions, KycStatusResult } from "./types.js";

export interface MyazaClientOptions extends ClientOptions {
  /** A publishable (`pk_…`) or secret (`sk_…`) key: this endpoint accepts either. */
  apiKey: string;
}

export type MyazaKycStatusResult = KycStatusResult<"myaza", MyazaKycStatusBody>;

export interface MyazaClient {
  readonly provider: "myaza";
  /** The state of one verification (`ver_…`). Poll with `pollUntilSettled`, or prefer webhooks. */
  getKycStatus(verificationId: string, options?: CallOptions): Promise<MyazaKycStatusResult>;
}

export function createMyazaClient(options: MyazaClientOptions): MyazaClient {
  const { apiKey, ...rest } = requireOptions("createMyazaClient", options);
  const call = createStatusCaller<"myaza", paths, MyazaKycStatusBody>(
    "createMyazaClient",
    {
      provider: "myaza",
      path: clientOperations.myaza.path,
      contract: myazaClientContract,
      // { error: <text>, message?: <text> }
      readError: (body) => ({ text: [readField(body, "error"), readField(body, "message")].filter((t) => typeof t === "string").join(": ") }),
      normalize: normalizeMyazaStatus,
    },
    { ...rest, credentials: { apiKey: { option: "apiKey", value: apiKey } } },
  );
  return Object.freeze({
    provider: "myaza",
    getKycStatus: (verificationId: string, callOptions?: CallOptions) =>
      call({ verificationId } satisfies operations["getVerificationStatus"]["parameters"]["path"], callOptions),
  });
}

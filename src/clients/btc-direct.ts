/**
 * BTC Direct: `GET /api/v2/user/verification-status` with exactly one partner credential
 * (`X-Api-Key`, or `Authorization: Bearer <partner token>`) and exactly one user credential (`User-Identifier` or `User-Authorization: Bearer <user token>`).
 */
import { btcDirectErrorCatalogue, isBtcDirectErrorCode, type BtcDirectErrorCode, type BtcDirectErrorEntry } from "../../generated/btc-direct-errors.js";
import type { paths } from "../../generated/btc-direct.js";
import { normalizeBtcDirectStatus, type BtcDirectKycStatusBody } from "../status.js";
import { btcDirectClientContract } from "../../generated/btc-direct-client.js";
import { clientOperations } from "./operations.js";
import { createStatusCaller, readField, requireOptions, type Credential } from "./core.js";
import type { CallOptions, ClientOptions, KycStatusResult } from "./types.js";

/** Exactly one way to authenticate the partner. */
export type BtcDirectPartnerCredential =
  | {
      /** The partner API key (`X-Api-Key`). */
      apiKey: string;
      partnerToken?: never;
    }
  | {
      /** A partner token from BTC Direct's `POST /api/v1/authenticate` (`Authorization: Bearer`); valid one hour, then ER801. */
      partnerToken: string;
      apiKey?: never;
    };

/** Exactly one way to name the user. */
export type BtcDirectUserCredential =
  | {
      /** Your identifier of the user (36–255 alphanumerics), linked to their BTC Direct account. */
      userIdentifier: string;
      userToken?: never;
    }
  | {
      /** A user token from BTC Direct's user/password authentication. */
      userToken: string;
      userIdentifier?: never;
    };

/** One partner credential (`apiKey` or `partnerToken`) plus one user credential (`userIdentifier` or `userToken`). */
export type BtcDirectClientOptions = ClientOptions & BtcDirectPartnerCredential & BtcDirectUserCredential;

export type BtcDirectCatalogueEntry = BtcDirectErrorEntry & { readonly code: BtcDirectErrorCode };

export interface BtcDirectErrorExtra {
  /** The catalogue entry of the error code, when BTC Direct documents it (`message`, `solution`). */
  readonly catalogueEntry?: BtcDirectCatalogueEntry;
}

export type BtcDirectKycStatusResult = KycStatusResult<"btc-direct", BtcDirectKycStatusBody, object, BtcDirectErrorExtra>;

export interface BtcDirectClient {
  readonly provider: "btc-direct";
  /** The user's outstanding verification requirements (the user comes from the options). */
  getKycStatus(options?: CallOptions): Promise<BtcDirectKycStatusResult>;
}

/** `{ errors: { ER801: { code, message, solution } } }`: the first error decides. */
function readBtcDirectError(body: unknown) {
  const errors = readField(body, "errors");
  const [key, detail] = typeof errors === "object" && errors !== null ? (Object.entries(errors)[0] ?? []) : [];
  const code = readField(detail, "code") ?? key;
  if (typeof code === "string" && isBtcDirectErrorCode(code)) {
    const entry = btcDirectErrorCatalogue[code];
    return { code, documented: { text: entry.message, advice: entry.solution }, extra: { catalogueEntry: Object.freeze({ code, ...entry }) } };
  }
  return { code, text: readField(detail, "message"), advice: readField(detail, "solution") };
}

export function createBtcDirectClient(options: BtcDirectClientOptions): BtcDirectClient {
  const { apiKey, partnerToken, userIdentifier, userToken, ...rest } = requireOptions("createBtcDirectClient", options);
  if ((apiKey === undefined) === (partnerToken === undefined)) {
    throw new TypeError("createBtcDirectClient: pass exactly one of apiKey or partnerToken (BTC Direct answers ER803 to both, ER802 to neither).");
  }
  if ((userIdentifier === undefined) === (userToken === undefined)) {
    throw new TypeError("createBtcDirectClient: pass exactly one of userIdentifier or userToken (BTC Direct answers ER803 to both, ER704 to neither).");
  }
  const partner: Record<string, Credential> =
    apiKey !== undefined ? { apiKey: { option: "apiKey", value: apiKey } } : { partnerToken: { option: "partnerToken", value: partnerToken } };
  const user: Record<string, Credential> =
    userIdentifier !== undefined
      ? { userIdentifier: { option: "userIdentifier", value: userIdentifier } }
      : { userToken: { option: "userToken", value: userToken, prefix: "Bearer " } };
  const call = createStatusCaller<"btc-direct", paths, BtcDirectKycStatusBody, object, BtcDirectErrorExtra>(
    "createBtcDirectClient",
    {
      provider: "btc-direct",
      path: clientOperations["btc-direct"].path,
      contract: btcDirectClientContract,
      readError: readBtcDirectError,
      normalize: normalizeBtcDirectStatus,
    },
    { ...rest, credentials: { ...partner, ...user } },
  );
  return Object.freeze({
    provider: "btc-direct",
    getKycStatus: async (callOptions?: CallOptions) => {
      // A JavaScript caller may pass an id here, as to the other clients.
      const given: unknown = callOptions;
      if (given !== undefined && (typeof given !== "object" || given === null)) {
        throw new TypeError("createBtcDirectClient(…).getKycStatus takes only call options ({ signal, timeoutMs }): the user comes from the client's userIdentifier or userToken, not from an id.");
      }
      return call({}, callOptions);
    },
  });
}

// generated — do not edit. Source: openapi/btc-direct/openapi.yaml (error response examples). Regenerate with `npm run generate`.

/** Every error code BTC Direct documents for GET /api/v2/user/verification-status. */
export type BtcDirectErrorCode = "ER700" | "ER701" | "ER702" | "ER703" | "ER704" | "ER705" | "ER706" | "ER707" | "ER708" | "ER709" | "ER800" | "ER801" | "ER802" | "ER803" | "ER805" | "ER806" | "ER999";

export interface BtcDirectErrorEntry {
  /** HTTP status the spec assigns (only ER801 → 400 is documented by BTC Direct). */
  readonly httpStatus: number;
  readonly message: string;
  readonly solution: string;
  /** Named example in the spec; Prism serves it with `Prefer: code=<httpStatus>, example=<example>`. */
  readonly example: string;
}

export const btcDirectErrorCatalogue = {
  ER700: {
    httpStatus: 401,
    message: "User authorization token not found.",
    solution: "Provide a user authorization token.",
    example: "er700_user_token_not_found",
  },
  ER701: {
    httpStatus: 400,
    message: "User authorization token has expired.",
    solution: "Request a new authorization token, or refresh the token.",
    example: "er701_user_token_expired",
  },
  ER702: {
    httpStatus: 401,
    message: "User authorization token is invalid.",
    solution: "Provide a valid user authorization token.",
    example: "er702_user_token_invalid",
  },
  ER703: {
    httpStatus: 403,
    message: "User identifier does not belong to the user in the user authorization token.",
    solution: "Provide a valid user identifier, or remove the user identifier header.",
    example: "er703_identifier_not_owned_by_token_user",
  },
  ER704: {
    httpStatus: 401,
    message: "No user identifier found in headers.",
    solution: "Provide a valid user identifier, or use the user/password authentication mechanism to request a user token and send that.",
    example: "er704_identifier_missing",
  },
  ER705: {
    httpStatus: 404,
    message: "User identifier is not linked to a user.",
    solution: "Provide a valid user identifier, link this user identifier to a user account, or use the user/password authentication mechanism.",
    example: "er705_identifier_not_linked",
  },
  ER706: {
    httpStatus: 400,
    message: "User identifier is invalid.",
    solution: "Provide a valid user identifier, a unique identifier string for the user account that is not already in use.",
    example: "er706_identifier_in_use",
  },
  ER707: {
    httpStatus: 400,
    message: "User identifier is invalid.",
    solution: "Please provide an identifier, consisting of 36 - 255 characters, numeric or alphanumeric only.",
    example: "er707_identifier_malformed",
  },
  ER708: {
    httpStatus: 400,
    message: "There is a pending document for this side.",
    solution: "Wait for the pending document to be reviewed.",
    example: "er708_pending_document",
  },
  ER709: {
    httpStatus: 404,
    message: "User not found, or user has been deleted.",
    solution: "Provide a valid user identifier.",
    example: "er709_user_not_found",
  },
  ER800: {
    httpStatus: 401,
    message: "Authorization token is invalid.",
    solution: "Provide a valid authorization token.",
    example: "er800_token_invalid",
  },
  ER801: {
    httpStatus: 400,
    message: "Authorization token has expired.",
    solution: "Request a new authorization token.",
    example: "er801_token_expired",
  },
  ER802: {
    httpStatus: 401,
    message: "Authorization token not found.",
    solution: "Provide an authorization token.",
    example: "er802_token_not_found",
  },
  ER803: {
    httpStatus: 400,
    message: "Multiple authorization methods used.",
    solution: "Use exactly one authorization method.",
    example: "er803_multiple_auth_methods",
  },
  ER805: {
    httpStatus: 401,
    message: "API key is invalid.",
    solution: "Provide a valid API key.",
    example: "er805_api_key_invalid",
  },
  ER806: {
    httpStatus: 401,
    message: "API key not found.",
    solution: "Provide an API key.",
    example: "er806_api_key_not_found",
  },
  ER999: {
    httpStatus: 500,
    message: "A general error has occurred. Please contact our support team.",
    solution: "Contact our support team.",
    example: "er999_general_error",
  },
} as const satisfies Record<BtcDirectErrorCode, BtcDirectErrorEntry>;

export const btcDirectErrorCodes: readonly BtcDirectErrorCode[] = ["ER700", "ER701", "ER702", "ER703", "ER704", "ER705", "ER706", "ER707", "ER708", "ER709", "ER800", "ER801", "ER802", "ER803", "ER805", "ER806", "ER999"];

export function isBtcDirectErrorCode(code: string): code is BtcDirectErrorCode {
  return Object.prototype.hasOwnProperty.call(btcDirectErrorCatalogue, code);
}

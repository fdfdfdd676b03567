// generated — do not edit. Source: openapi/myaza/openapi.yaml. Regenerate with `npm run generate`.
export interface paths {
    "/api/kyc/status/{verificationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get verification status
         * @description Returns the minimal lifecycle state of a verification: `pending`, `verified`, `failed`,
         *     `not_found` or `error`. `failed` means the verification completed but validations did not
         *     pass; `not_found` means the ID number was not found in the government database; `error`
         *     means a system problem occurred. All three carry a human-readable `reason` and a stable
         *     `reasonCode` to branch on. To read the full result and biodata, use *Get verification
         *     result* with a secret (`sk_`) key from your backend.
         */
        get: operations["getVerificationStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The verification's state; the fields present depend on `status`. */
        VerificationStatusResponse: components["schemas"]["PendingVerificationStatus"] | components["schemas"]["VerifiedVerificationStatus"] | components["schemas"]["FailedVerificationStatus"] | components["schemas"]["ErroredVerificationStatus"];
        /**
         * pending
         * @description The verification is still running.
         */
        PendingVerificationStatus: {
            /** @enum {string} */
            status: "pending";
            verificationId: components["schemas"]["VerificationId"];
            createdAt: components["schemas"]["Timestamp"];
            completedAt?: components["schemas"]["Timestamp"];
            assuranceLevel?: components["schemas"]["AssuranceLevel"];
        };
        /**
         * verified
         * @description The verification passed. Carries no identity data; read the full result with a secret key.
         */
        VerifiedVerificationStatus: {
            /** @enum {string} */
            status: "verified";
            verificationId: components["schemas"]["VerificationId"];
            createdAt: components["schemas"]["Timestamp"];
            completedAt: components["schemas"]["Timestamp"];
            assuranceLevel?: components["schemas"]["AssuranceLevel"];
        };
        /**
         * failed / not_found
         * @description `failed`: the verification completed but validations did not pass (known codes
         *     `document_unreadable`, `document_blurry`, `document_type_mismatch`, `id_number_not_found`,
         *     `document_data_mismatch`, `document_expired`, `selfie_mismatch`). `not_found`: the ID
         *     number was not found in the government database (`identity_not_found`).
         */
        FailedVerificationStatus: {
            /** @enum {string} */
            status: "failed" | "not_found";
            verificationId: components["schemas"]["VerificationId"];
            createdAt: components["schemas"]["Timestamp"];
            completedAt: components["schemas"]["Timestamp"];
            assuranceLevel?: components["schemas"]["AssuranceLevel"];
            /** @description Human-readable reason; for display and logs. */
            reason: string;
            /** @description Stable code to branch on. Open; treat an unknown code as a generic failure of its status. */
            reasonCode: string;
        };
        /**
         * error
         * @description A system problem occurred; `completedAt` may be absent.
         */
        ErroredVerificationStatus: {
            /** @enum {string} */
            status: "error";
            verificationId: components["schemas"]["VerificationId"];
            createdAt: components["schemas"]["Timestamp"];
            completedAt?: components["schemas"]["Timestamp"];
            assuranceLevel?: components["schemas"]["AssuranceLevel"];
            /** @description Human-readable reason; for display and logs. */
            reason: string;
            /** @description Stable code to branch on. Open; treat an unknown code as a generic failure of its status. */
            reasonCode: string;
        };
        /** @description A verification id, `ver_` followed by a ULID-like suffix. */
        VerificationId: string;
        /**
         * Format: date-time
         * @description ISO 8601 timestamp.
         */
        Timestamp: string;
        /**
         * @description How the identity was established (SDK types only). Known values: `chip`, `gov_db`,
         *     `document`. Open: other values may appear.
         * @example gov_db
         */
        AssuranceLevel: string;
        /** @description Myaza's error body. */
        ErrorResponse: {
            /** @description Short error text. */
            error: string;
            /** @description Optional detail. */
            message?: string;
        };
    };
    responses: {
        /** @description Invalid request (e.g. a malformed verification id). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Missing or invalid Authorization header, or an unknown API key. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The key may not perform this request. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Unknown verification id, or it belongs to another organization. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Rate limit exceeded: 100 requests per 15 minutes per client. Wait RateLimit-Reset seconds. */
        TooManyRequests: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Server error. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /**
         * @description Requests allowed per window (100 per 15 minutes per client).
         * @example 100
         */
        "RateLimit-Limit": number;
        /**
         * @description Requests left in the current window.
         * @example 99
         */
        "RateLimit-Remaining": number;
        /**
         * @description Seconds until the current window resets.
         * @example 900
         */
        "RateLimit-Reset": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getVerificationStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The verification's id (`ver_` followed by a ULID-like suffix). */
                verificationId: components["schemas"]["VerificationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verification's current state. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationStatusResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
}

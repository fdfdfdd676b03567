// generated — do not edit. Source: openapi/nyota-imara/openapi.yaml. Regenerate with `npm run generate`.
export interface paths {
    "/v1/kyc/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a user's KYC verification status and documents
         * @description Retrieve the KYC record for a user. Pass `me` as `userId` to fetch your own record. Fetching
         *     another user's record needs admin permissions (the `identity:user:read` policy). The document
         *     URLs in the response expire after 15 minutes; do not store them.
         */
        get: operations["getKycRecord"];
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
        KycRecordResponse: {
            /**
             * @description `true` when the record was found.
             * @constant
             */
            success: true;
            data: components["schemas"]["KycRecord"];
        };
        /**
         * @description The KYC record, in one of two shapes. Every record has `userId`, `userInfo`, `status`,
         *     `verifiedAt` and `rejectionReason`. A record past `none` (the user submitted) also has
         *     `idNumber`, `submittedAt` and `documents` with all three URLs; a `none` record may lack
         *     `idNumber`, `submittedAt` and `documents`, or carry `documents` as an empty object.
         */
        KycRecord: {
            status?: components["schemas"]["KycStatus"];
        } & (components["schemas"]["KycRecordNotSubmitted"] | components["schemas"]["KycRecordSubmitted"]);
        /**
         * none (nothing submitted)
         * @description A record with nothing submitted yet. `idNumber`, `submittedAt` and `documents` may be
         *     missing (or `documents` empty): the handbook shows no such record, so nothing more is assumed.
         */
        KycRecordNotSubmitted: {
            /** @description The user's unique identifier (e.g. `usr_01j9z...`). */
            userId: string;
            userInfo: components["schemas"]["UserInfo"];
            /** @description The government-issued ID number submitted during KYC. */
            idNumber?: string;
            /**
             * @description Nothing submitted yet (see KycStatus).
             * @enum {string}
             */
            status: "none";
            /** @description Pre-signed URLs of whatever was uploaded so far; often absent or `{}`. */
            documents?: {
                /** Format: uri */
                idFrontUrl?: string;
                /** Format: uri */
                idBackUrl?: string;
                /** Format: uri */
                passportPhotoUrl?: string;
            };
            /**
             * Format: date-time
             * @description When the record was verified, or `null` if not yet verified.
             */
            verifiedAt: string | null;
            /** @description The reviewer's rejection note, or `null` if not rejected. */
            rejectionReason: string | null;
            /**
             * Format: date-time
             * @description When the documents were first submitted.
             */
            submittedAt?: string;
        };
        /**
         * submitted (pending / verified / rejected)
         * @description A record the user has submitted; every field the handbook shows is there.
         */
        KycRecordSubmitted: {
            /** @description The user's unique identifier (e.g. `usr_01j9z...`). */
            userId: string;
            userInfo: components["schemas"]["UserInfo"];
            /** @description The government-issued ID number submitted during KYC. */
            idNumber: string;
            /**
             * @description Any status but `none` (see KycStatus).
             * @enum {string}
             */
            status: "pending" | "verified" | "rejected";
            documents: components["schemas"]["KycDocuments"];
            /**
             * Format: date-time
             * @description When the record was verified, or `null` if not yet verified.
             */
            verifiedAt: string | null;
            /** @description The reviewer's rejection note, or `null` if not rejected. */
            rejectionReason: string | null;
            /**
             * Format: date-time
             * @description When the documents were first submitted.
             */
            submittedAt: string;
        };
        /** @description Basic profile information. */
        UserInfo: {
            /**
             * Format: email
             * @description The user's email address.
             */
            email: string;
            /** @description The user's full name. */
            name: string;
        };
        /**
         * @description | Status | Meaning |
         *     | --- | --- |
         *     | `none` | No verification started on this record |
         *     | `pending` | Submitted, under review |
         *     | `verified` | Verified |
         *     | `rejected` | Rejected; only now may the user resubmit |
         * @enum {string}
         */
        KycStatus: "none" | "pending" | "verified" | "rejected";
        /**
         * @description Pre-signed URLs of the uploaded documents. Each expires 15 minutes after the response
         *     (`X-Amz-Expires=900`); never store them.
         */
        KycDocuments: {
            /**
             * Format: uri
             * @description Front of the identity document.
             */
            idFrontUrl: string;
            /**
             * Format: uri
             * @description Back of the identity document.
             */
            idBackUrl: string;
            /**
             * Format: uri
             * @description The passport-style photo.
             */
            passportPhotoUrl: string;
        };
        /** @description Nyota Imara's error envelope. */
        ErrorResponse: {
            /** @constant */
            success: false;
            /** @description Human-readable error message. */
            error: string;
        };
    };
    responses: {
        /** @description Missing, malformed or expired bearer token. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The caller lacks the identity:user:read policy needed to read another user's record. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No KYC submission exists for the given userId. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Server-side database or storage error. */
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
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getKycRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ID of the user whose KYC record to retrieve, or `me` for your own record. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The KYC record was found. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KycRecordResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
}

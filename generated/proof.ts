// generated — do not edit. Source: openapi/proof/openapi.yaml. Regenerate with `npm run generate`.
export interface paths {
    "/widget/users/{partner_user_id}/kyc-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user's KYC status
         * @description Returns the identity-verification status for one of your users. Call it from your backend,
         *     for instance to show a custom message before opening the widget; the widget itself starts
         *     verification for users who need it.
         */
        get: operations["getKycStatus"];
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
        /** @description Both fields appear in every documented response. */
        KycStatusResponse: {
            /** @description Your internal user identifier (echo of the request). */
            partner_user_id: string;
            status: components["schemas"]["KycStatus"];
        };
        /**
         * @description | Status | Meaning |
         *     | --- | --- |
         *     | `not_started` | The user has never opened the widget or has not submitted documents |
         *     | `pending` | Documents submitted; under review |
         *     | `verified` | Verification passed; the user can transact |
         *     | `failed` | Verification failed; the user must retry inside the widget |
         * @enum {string}
         */
        KycStatus: "not_started" | "pending" | "verified" | "failed";
        /** @description Proof's error body on every error. Branch on HTTP status + `error` + `code`; log `message`. */
        ErrorResponse: {
            /** @description Error slug, e.g. `unauthorised`, `not_found`, `upstream_error`. */
            error: string;
            /** @description Machine-readable code within the slug, e.g. `invalid_token`. */
            code: string;
            /** @description Human-readable text for logs; not a stable value to branch on. */
            message: string;
        };
    };
    responses: {
        /** @description Invalid request (Proof errors page; applies to every /widget/* call). */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Missing or inactive client_token. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The call came from an IP address or Origin outside the partner's allowlist (errors page; applies to every /widget/* call). */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The partner_user_id is unknown for your partner. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Proof-side failure (errors page; applies to every /widget/* call). */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The verification service behind Proof failed or was unavailable; retry. */
        BadGateway: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
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
         * @description Identifier of the request, to quote to Proof support, when Proof sends one. Format not
         *     documented. Not required: no source page shows it on a response (see the spec's decisions).
         * @example req_8f14e45fceea167a
         */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getKycStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Your internal user identifier. Proof documents no format for it. */
                partner_user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's identity-verification status. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KycStatusResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["BadGateway"];
        };
    };
}

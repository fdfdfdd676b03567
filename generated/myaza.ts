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
export interface webhooks {
    "verification.started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * verification.started
         * @description A verification started (`data.status` `pending`).
         *     Myaza POSTs this JSON event to every endpoint your organisation registered for the
         *     environment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body
         *     before parsing, and de-duplicate on `X-Myaza-Delivery`.
         */
        post: operations["verificationStartedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "verification.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * verification.completed
         * @description The identity was confirmed (`data.status` `verified`).
         *     Myaza POSTs this JSON event to every endpoint your organisation registered for the
         *     environment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body
         *     before parsing, and de-duplicate on `X-Myaza-Delivery`.
         */
        post: operations["verificationCompletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "verification.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * verification.failed
         * @description The verification completed but validations did not pass (`data.status` `failed`).
         *     Myaza POSTs this JSON event to every endpoint your organisation registered for the
         *     environment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body
         *     before parsing, and de-duplicate on `X-Myaza-Delivery`.
         */
        post: operations["verificationFailedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "verification.not_found": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * verification.not_found
         * @description The ID number was not found in the government database (`data.status` `not_found`).
         *     Myaza POSTs this JSON event to every endpoint your organisation registered for the
         *     environment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body
         *     before parsing, and de-duplicate on `X-Myaza-Delivery`.
         */
        post: operations["verificationNotFoundWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "verification.error": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * verification.error
         * @description A system problem occurred (`data.status` `error`).
         *     Myaza POSTs this JSON event to every endpoint your organisation registered for the
         *     environment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body
         *     before parsing, and de-duplicate on `X-Myaza-Delivery`.
         */
        post: operations["verificationErrorWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "api_key.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * api_key.created
         * @description An API key was created.
         *     Myaza POSTs this JSON event to every endpoint your organisation registered for the
         *     environment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body
         *     before parsing, and de-duplicate on `X-Myaza-Delivery`.
         */
        post: operations["apiKeyCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "api_key.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * api_key.revoked
         * @description An API key was revoked.
         *     Myaza POSTs this JSON event to every endpoint your organisation registered for the
         *     environment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body
         *     before parsing, and de-duplicate on `X-Myaza-Delivery`.
         */
        post: operations["apiKeyRevokedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "credits.deducted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * credits.deducted
         * @description Credits were deducted.
         *     Myaza POSTs this JSON event to every endpoint your organisation registered for the
         *     environment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body
         *     before parsing, and de-duplicate on `X-Myaza-Delivery`.
         */
        post: operations["creditsDeductedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "credits.low": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * credits.low
         * @description The credit balance is low.
         *     Myaza POSTs this JSON event to every endpoint your organisation registered for the
         *     environment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body
         *     before parsing, and de-duplicate on `X-Myaza-Delivery`.
         */
        post: operations["creditsLowWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "credits.topped_up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * credits.topped_up
         * @description Credits were topped up.
         *     Myaza POSTs this JSON event to every endpoint your organisation registered for the
         *     environment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body
         *     before parsing, and de-duplicate on `X-Myaza-Delivery`.
         */
        post: operations["creditsToppedUpWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
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
        /**
         * @description The envelope every Myaza webhook event shares: `{ id, event, createdAt, data }`. What `data`
         *     holds depends on `event`.
         */
        WebhookEnvelope: {
            id: components["schemas"]["WebhookEventId"];
            event: components["schemas"]["WebhookEventName"];
            createdAt: components["schemas"]["Timestamp"];
            /** @description The event's payload. */
            data: {
                [key: string]: unknown;
            };
        };
        /**
         * @description The event a webhook delivery reports; also sent as the `X-Myaza-Event` header. Closed: these
         *     are the events Myaza's webhooks page lists.
         * @enum {string}
         */
        WebhookEventName: "verification.started" | "verification.completed" | "verification.failed" | "verification.not_found" | "verification.error" | "api_key.created" | "api_key.revoked" | "credits.deducted" | "credits.low" | "credits.topped_up";
        /** @description The event's id, `evt_` followed by an undocumented suffix. */
        WebhookEventId: string;
        /**
         * @description `data` of the `verification.*` events, as Myaza's webhooks page shows it. `idNumber` and
         *     `userData` are **personal data**: mask them in any log, recording or report. Fields beyond
         *     these are not documented; the schema leaves room for them.
         */
        VerificationEventData: {
            verificationId: components["schemas"]["VerificationId"];
            /** @description Your reference for the request (the partner's). Assumed null when you gave none. */
            requestId: string | null;
            /** @description Your external id for the user. Assumed null when you gave none. */
            externalId: string | null;
            /**
             * @description The verification's status, with the values of the status endpoint; fixed by the event.
             * @enum {string}
             */
            status: "pending" | "verified" | "failed" | "not_found" | "error";
            /** @description Human-readable reason; null when there is none. */
            reason: string | null;
            /** @description Stable code to branch on (the status endpoint's codes); null when there is none. Open. */
            reasonCode: string | null;
            /** @description The kind of ID checked, e.g. `bvn`. Open; the page names no list. */
            idType: string;
            /** @description The ID's country, e.g. `NG`. */
            country: string;
            /** @description The ID number checked. Personal data. */
            idNumber: string;
            /**
             * @description Biodata (e.g. `firstName`). Personal data. Its fields are not listed by Myaza. Assumed
             *     null when there is none yet (e.g. on `verification.started`).
             */
            userData: {
                [key: string]: unknown;
            } | null;
        };
        /**
         * @description `data` of an `api_key.*` or `credits.*` event. Myaza's webhooks page names these events but
         *     documents no fields for their `data`, so this contract only requires an object.
         */
        UndocumentedEventData: {
            [key: string]: unknown;
        };
        /**
         * verification.started
         * @description A verification started; `data.status` is `pending`.
         */
        VerificationStartedEvent: components["schemas"]["WebhookEnvelope"] & {
            /** @constant */
            event: "verification.started";
            data: components["schemas"]["VerificationEventData"] & {
                /** @constant */
                status: "pending";
            };
        };
        /**
         * verification.completed
         * @description The identity was confirmed; `data.status` is `verified`.
         */
        VerificationCompletedEvent: components["schemas"]["WebhookEnvelope"] & {
            /** @constant */
            event: "verification.completed";
            data: components["schemas"]["VerificationEventData"] & {
                /** @constant */
                status: "verified";
            };
        };
        /**
         * verification.failed
         * @description The verification completed but validations did not pass; `data.status` is `failed`, with `reason` and `reasonCode`.
         */
        VerificationFailedEvent: components["schemas"]["WebhookEnvelope"] & {
            /** @constant */
            event: "verification.failed";
            data: components["schemas"]["VerificationEventData"] & {
                /** @constant */
                status: "failed";
                reason: string;
                reasonCode: string;
            };
        };
        /**
         * verification.not_found
         * @description The ID number was not found in the government database; `data.status` is `not_found`, with `reason` and `reasonCode` (`identity_not_found`).
         */
        VerificationNotFoundEvent: components["schemas"]["WebhookEnvelope"] & {
            /** @constant */
            event: "verification.not_found";
            data: components["schemas"]["VerificationEventData"] & {
                /** @constant */
                status: "not_found";
                reason: string;
                reasonCode: string;
            };
        };
        /**
         * verification.error
         * @description A system problem occurred; `data.status` is `error`, with `reason` and `reasonCode`.
         */
        VerificationErrorEvent: components["schemas"]["WebhookEnvelope"] & {
            /** @constant */
            event: "verification.error";
            data: components["schemas"]["VerificationEventData"] & {
                /** @constant */
                status: "error";
                reason: string;
                reasonCode: string;
            };
        };
        /**
         * api_key.created
         * @description An API key was created. Myaza documents no fields for its `data`.
         */
        ApiKeyCreatedEvent: components["schemas"]["WebhookEnvelope"] & {
            /** @constant */
            event: "api_key.created";
            data: components["schemas"]["UndocumentedEventData"];
        };
        /**
         * api_key.revoked
         * @description An API key was revoked. Myaza documents no fields for its `data`.
         */
        ApiKeyRevokedEvent: components["schemas"]["WebhookEnvelope"] & {
            /** @constant */
            event: "api_key.revoked";
            data: components["schemas"]["UndocumentedEventData"];
        };
        /**
         * credits.deducted
         * @description Credits were deducted (e.g. for a verification). Myaza documents no fields for its `data`.
         */
        CreditsDeductedEvent: components["schemas"]["WebhookEnvelope"] & {
            /** @constant */
            event: "credits.deducted";
            data: components["schemas"]["UndocumentedEventData"];
        };
        /**
         * credits.low
         * @description The organisation's credit balance is low. Myaza documents no fields for its `data`.
         */
        CreditsLowEvent: components["schemas"]["WebhookEnvelope"] & {
            /** @constant */
            event: "credits.low";
            data: components["schemas"]["UndocumentedEventData"];
        };
        /**
         * credits.topped_up
         * @description Credits were topped up. Myaza documents no fields for its `data`.
         */
        CreditsToppedUpEvent: components["schemas"]["WebhookEnvelope"] & {
            /** @constant */
            event: "credits.topped_up";
            data: components["schemas"]["UndocumentedEventData"];
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
    parameters: {
        /**
         * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
         *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
         *     comparison. The hex case is not documented; upper and lower case are both accepted here.
         * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
         */
        "X-Myaza-Signature": string;
        /**
         * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
         *     format is not documented.
         * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
         */
        "X-Myaza-Delivery": string;
        /**
         * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
         *     fixed here.
         * @example Myaza-Webhooks/1.0
         */
        "User-Agent": string;
    };
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
    verificationStartedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
                 *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
                 *     comparison. The hex case is not documented; upper and lower case are both accepted here.
                 * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
                 */
                "X-Myaza-Signature": components["parameters"]["X-Myaza-Signature"];
                /**
                 * @description The event name, as in the body's `event`.
                 * @example verification.started
                 */
                "X-Myaza-Event": "verification.started";
                /**
                 * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
                 *     format is not documented.
                 * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
                 */
                "X-Myaza-Delivery": components["parameters"]["X-Myaza-Delivery"];
                /**
                 * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
                 *     fixed here.
                 * @example Myaza-Webhooks/1.0
                 */
                "User-Agent": components["parameters"]["User-Agent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerificationStartedEvent"];
            };
        };
        responses: {
            /**
             * @description The receiver accepted the delivery. Myaza does not document which response it expects
             *     or what it does after another answer (retries are not documented); this contract takes
             *     any 2xx as accepted.
             */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verificationCompletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
                 *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
                 *     comparison. The hex case is not documented; upper and lower case are both accepted here.
                 * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
                 */
                "X-Myaza-Signature": components["parameters"]["X-Myaza-Signature"];
                /**
                 * @description The event name, as in the body's `event`.
                 * @example verification.completed
                 */
                "X-Myaza-Event": "verification.completed";
                /**
                 * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
                 *     format is not documented.
                 * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
                 */
                "X-Myaza-Delivery": components["parameters"]["X-Myaza-Delivery"];
                /**
                 * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
                 *     fixed here.
                 * @example Myaza-Webhooks/1.0
                 */
                "User-Agent": components["parameters"]["User-Agent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerificationCompletedEvent"];
            };
        };
        responses: {
            /**
             * @description The receiver accepted the delivery. Myaza does not document which response it expects
             *     or what it does after another answer (retries are not documented); this contract takes
             *     any 2xx as accepted.
             */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verificationFailedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
                 *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
                 *     comparison. The hex case is not documented; upper and lower case are both accepted here.
                 * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
                 */
                "X-Myaza-Signature": components["parameters"]["X-Myaza-Signature"];
                /**
                 * @description The event name, as in the body's `event`.
                 * @example verification.failed
                 */
                "X-Myaza-Event": "verification.failed";
                /**
                 * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
                 *     format is not documented.
                 * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
                 */
                "X-Myaza-Delivery": components["parameters"]["X-Myaza-Delivery"];
                /**
                 * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
                 *     fixed here.
                 * @example Myaza-Webhooks/1.0
                 */
                "User-Agent": components["parameters"]["User-Agent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerificationFailedEvent"];
            };
        };
        responses: {
            /**
             * @description The receiver accepted the delivery. Myaza does not document which response it expects
             *     or what it does after another answer (retries are not documented); this contract takes
             *     any 2xx as accepted.
             */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verificationNotFoundWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
                 *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
                 *     comparison. The hex case is not documented; upper and lower case are both accepted here.
                 * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
                 */
                "X-Myaza-Signature": components["parameters"]["X-Myaza-Signature"];
                /**
                 * @description The event name, as in the body's `event`.
                 * @example verification.not_found
                 */
                "X-Myaza-Event": "verification.not_found";
                /**
                 * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
                 *     format is not documented.
                 * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
                 */
                "X-Myaza-Delivery": components["parameters"]["X-Myaza-Delivery"];
                /**
                 * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
                 *     fixed here.
                 * @example Myaza-Webhooks/1.0
                 */
                "User-Agent": components["parameters"]["User-Agent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerificationNotFoundEvent"];
            };
        };
        responses: {
            /**
             * @description The receiver accepted the delivery. Myaza does not document which response it expects
             *     or what it does after another answer (retries are not documented); this contract takes
             *     any 2xx as accepted.
             */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verificationErrorWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
                 *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
                 *     comparison. The hex case is not documented; upper and lower case are both accepted here.
                 * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
                 */
                "X-Myaza-Signature": components["parameters"]["X-Myaza-Signature"];
                /**
                 * @description The event name, as in the body's `event`.
                 * @example verification.error
                 */
                "X-Myaza-Event": "verification.error";
                /**
                 * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
                 *     format is not documented.
                 * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
                 */
                "X-Myaza-Delivery": components["parameters"]["X-Myaza-Delivery"];
                /**
                 * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
                 *     fixed here.
                 * @example Myaza-Webhooks/1.0
                 */
                "User-Agent": components["parameters"]["User-Agent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerificationErrorEvent"];
            };
        };
        responses: {
            /**
             * @description The receiver accepted the delivery. Myaza does not document which response it expects
             *     or what it does after another answer (retries are not documented); this contract takes
             *     any 2xx as accepted.
             */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    apiKeyCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
                 *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
                 *     comparison. The hex case is not documented; upper and lower case are both accepted here.
                 * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
                 */
                "X-Myaza-Signature": components["parameters"]["X-Myaza-Signature"];
                /**
                 * @description The event name, as in the body's `event`.
                 * @example api_key.created
                 */
                "X-Myaza-Event": "api_key.created";
                /**
                 * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
                 *     format is not documented.
                 * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
                 */
                "X-Myaza-Delivery": components["parameters"]["X-Myaza-Delivery"];
                /**
                 * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
                 *     fixed here.
                 * @example Myaza-Webhooks/1.0
                 */
                "User-Agent": components["parameters"]["User-Agent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreatedEvent"];
            };
        };
        responses: {
            /**
             * @description The receiver accepted the delivery. Myaza does not document which response it expects
             *     or what it does after another answer (retries are not documented); this contract takes
             *     any 2xx as accepted.
             */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    apiKeyRevokedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
                 *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
                 *     comparison. The hex case is not documented; upper and lower case are both accepted here.
                 * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
                 */
                "X-Myaza-Signature": components["parameters"]["X-Myaza-Signature"];
                /**
                 * @description The event name, as in the body's `event`.
                 * @example api_key.revoked
                 */
                "X-Myaza-Event": "api_key.revoked";
                /**
                 * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
                 *     format is not documented.
                 * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
                 */
                "X-Myaza-Delivery": components["parameters"]["X-Myaza-Delivery"];
                /**
                 * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
                 *     fixed here.
                 * @example Myaza-Webhooks/1.0
                 */
                "User-Agent": components["parameters"]["User-Agent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyRevokedEvent"];
            };
        };
        responses: {
            /**
             * @description The receiver accepted the delivery. Myaza does not document which response it expects
             *     or what it does after another answer (retries are not documented); this contract takes
             *     any 2xx as accepted.
             */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    creditsDeductedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
                 *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
                 *     comparison. The hex case is not documented; upper and lower case are both accepted here.
                 * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
                 */
                "X-Myaza-Signature": components["parameters"]["X-Myaza-Signature"];
                /**
                 * @description The event name, as in the body's `event`.
                 * @example credits.deducted
                 */
                "X-Myaza-Event": "credits.deducted";
                /**
                 * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
                 *     format is not documented.
                 * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
                 */
                "X-Myaza-Delivery": components["parameters"]["X-Myaza-Delivery"];
                /**
                 * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
                 *     fixed here.
                 * @example Myaza-Webhooks/1.0
                 */
                "User-Agent": components["parameters"]["User-Agent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditsDeductedEvent"];
            };
        };
        responses: {
            /**
             * @description The receiver accepted the delivery. Myaza does not document which response it expects
             *     or what it does after another answer (retries are not documented); this contract takes
             *     any 2xx as accepted.
             */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    creditsLowWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
                 *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
                 *     comparison. The hex case is not documented; upper and lower case are both accepted here.
                 * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
                 */
                "X-Myaza-Signature": components["parameters"]["X-Myaza-Signature"];
                /**
                 * @description The event name, as in the body's `event`.
                 * @example credits.low
                 */
                "X-Myaza-Event": "credits.low";
                /**
                 * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
                 *     format is not documented.
                 * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
                 */
                "X-Myaza-Delivery": components["parameters"]["X-Myaza-Delivery"];
                /**
                 * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
                 *     fixed here.
                 * @example Myaza-Webhooks/1.0
                 */
                "User-Agent": components["parameters"]["User-Agent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditsLowEvent"];
            };
        };
        responses: {
            /**
             * @description The receiver accepted the delivery. Myaza does not document which response it expects
             *     or what it does after another answer (retries are not documented); this contract takes
             *     any 2xx as accepted.
             */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    creditsToppedUpWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing
                 *     secret. Verify it over the exact bytes received, before parsing, with a constant-time
                 *     comparison. The hex case is not documented; upper and lower case are both accepted here.
                 * @example sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a
                 */
                "X-Myaza-Signature": components["parameters"]["X-Myaza-Signature"];
                /**
                 * @description The event name, as in the body's `event`.
                 * @example credits.topped_up
                 */
                "X-Myaza-Event": "credits.topped_up";
                /**
                 * @description The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its
                 *     format is not documented.
                 * @example dlv_01j9x2m4k7p8q3r5s6t9v0w1z4
                 */
                "X-Myaza-Delivery": components["parameters"]["X-Myaza-Delivery"];
                /**
                 * @description `Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is
                 *     fixed here.
                 * @example Myaza-Webhooks/1.0
                 */
                "User-Agent": components["parameters"]["User-Agent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditsToppedUpEvent"];
            };
        };
        responses: {
            /**
             * @description The receiver accepted the delivery. Myaza does not document which response it expects
             *     or what it does after another answer (retries are not documented); this contract takes
             *     any 2xx as accepted.
             */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}

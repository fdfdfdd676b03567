// generated — do not edit. Source: openapi/btc-direct/openapi.yaml. Regenerate with `npm run generate`.
export interface paths {
    "/api/v2/user/verification-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the user's outstanding verification requirements
         * @description Retrieve the verification status of an existing user. If the result is an empty array, the
         *     user is fully verified; otherwise each item is a requirement that is still `missing`
         *     (the user must act), `open` (seen in the SDK) or `pending` (under review).
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
        /**
         * @description The user's outstanding verification requirements. **An empty array means the user is fully
         *     verified.**
         */
        VerificationStatusResponse: components["schemas"]["VerificationRequirement"][];
        /** @description One outstanding verification requirement. */
        VerificationRequirement: {
            /**
             * @description Name of the requirement. Known values: `isBusiness`, `emailCode`, `nationality`,
             *     `AMLD5Questions` (the SDK reads `amld5QuestionAnswers`), `idDocument`,
             *     `verificationFlag`, `kyc` (SDK). Open: other names may appear.
             * @example idDocument
             */
            name: string;
            /**
             * @description State of the requirement. Known values: `missing` (the user must provide it), `open`
             *     (seen in the SDK only, with no documented meaning; this package's decision is to treat it
             *     like `missing`), `pending` (submitted, under review). Open: other values may appear.
             * @example missing
             */
            status: string;
            /**
             * @description Kind of input the requirement asks for. Known values: `boolean`, `string`, `choice`,
             *     `question`, `document`; nested document parts use `file`. Open: other values may appear.
             * @example document
             */
            type?: string;
            /**
             * @description Additional data for the requirement: choices as a `label → value` object
             *     (`nationality`), question lists and document parts as arrays (`AMLD5Questions`,
             *     `idDocument`), or `{ accessToken }` on the SDK's `kyc` item. The reference page types it as
             *     an object, but its own example sends arrays, so both are accepted.
             */
            data?: Record<string, never> | unknown[];
        };
        /**
         * @description BTC Direct's error body: a map keyed by error code, each entry repeating the code with a
         *     message and a solution.
         */
        ErrorResponse: {
            errors: {
                [key: string]: components["schemas"]["ErrorDetail"];
            };
        };
        /** @description One error of the catalogue (see the responses' named examples for every code). */
        ErrorDetail: {
            /** @description The error code, the same as its key in `errors`. */
            code: string;
            /** @description What went wrong. */
            message: string;
            /** @description What to do about it. */
            solution: string;
        };
    };
    responses: {
        /** @description Malformed or conflicting input, or an expired token. Only ER801 → 400 is documented by BTC Direct; the other codes here are this spec's assumption. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Missing or invalid partner or user credentials (status assumed; BTC Direct documents none for these codes). ER806 comes first: it is what a request without any credentials is served by the mock. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The User-Identifier belongs to a different user than the User-Authorization token (status assumed). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No user behind the identifier (status assumed). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description General error (status assumed). */
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
    getVerificationStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User verification status returned successfully. */
            200: {
                headers: {
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
            500: components["responses"]["InternalError"];
        };
    };
}

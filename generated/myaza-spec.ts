// generated — do not edit. Source: openapi/myaza/openapi.yaml. Regenerate with `npm run generate`.
// The bundled OpenAPI document (every $ref internal), as data: no YAML parser or file access at run time.
const spec = {
  "openapi": "3.1.0",
  "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
  "info": {
    "title": "Myaza Identity verification status API",
    "version": "1.0.0",
    "summary": "Minimal lifecycle state of a Myaza identity verification, and the webhooks that report it.",
    "description": "Contract for Myaza Identity's `GET /api/kyc/status/{verificationId}`, written from Myaza's\n*Get verification status* reference page, its failure-reason-code list and its SDK types.\nThe endpoint is publishable-safe: it accepts a `pk_` or an `sk_` key and returns no PII, no\nmatch scores and no result data. Webhooks (`X-Myaza-Signature: sha256=<hex HMAC of the raw\nbody>`) are the recommended way to learn about completion; if you poll, back off (2–3 s,\nwidening) and stop once `status` is no longer `pending`.\n\n## Decisions where the sources disagree or are silent\n- **Hosts.** The docs use `https://identity.myaza.app`; the newest SDKs use\n  `https://trust.myaza.app`. Both are listed. A staging host exists, but its name is not\n  public, so it is not listed.\n- **Which fields when.** Every response has `verificationId`, `status` and `createdAt`.\n  `completedAt` is required once a verification finished with `verified`, `failed` or\n  `not_found` (the docs show it on each); on `error` it is optional, since the docs do not\n  say an errored verification completed. `reason` and `reasonCode` are required on\n  `failed`, `not_found` and `error`.\n- **Reason codes are open.** Known codes: `failed` → `document_unreadable`,\n  `document_blurry`, `document_type_mismatch`, `id_number_not_found`,\n  `document_data_mismatch`, `document_expired`, `selfie_mismatch`; `not_found` →\n  `identity_not_found`. Myaza says new codes may appear, so `reasonCode` is an open string.\n  The `reason` texts of the examples other than the docs' two are illustrative, as are the\n  `error` example's reason and code (Myaza documents none for `error`).\n- **`assuranceLevel`** (`chip`, `gov_db`, `document`) comes from the SDK types only; it is\n  optional and open.\n- **Errors.** `{ \"error\": <text>, \"message\"?: <text> }`. Verbatim from the docs: 404\n  \"Verification not found\", 401 \"Invalid API key\", 429 \"Too many requests, please try again\n  later.\"; the other texts are illustrative. The 429 body is taken to be JSON like the others.\n- **Rate limit.** 100 requests per 15 minutes per client. `RateLimit-Limit`,\n  `RateLimit-Remaining` and `RateLimit-Reset` are required on 200 and 429. The limit is\n  counted per client key, so a request rejected before it is identified (400, 401) may not\n  carry them; they are not declared on the other statuses. Myaza gives only the header names\n  and the limit; their meaning here is an **assumption**, from the IETF RateLimit header\n  fields draft the names come from: all three are whole numbers, and `RateLimit-Reset` is\n  the number of seconds until the window resets (not a timestamp). \"Per client\" is read as\n  per API key.\n- **400 for a malformed id.** Myaza documents 400 only as \"invalid request\"; that an id\n  without the `ver_` prefix gets 400 (rather than the 404 of an unknown id) is an\n  **assumption**, and the example's message is illustrative.\n\n## Webhook deliveries\nWritten from Myaza's webhooks page. Myaza `POST`s a JSON event to each endpoint your\norganisation registers (endpoints are per environment, staging or production) with\n`Content-Type: application/json`, `User-Agent: Myaza-Webhooks/1.0`,\n`X-Myaza-Signature: sha256=<hex>` (HMAC-SHA256 of the raw body with the endpoint's secret),\n`X-Myaza-Event: <event>` and `X-Myaza-Delivery: <id>` (unique per delivery, for\nde-duplication). Every event has the envelope `{ id: \"evt_…\", event, createdAt, data }`.\nVerify the signature over the exact bytes received, with a constant-time comparison,\n**before** parsing the body; `verifyMyazaWebhook` from `kyc-status-contracts/webhooks` does.\n\n**Not stated by Myaza, so not contracted here:** the retry schedule (or whether it retries\nat all), the response it expects from your endpoint (this contract takes any 2xx as accepted),\nthe signing secret's format (it is used as the UTF-8 bytes of the string you were given),\nand any timestamp tolerance or signed timestamp (the signature covers the body only; use\n`X-Myaza-Delivery` to reject replays). The case of the signature's hex digits is not stated\neither; both are accepted.\n\nDecisions where the webhooks page is silent:\n- **Event ↔ status.** Each `verification.*` event fixes `data.status`:\n  `verification.started` → `pending`, `verification.completed` → `verified` (\"identity\n  confirmed\"), `verification.failed` → `failed`, `verification.not_found` → `not_found`,\n  `verification.error` → `error`. As on the status endpoint, `reason` and `reasonCode` are\n  strings on `failed`, `not_found` and `error`; otherwise they are `null` (\"null when none\")\n  or a string.\n- **Verification `data`.** Every field the page's example shows is required:\n  `verificationId`, `requestId`, `externalId`, `status`, `reason`, `reasonCode`, `idType`\n  (e.g. `bvn`), `country` (e.g. `NG`), `idNumber`, `userData`. `requestId` and `externalId`\n  (your references) and `userData` (biodata, e.g. `firstName`) may be `null`: the page does\n  not say they are always given. Other fields may appear. **`idNumber` and `userData` are\n  personal data**: mask them in logs, recordings and reports.\n- **`api_key.*` and `credits.*`.** The page names these events but documents no `data`\n  fields, so their `data` is an open object, and their examples carry an empty one.\n- **`User-Agent`.** Only the `Myaza-Webhooks/` product name is required; the version may\n  change. The format of delivery ids (`X-Myaza-Delivery`) and of the part of event ids\n  after `evt_` is not documented.\n- Example event and delivery ids, references, ID numbers and biodata are illustrative.\n"
  },
  "servers": [
    {
      "url": "https://identity.myaza.app",
      "description": "Production (host used by the API reference)",
      "x-internal": false
    },
    {
      "url": "https://trust.myaza.app",
      "description": "Production (host used by the newest SDKs)",
      "x-internal": false
    }
  ],
  "security": [
    {
      "apiKey": []
    }
  ],
  "tags": [
    {
      "name": "Verifications",
      "description": "Identity verifications created by your organization."
    },
    {
      "name": "Webhooks",
      "description": "Events Myaza POSTs to the endpoints your organisation registered."
    }
  ],
  "paths": {
    "/api/kyc/status/{verificationId}": {
      "get": {
        "operationId": "getVerificationStatus",
        "summary": "Get verification status",
        "description": "Returns the minimal lifecycle state of a verification: `pending`, `verified`, `failed`,\n`not_found` or `error`. `failed` means the verification completed but validations did not\npass; `not_found` means the ID number was not found in the government database; `error`\nmeans a system problem occurred. All three carry a human-readable `reason` and a stable\n`reasonCode` to branch on. To read the full result and biodata, use *Get verification\nresult* with a secret (`sk_`) key from your backend.\n",
        "tags": [
          "Verifications"
        ],
        "security": [
          {
            "apiKey": []
          }
        ],
        "parameters": [
          {
            "name": "verificationId",
            "in": "path",
            "required": true,
            "description": "The verification's id (`ver_` followed by a ULID-like suffix).",
            "schema": {
              "$ref": "#/components/schemas/VerificationId"
            },
            "examples": {
              "docs_id": {
                "value": "ver_01j9..."
              }
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The verification's current state.",
            "headers": {
              "RateLimit-Limit": {
                "$ref": "#/components/headers/RateLimit-Limit"
              },
              "RateLimit-Remaining": {
                "$ref": "#/components/headers/RateLimit-Remaining"
              },
              "RateLimit-Reset": {
                "$ref": "#/components/headers/RateLimit-Reset"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/VerificationStatusResponse"
                },
                "examples": {
                  "pending": {
                    "summary": "Still running; poll with backoff or wait for the webhook",
                    "value": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "status": "pending",
                      "createdAt": "2026-04-27T12:00:00.000Z"
                    }
                  },
                  "verified": {
                    "summary": "Passed (the docs' example)",
                    "value": {
                      "verificationId": "ver_01j9...",
                      "status": "verified",
                      "createdAt": "2026-04-27T12:00:00.000Z",
                      "completedAt": "2026-04-27T12:00:05.000Z"
                    }
                  },
                  "failed_selfie_mismatch": {
                    "summary": "failed / selfie_mismatch (the docs' example)",
                    "value": {
                      "verificationId": "ver_01j9...",
                      "status": "failed",
                      "reason": "The user's selfie does not match the photo on file with the government database (match confidence 48%, minimum 70% required).",
                      "reasonCode": "selfie_mismatch",
                      "createdAt": "2026-04-27T12:00:00.000Z",
                      "completedAt": "2026-04-27T12:00:05.000Z"
                    }
                  },
                  "failed_document_unreadable": {
                    "summary": "failed / document_unreadable",
                    "value": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "status": "failed",
                      "reason": "The document image could not be read.",
                      "reasonCode": "document_unreadable",
                      "createdAt": "2026-04-27T12:00:00.000Z",
                      "completedAt": "2026-04-27T12:00:05.000Z"
                    }
                  },
                  "failed_document_blurry": {
                    "summary": "failed / document_blurry",
                    "value": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "status": "failed",
                      "reason": "The document image is too blurry.",
                      "reasonCode": "document_blurry",
                      "createdAt": "2026-04-27T12:00:00.000Z",
                      "completedAt": "2026-04-27T12:00:05.000Z"
                    }
                  },
                  "failed_document_type_mismatch": {
                    "summary": "failed / document_type_mismatch",
                    "value": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "status": "failed",
                      "reason": "The uploaded document is not of the requested type.",
                      "reasonCode": "document_type_mismatch",
                      "createdAt": "2026-04-27T12:00:00.000Z",
                      "completedAt": "2026-04-27T12:00:05.000Z"
                    }
                  },
                  "failed_id_number_not_found": {
                    "summary": "failed / id_number_not_found",
                    "value": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "status": "failed",
                      "reason": "The ID number could not be found.",
                      "reasonCode": "id_number_not_found",
                      "createdAt": "2026-04-27T12:00:00.000Z",
                      "completedAt": "2026-04-27T12:00:05.000Z"
                    }
                  },
                  "failed_document_data_mismatch": {
                    "summary": "failed / document_data_mismatch",
                    "value": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "status": "failed",
                      "reason": "The data on the document does not match the government record.",
                      "reasonCode": "document_data_mismatch",
                      "createdAt": "2026-04-27T12:00:00.000Z",
                      "completedAt": "2026-04-27T12:00:05.000Z"
                    }
                  },
                  "failed_document_expired": {
                    "summary": "failed / document_expired",
                    "value": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "status": "failed",
                      "reason": "The document has expired.",
                      "reasonCode": "document_expired",
                      "createdAt": "2026-04-27T12:00:00.000Z",
                      "completedAt": "2026-04-27T12:00:05.000Z"
                    }
                  },
                  "not_found_identity_not_found": {
                    "summary": "not_found / identity_not_found (the docs' example)",
                    "value": {
                      "verificationId": "ver_01j9...",
                      "status": "not_found",
                      "reason": "The BVN number was not found in the government database.",
                      "reasonCode": "identity_not_found",
                      "createdAt": "2026-04-27T12:00:00.000Z",
                      "completedAt": "2026-04-27T12:00:05.000Z"
                    }
                  },
                  "error": {
                    "summary": "error (reason and code illustrative; Myaza documents none)",
                    "value": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "status": "error",
                      "reason": "The government database could not be reached.",
                      "reasonCode": "provider_unavailable",
                      "createdAt": "2026-04-27T12:00:00.000Z"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    }
  },
  "webhooks": {
    "verification.started": {
      "post": {
        "operationId": "verificationStartedWebhook",
        "summary": "verification.started",
        "description": "A verification started (`data.status` `pending`).\nMyaza POSTs this JSON event to every endpoint your organisation registered for the\nenvironment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body\nbefore parsing, and de-duplicate on `X-Myaza-Delivery`.\n",
        "tags": [
          "Webhooks"
        ],
        "security": [
          {
            "webhookSignature": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Myaza-Signature"
          },
          {
            "name": "X-Myaza-Event",
            "in": "header",
            "required": true,
            "description": "The event name, as in the body's `event`.",
            "schema": {
              "type": "string",
              "const": "verification.started"
            },
            "example": "verification.started"
          },
          {
            "$ref": "#/components/parameters/X-Myaza-Delivery"
          },
          {
            "$ref": "#/components/parameters/User-Agent"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/VerificationStartedEvent"
              },
              "examples": {
                "started": {
                  "summary": "Started; no reason, no biodata yet",
                  "value": {
                    "id": "evt_01j9x2m4k7p8q3r5s6t9v0w00a",
                    "event": "verification.started",
                    "createdAt": "2026-04-27T12:00:05.000Z",
                    "data": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "requestId": "order-2026-0427-001",
                      "externalId": "user-123",
                      "status": "pending",
                      "reason": null,
                      "reasonCode": null,
                      "idType": "bvn",
                      "country": "NG",
                      "idNumber": "22212345678",
                      "userData": null
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "The receiver accepted the delivery. Myaza does not document which response it expects\nor what it does after another answer (retries are not documented); this contract takes\nany 2xx as accepted.\n"
          }
        }
      }
    },
    "verification.completed": {
      "post": {
        "operationId": "verificationCompletedWebhook",
        "summary": "verification.completed",
        "description": "The identity was confirmed (`data.status` `verified`).\nMyaza POSTs this JSON event to every endpoint your organisation registered for the\nenvironment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body\nbefore parsing, and de-duplicate on `X-Myaza-Delivery`.\n",
        "tags": [
          "Webhooks"
        ],
        "security": [
          {
            "webhookSignature": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Myaza-Signature"
          },
          {
            "name": "X-Myaza-Event",
            "in": "header",
            "required": true,
            "description": "The event name, as in the body's `event`.",
            "schema": {
              "type": "string",
              "const": "verification.completed"
            },
            "example": "verification.completed"
          },
          {
            "$ref": "#/components/parameters/X-Myaza-Delivery"
          },
          {
            "$ref": "#/components/parameters/User-Agent"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/VerificationCompletedEvent"
              },
              "examples": {
                "completed": {
                  "summary": "Identity confirmed, with biodata",
                  "value": {
                    "id": "evt_01j9x2m4k7p8q3r5s6t9v0w01a",
                    "event": "verification.completed",
                    "createdAt": "2026-04-27T12:00:05.000Z",
                    "data": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "requestId": "order-2026-0427-001",
                      "externalId": "user-123",
                      "status": "verified",
                      "reason": null,
                      "reasonCode": null,
                      "idType": "bvn",
                      "country": "NG",
                      "idNumber": "22212345678",
                      "userData": {
                        "firstName": "Amaka"
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "The receiver accepted the delivery. Myaza does not document which response it expects\nor what it does after another answer (retries are not documented); this contract takes\nany 2xx as accepted.\n"
          }
        }
      }
    },
    "verification.failed": {
      "post": {
        "operationId": "verificationFailedWebhook",
        "summary": "verification.failed",
        "description": "The verification completed but validations did not pass (`data.status` `failed`).\nMyaza POSTs this JSON event to every endpoint your organisation registered for the\nenvironment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body\nbefore parsing, and de-duplicate on `X-Myaza-Delivery`.\n",
        "tags": [
          "Webhooks"
        ],
        "security": [
          {
            "webhookSignature": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Myaza-Signature"
          },
          {
            "name": "X-Myaza-Event",
            "in": "header",
            "required": true,
            "description": "The event name, as in the body's `event`.",
            "schema": {
              "type": "string",
              "const": "verification.failed"
            },
            "example": "verification.failed"
          },
          {
            "$ref": "#/components/parameters/X-Myaza-Delivery"
          },
          {
            "$ref": "#/components/parameters/User-Agent"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/VerificationFailedEvent"
              },
              "examples": {
                "failed_selfie_mismatch": {
                  "summary": "failed / selfie_mismatch (the status page's reason text)",
                  "value": {
                    "id": "evt_01j9x2m4k7p8q3r5s6t9v0w02a",
                    "event": "verification.failed",
                    "createdAt": "2026-04-27T12:00:05.000Z",
                    "data": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "requestId": "order-2026-0427-001",
                      "externalId": "user-123",
                      "status": "failed",
                      "reason": "The user's selfie does not match the photo on file with the government database (match confidence 48%, minimum 70% required).",
                      "reasonCode": "selfie_mismatch",
                      "idType": "bvn",
                      "country": "NG",
                      "idNumber": "22212345678",
                      "userData": {
                        "firstName": "Amaka"
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "The receiver accepted the delivery. Myaza does not document which response it expects\nor what it does after another answer (retries are not documented); this contract takes\nany 2xx as accepted.\n"
          }
        }
      }
    },
    "verification.not_found": {
      "post": {
        "operationId": "verificationNotFoundWebhook",
        "summary": "verification.not_found",
        "description": "The ID number was not found in the government database (`data.status` `not_found`).\nMyaza POSTs this JSON event to every endpoint your organisation registered for the\nenvironment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body\nbefore parsing, and de-duplicate on `X-Myaza-Delivery`.\n",
        "tags": [
          "Webhooks"
        ],
        "security": [
          {
            "webhookSignature": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Myaza-Signature"
          },
          {
            "name": "X-Myaza-Event",
            "in": "header",
            "required": true,
            "description": "The event name, as in the body's `event`.",
            "schema": {
              "type": "string",
              "const": "verification.not_found"
            },
            "example": "verification.not_found"
          },
          {
            "$ref": "#/components/parameters/X-Myaza-Delivery"
          },
          {
            "$ref": "#/components/parameters/User-Agent"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/VerificationNotFoundEvent"
              },
              "examples": {
                "not_found_identity_not_found": {
                  "summary": "not_found / identity_not_found (the status page's reason text)",
                  "value": {
                    "id": "evt_01j9x2m4k7p8q3r5s6t9v0w03a",
                    "event": "verification.not_found",
                    "createdAt": "2026-04-27T12:00:05.000Z",
                    "data": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "requestId": "order-2026-0427-001",
                      "externalId": "user-123",
                      "status": "not_found",
                      "reason": "The BVN number was not found in the government database.",
                      "reasonCode": "identity_not_found",
                      "idType": "bvn",
                      "country": "NG",
                      "idNumber": "22212345678",
                      "userData": null
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "The receiver accepted the delivery. Myaza does not document which response it expects\nor what it does after another answer (retries are not documented); this contract takes\nany 2xx as accepted.\n"
          }
        }
      }
    },
    "verification.error": {
      "post": {
        "operationId": "verificationErrorWebhook",
        "summary": "verification.error",
        "description": "A system problem occurred (`data.status` `error`).\nMyaza POSTs this JSON event to every endpoint your organisation registered for the\nenvironment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body\nbefore parsing, and de-duplicate on `X-Myaza-Delivery`.\n",
        "tags": [
          "Webhooks"
        ],
        "security": [
          {
            "webhookSignature": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Myaza-Signature"
          },
          {
            "name": "X-Myaza-Event",
            "in": "header",
            "required": true,
            "description": "The event name, as in the body's `event`.",
            "schema": {
              "type": "string",
              "const": "verification.error"
            },
            "example": "verification.error"
          },
          {
            "$ref": "#/components/parameters/X-Myaza-Delivery"
          },
          {
            "$ref": "#/components/parameters/User-Agent"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/VerificationErrorEvent"
              },
              "examples": {
                "error": {
                  "summary": "error (reason and code illustrative; Myaza documents none)",
                  "value": {
                    "id": "evt_01j9x2m4k7p8q3r5s6t9v0w04a",
                    "event": "verification.error",
                    "createdAt": "2026-04-27T12:00:05.000Z",
                    "data": {
                      "verificationId": "ver_01j9x2m4k7p8q3r5s6t9v0w1y2",
                      "requestId": "order-2026-0427-001",
                      "externalId": "user-123",
                      "status": "error",
                      "reason": "The government database could not be reached.",
                      "reasonCode": "provider_unavailable",
                      "idType": "bvn",
                      "country": "NG",
                      "idNumber": "22212345678",
                      "userData": null
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "The receiver accepted the delivery. Myaza does not document which response it expects\nor what it does after another answer (retries are not documented); this contract takes\nany 2xx as accepted.\n"
          }
        }
      }
    },
    "api_key.created": {
      "post": {
        "operationId": "apiKeyCreatedWebhook",
        "summary": "api_key.created",
        "description": "An API key was created.\nMyaza POSTs this JSON event to every endpoint your organisation registered for the\nenvironment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body\nbefore parsing, and de-duplicate on `X-Myaza-Delivery`.\n",
        "tags": [
          "Webhooks"
        ],
        "security": [
          {
            "webhookSignature": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Myaza-Signature"
          },
          {
            "name": "X-Myaza-Event",
            "in": "header",
            "required": true,
            "description": "The event name, as in the body's `event`.",
            "schema": {
              "type": "string",
              "const": "api_key.created"
            },
            "example": "api_key.created"
          },
          {
            "$ref": "#/components/parameters/X-Myaza-Delivery"
          },
          {
            "$ref": "#/components/parameters/User-Agent"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ApiKeyCreatedEvent"
              },
              "examples": {
                "created": {
                  "summary": "An API key was created (`data` fields undocumented)",
                  "value": {
                    "id": "evt_01j9x2m4k7p8q3r5s6t9v0w05a",
                    "event": "api_key.created",
                    "createdAt": "2026-04-27T12:00:05.000Z",
                    "data": {}
                  }
                }
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "The receiver accepted the delivery. Myaza does not document which response it expects\nor what it does after another answer (retries are not documented); this contract takes\nany 2xx as accepted.\n"
          }
        }
      }
    },
    "api_key.revoked": {
      "post": {
        "operationId": "apiKeyRevokedWebhook",
        "summary": "api_key.revoked",
        "description": "An API key was revoked.\nMyaza POSTs this JSON event to every endpoint your organisation registered for the\nenvironment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body\nbefore parsing, and de-duplicate on `X-Myaza-Delivery`.\n",
        "tags": [
          "Webhooks"
        ],
        "security": [
          {
            "webhookSignature": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Myaza-Signature"
          },
          {
            "name": "X-Myaza-Event",
            "in": "header",
            "required": true,
            "description": "The event name, as in the body's `event`.",
            "schema": {
              "type": "string",
              "const": "api_key.revoked"
            },
            "example": "api_key.revoked"
          },
          {
            "$ref": "#/components/parameters/X-Myaza-Delivery"
          },
          {
            "$ref": "#/components/parameters/User-Agent"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ApiKeyRevokedEvent"
              },
              "examples": {
                "revoked": {
                  "summary": "An API key was revoked (`data` fields undocumented)",
                  "value": {
                    "id": "evt_01j9x2m4k7p8q3r5s6t9v0w06a",
                    "event": "api_key.revoked",
                    "createdAt": "2026-04-27T12:00:05.000Z",
                    "data": {}
                  }
                }
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "The receiver accepted the delivery. Myaza does not document which response it expects\nor what it does after another answer (retries are not documented); this contract takes\nany 2xx as accepted.\n"
          }
        }
      }
    },
    "credits.deducted": {
      "post": {
        "operationId": "creditsDeductedWebhook",
        "summary": "credits.deducted",
        "description": "Credits were deducted.\nMyaza POSTs this JSON event to every endpoint your organisation registered for the\nenvironment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body\nbefore parsing, and de-duplicate on `X-Myaza-Delivery`.\n",
        "tags": [
          "Webhooks"
        ],
        "security": [
          {
            "webhookSignature": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Myaza-Signature"
          },
          {
            "name": "X-Myaza-Event",
            "in": "header",
            "required": true,
            "description": "The event name, as in the body's `event`.",
            "schema": {
              "type": "string",
              "const": "credits.deducted"
            },
            "example": "credits.deducted"
          },
          {
            "$ref": "#/components/parameters/X-Myaza-Delivery"
          },
          {
            "$ref": "#/components/parameters/User-Agent"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreditsDeductedEvent"
              },
              "examples": {
                "deducted": {
                  "summary": "Credits deducted (`data` fields undocumented)",
                  "value": {
                    "id": "evt_01j9x2m4k7p8q3r5s6t9v0w07a",
                    "event": "credits.deducted",
                    "createdAt": "2026-04-27T12:00:05.000Z",
                    "data": {}
                  }
                }
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "The receiver accepted the delivery. Myaza does not document which response it expects\nor what it does after another answer (retries are not documented); this contract takes\nany 2xx as accepted.\n"
          }
        }
      }
    },
    "credits.low": {
      "post": {
        "operationId": "creditsLowWebhook",
        "summary": "credits.low",
        "description": "The credit balance is low.\nMyaza POSTs this JSON event to every endpoint your organisation registered for the\nenvironment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body\nbefore parsing, and de-duplicate on `X-Myaza-Delivery`.\n",
        "tags": [
          "Webhooks"
        ],
        "security": [
          {
            "webhookSignature": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Myaza-Signature"
          },
          {
            "name": "X-Myaza-Event",
            "in": "header",
            "required": true,
            "description": "The event name, as in the body's `event`.",
            "schema": {
              "type": "string",
              "const": "credits.low"
            },
            "example": "credits.low"
          },
          {
            "$ref": "#/components/parameters/X-Myaza-Delivery"
          },
          {
            "$ref": "#/components/parameters/User-Agent"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreditsLowEvent"
              },
              "examples": {
                "low": {
                  "summary": "Credit balance low (`data` fields undocumented)",
                  "value": {
                    "id": "evt_01j9x2m4k7p8q3r5s6t9v0w08a",
                    "event": "credits.low",
                    "createdAt": "2026-04-27T12:00:05.000Z",
                    "data": {}
                  }
                }
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "The receiver accepted the delivery. Myaza does not document which response it expects\nor what it does after another answer (retries are not documented); this contract takes\nany 2xx as accepted.\n"
          }
        }
      }
    },
    "credits.topped_up": {
      "post": {
        "operationId": "creditsToppedUpWebhook",
        "summary": "credits.topped_up",
        "description": "Credits were topped up.\nMyaza POSTs this JSON event to every endpoint your organisation registered for the\nenvironment, signed with the endpoint's secret: verify `X-Myaza-Signature` over the raw body\nbefore parsing, and de-duplicate on `X-Myaza-Delivery`.\n",
        "tags": [
          "Webhooks"
        ],
        "security": [
          {
            "webhookSignature": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Myaza-Signature"
          },
          {
            "name": "X-Myaza-Event",
            "in": "header",
            "required": true,
            "description": "The event name, as in the body's `event`.",
            "schema": {
              "type": "string",
              "const": "credits.topped_up"
            },
            "example": "credits.topped_up"
          },
          {
            "$ref": "#/components/parameters/X-Myaza-Delivery"
          },
          {
            "$ref": "#/components/parameters/User-Agent"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreditsToppedUpEvent"
              },
              "examples": {
                "topped_up": {
                  "summary": "Credits topped up (`data` fields undocumented)",
                  "value": {
                    "id": "evt_01j9x2m4k7p8q3r5s6t9v0w09a",
                    "event": "credits.topped_up",
                    "createdAt": "2026-04-27T12:00:05.000Z",
                    "data": {}
                  }
                }
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "The receiver accepted the delivery. Myaza does not document which response it expects\nor what it does after another answer (retries are not documented); this contract takes\nany 2xx as accepted.\n"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "apiKey": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "pk_test_… | pk_live_… | sk_test_… | sk_live_… (32 alphanumerics after the prefix)",
        "description": "`Authorization: Bearer <key>`. This endpoint accepts the publishable `pk_` key that ships\nin your SDK as well as the secret `sk_` key. A verification is visible only to the\norganization that created it.\n"
      },
      "webhookSignature": {
        "type": "apiKey",
        "in": "header",
        "name": "X-Myaza-Signature",
        "description": "Not a key: `sha256=<hex>`, the HMAC-SHA256 of the raw request body keyed with the\nendpoint's signing secret, which Myaza sends on every webhook delivery. Your endpoint\nrecomputes it over the exact bytes received and compares in constant time.\n"
      }
    },
    "schemas": {
      "VerificationStatusResponse": {
        "description": "The verification's state; the fields present depend on `status`.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/PendingVerificationStatus"
          },
          {
            "$ref": "#/components/schemas/VerifiedVerificationStatus"
          },
          {
            "$ref": "#/components/schemas/FailedVerificationStatus"
          },
          {
            "$ref": "#/components/schemas/ErroredVerificationStatus"
          }
        ],
        "x-lifecycle": {
          "property": "status",
          "description": "Which `status` may follow which for one `verificationId`, as observed by successive calls.\nSeeing the same status again is always allowed.\n",
          "transitions": [
            {
              "from": "pending",
              "to": [
                "verified",
                "failed",
                "not_found",
                "error"
              ],
              "source": "Myaza status page: pending is the only running state; verified, failed, not_found and error are the outcomes."
            },
            {
              "from": "verified",
              "to": [],
              "source": "Myaza polling guidance: stop once status is no longer pending (the outcome is final)."
            },
            {
              "from": "failed",
              "to": [],
              "source": "Myaza polling guidance: stop once status is no longer pending. A new attempt is a new verification (a new verificationId)."
            },
            {
              "from": "not_found",
              "to": [],
              "source": "Myaza polling guidance: stop once status is no longer pending."
            },
            {
              "from": "error",
              "to": [],
              "source": "Myaza polling guidance: stop once status is no longer pending. Decision (sources silent on retries): error is final for this verificationId."
            }
          ]
        }
      },
      "PendingVerificationStatus": {
        "type": "object",
        "title": "pending",
        "description": "The verification is still running.",
        "required": [
          "verificationId",
          "status",
          "createdAt"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "pending"
            ]
          },
          "verificationId": {
            "$ref": "#/components/schemas/VerificationId"
          },
          "createdAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "completedAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "assuranceLevel": {
            "$ref": "#/components/schemas/AssuranceLevel"
          }
        }
      },
      "VerifiedVerificationStatus": {
        "type": "object",
        "title": "verified",
        "description": "The verification passed. Carries no identity data; read the full result with a secret key.",
        "required": [
          "verificationId",
          "status",
          "createdAt",
          "completedAt"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "verified"
            ]
          },
          "verificationId": {
            "$ref": "#/components/schemas/VerificationId"
          },
          "createdAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "completedAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "assuranceLevel": {
            "$ref": "#/components/schemas/AssuranceLevel"
          }
        }
      },
      "FailedVerificationStatus": {
        "type": "object",
        "title": "failed / not_found",
        "description": "`failed`: the verification completed but validations did not pass (known codes\n`document_unreadable`, `document_blurry`, `document_type_mismatch`, `id_number_not_found`,\n`document_data_mismatch`, `document_expired`, `selfie_mismatch`). `not_found`: the ID\nnumber was not found in the government database (`identity_not_found`).\n",
        "required": [
          "verificationId",
          "status",
          "createdAt",
          "completedAt",
          "reason",
          "reasonCode"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "failed",
              "not_found"
            ]
          },
          "verificationId": {
            "$ref": "#/components/schemas/VerificationId"
          },
          "createdAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "completedAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "assuranceLevel": {
            "$ref": "#/components/schemas/AssuranceLevel"
          },
          "reason": {
            "type": "string",
            "description": "Human-readable reason; for display and logs."
          },
          "reasonCode": {
            "type": "string",
            "description": "Stable code to branch on. Open; treat an unknown code as a generic failure of its status."
          }
        }
      },
      "ErroredVerificationStatus": {
        "type": "object",
        "title": "error",
        "description": "A system problem occurred; `completedAt` may be absent.",
        "required": [
          "verificationId",
          "status",
          "createdAt",
          "reason",
          "reasonCode"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "error"
            ]
          },
          "verificationId": {
            "$ref": "#/components/schemas/VerificationId"
          },
          "createdAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "completedAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "assuranceLevel": {
            "$ref": "#/components/schemas/AssuranceLevel"
          },
          "reason": {
            "type": "string",
            "description": "Human-readable reason; for display and logs."
          },
          "reasonCode": {
            "type": "string",
            "description": "Stable code to branch on. Open; treat an unknown code as a generic failure of its status."
          }
        }
      },
      "VerificationId": {
        "type": "string",
        "pattern": "^ver_",
        "description": "A verification id, `ver_` followed by a ULID-like suffix."
      },
      "Timestamp": {
        "type": "string",
        "format": "date-time",
        "description": "ISO 8601 timestamp."
      },
      "AssuranceLevel": {
        "type": "string",
        "description": "How the identity was established (SDK types only). Known values: `chip`, `gov_db`,\n`document`. Open: other values may appear.\n",
        "examples": [
          "gov_db"
        ]
      },
      "ErrorResponse": {
        "type": "object",
        "description": "Myaza's error body.",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "string",
            "description": "Short error text."
          },
          "message": {
            "type": "string",
            "description": "Optional detail."
          }
        }
      },
      "WebhookEnvelope": {
        "type": "object",
        "description": "The envelope every Myaza webhook event shares: `{ id, event, createdAt, data }`. What `data`\nholds depends on `event`.\n",
        "required": [
          "id",
          "event",
          "createdAt",
          "data"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/WebhookEventId"
          },
          "event": {
            "$ref": "#/components/schemas/WebhookEventName"
          },
          "createdAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "data": {
            "type": "object",
            "additionalProperties": true,
            "description": "The event's payload."
          }
        }
      },
      "WebhookEventName": {
        "type": "string",
        "description": "The event a webhook delivery reports; also sent as the `X-Myaza-Event` header. Closed: these\nare the events Myaza's webhooks page lists.\n",
        "enum": [
          "verification.started",
          "verification.completed",
          "verification.failed",
          "verification.not_found",
          "verification.error",
          "api_key.created",
          "api_key.revoked",
          "credits.deducted",
          "credits.low",
          "credits.topped_up"
        ]
      },
      "WebhookEventId": {
        "type": "string",
        "pattern": "^evt_",
        "description": "The event's id, `evt_` followed by an undocumented suffix."
      },
      "VerificationEventData": {
        "type": "object",
        "description": "`data` of the `verification.*` events, as Myaza's webhooks page shows it. `idNumber` and\n`userData` are **personal data**: mask them in any log, recording or report. Fields beyond\nthese are not documented; the schema leaves room for them.\n",
        "required": [
          "verificationId",
          "requestId",
          "externalId",
          "status",
          "reason",
          "reasonCode",
          "idType",
          "country",
          "idNumber",
          "userData"
        ],
        "properties": {
          "verificationId": {
            "$ref": "#/components/schemas/VerificationId"
          },
          "requestId": {
            "type": [
              "string",
              "null"
            ],
            "description": "Your reference for the request (the partner's). Assumed null when you gave none."
          },
          "externalId": {
            "type": [
              "string",
              "null"
            ],
            "description": "Your external id for the user. Assumed null when you gave none."
          },
          "status": {
            "type": "string",
            "enum": [
              "pending",
              "verified",
              "failed",
              "not_found",
              "error"
            ],
            "description": "The verification's status, with the values of the status endpoint; fixed by the event."
          },
          "reason": {
            "type": [
              "string",
              "null"
            ],
            "description": "Human-readable reason; null when there is none."
          },
          "reasonCode": {
            "type": [
              "string",
              "null"
            ],
            "description": "Stable code to branch on (the status endpoint's codes); null when there is none. Open."
          },
          "idType": {
            "type": "string",
            "description": "The kind of ID checked, e.g. `bvn`. Open; the page names no list."
          },
          "country": {
            "type": "string",
            "description": "The ID's country, e.g. `NG`."
          },
          "idNumber": {
            "type": "string",
            "description": "The ID number checked. Personal data."
          },
          "userData": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": true,
            "description": "Biodata (e.g. `firstName`). Personal data. Its fields are not listed by Myaza. Assumed\nnull when there is none yet (e.g. on `verification.started`).\n"
          }
        }
      },
      "UndocumentedEventData": {
        "type": "object",
        "additionalProperties": true,
        "description": "`data` of an `api_key.*` or `credits.*` event. Myaza's webhooks page names these events but\ndocuments no fields for their `data`, so this contract only requires an object.\n"
      },
      "VerificationStartedEvent": {
        "title": "verification.started",
        "description": "A verification started; `data.status` is `pending`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEnvelope"
          },
          {
            "type": "object",
            "required": [
              "event",
              "data"
            ],
            "properties": {
              "event": {
                "type": "string",
                "const": "verification.started"
              },
              "data": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/VerificationEventData"
                  },
                  {
                    "type": "object",
                    "required": [
                      "status"
                    ],
                    "properties": {
                      "status": {
                        "type": "string",
                        "const": "pending"
                      }
                    }
                  }
                ]
              }
            }
          }
        ]
      },
      "VerificationCompletedEvent": {
        "title": "verification.completed",
        "description": "The identity was confirmed; `data.status` is `verified`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEnvelope"
          },
          {
            "type": "object",
            "required": [
              "event",
              "data"
            ],
            "properties": {
              "event": {
                "type": "string",
                "const": "verification.completed"
              },
              "data": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/VerificationEventData"
                  },
                  {
                    "type": "object",
                    "required": [
                      "status"
                    ],
                    "properties": {
                      "status": {
                        "type": "string",
                        "const": "verified"
                      }
                    }
                  }
                ]
              }
            }
          }
        ]
      },
      "VerificationFailedEvent": {
        "title": "verification.failed",
        "description": "The verification completed but validations did not pass; `data.status` is `failed`, with `reason` and `reasonCode`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEnvelope"
          },
          {
            "type": "object",
            "required": [
              "event",
              "data"
            ],
            "properties": {
              "event": {
                "type": "string",
                "const": "verification.failed"
              },
              "data": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/VerificationEventData"
                  },
                  {
                    "type": "object",
                    "required": [
                      "status",
                      "reason",
                      "reasonCode"
                    ],
                    "properties": {
                      "status": {
                        "type": "string",
                        "const": "failed"
                      },
                      "reason": {
                        "type": "string"
                      },
                      "reasonCode": {
                        "type": "string"
                      }
                    }
                  }
                ]
              }
            }
          }
        ]
      },
      "VerificationNotFoundEvent": {
        "title": "verification.not_found",
        "description": "The ID number was not found in the government database; `data.status` is `not_found`, with `reason` and `reasonCode` (`identity_not_found`).",
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEnvelope"
          },
          {
            "type": "object",
            "required": [
              "event",
              "data"
            ],
            "properties": {
              "event": {
                "type": "string",
                "const": "verification.not_found"
              },
              "data": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/VerificationEventData"
                  },
                  {
                    "type": "object",
                    "required": [
                      "status",
                      "reason",
                      "reasonCode"
                    ],
                    "properties": {
                      "status": {
                        "type": "string",
                        "const": "not_found"
                      },
                      "reason": {
                        "type": "string"
                      },
                      "reasonCode": {
                        "type": "string"
                      }
                    }
                  }
                ]
              }
            }
          }
        ]
      },
      "VerificationErrorEvent": {
        "title": "verification.error",
        "description": "A system problem occurred; `data.status` is `error`, with `reason` and `reasonCode`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEnvelope"
          },
          {
            "type": "object",
            "required": [
              "event",
              "data"
            ],
            "properties": {
              "event": {
                "type": "string",
                "const": "verification.error"
              },
              "data": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/VerificationEventData"
                  },
                  {
                    "type": "object",
                    "required": [
                      "status",
                      "reason",
                      "reasonCode"
                    ],
                    "properties": {
                      "status": {
                        "type": "string",
                        "const": "error"
                      },
                      "reason": {
                        "type": "string"
                      },
                      "reasonCode": {
                        "type": "string"
                      }
                    }
                  }
                ]
              }
            }
          }
        ]
      },
      "ApiKeyCreatedEvent": {
        "title": "api_key.created",
        "description": "An API key was created. Myaza documents no fields for its `data`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEnvelope"
          },
          {
            "type": "object",
            "required": [
              "event",
              "data"
            ],
            "properties": {
              "event": {
                "type": "string",
                "const": "api_key.created"
              },
              "data": {
                "$ref": "#/components/schemas/UndocumentedEventData"
              }
            }
          }
        ]
      },
      "ApiKeyRevokedEvent": {
        "title": "api_key.revoked",
        "description": "An API key was revoked. Myaza documents no fields for its `data`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEnvelope"
          },
          {
            "type": "object",
            "required": [
              "event",
              "data"
            ],
            "properties": {
              "event": {
                "type": "string",
                "const": "api_key.revoked"
              },
              "data": {
                "$ref": "#/components/schemas/UndocumentedEventData"
              }
            }
          }
        ]
      },
      "CreditsDeductedEvent": {
        "title": "credits.deducted",
        "description": "Credits were deducted (e.g. for a verification). Myaza documents no fields for its `data`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEnvelope"
          },
          {
            "type": "object",
            "required": [
              "event",
              "data"
            ],
            "properties": {
              "event": {
                "type": "string",
                "const": "credits.deducted"
              },
              "data": {
                "$ref": "#/components/schemas/UndocumentedEventData"
              }
            }
          }
        ]
      },
      "CreditsLowEvent": {
        "title": "credits.low",
        "description": "The organisation's credit balance is low. Myaza documents no fields for its `data`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEnvelope"
          },
          {
            "type": "object",
            "required": [
              "event",
              "data"
            ],
            "properties": {
              "event": {
                "type": "string",
                "const": "credits.low"
              },
              "data": {
                "$ref": "#/components/schemas/UndocumentedEventData"
              }
            }
          }
        ]
      },
      "CreditsToppedUpEvent": {
        "title": "credits.topped_up",
        "description": "Credits were topped up. Myaza documents no fields for its `data`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEnvelope"
          },
          {
            "type": "object",
            "required": [
              "event",
              "data"
            ],
            "properties": {
              "event": {
                "type": "string",
                "const": "credits.topped_up"
              },
              "data": {
                "$ref": "#/components/schemas/UndocumentedEventData"
              }
            }
          }
        ]
      }
    },
    "parameters": {
      "X-Myaza-Signature": {
        "name": "X-Myaza-Signature",
        "in": "header",
        "required": true,
        "description": "`sha256=<hex>`: the HMAC-SHA256 of the **raw** request body, keyed with the endpoint's signing\nsecret. Verify it over the exact bytes received, before parsing, with a constant-time\ncomparison. The hex case is not documented; upper and lower case are both accepted here.\n",
        "schema": {
          "type": "string",
          "pattern": "^sha256=[0-9a-fA-F]{64}$"
        },
        "example": "sha256=8f4c9a1e0b6d2f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a"
      },
      "X-Myaza-Delivery": {
        "name": "X-Myaza-Delivery",
        "in": "header",
        "required": true,
        "description": "The delivery's id, unique per delivery: keep the ids you processed and ignore a repeat. Its\nformat is not documented.\n",
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "dlv_01j9x2m4k7p8q3r5s6t9v0w1z4"
      },
      "User-Agent": {
        "name": "User-Agent",
        "in": "header",
        "required": true,
        "description": "`Myaza-Webhooks/1.0`. The version after the slash may change, so only the product name is\nfixed here.\n",
        "schema": {
          "type": "string",
          "pattern": "^Myaza-Webhooks/"
        },
        "example": "Myaza-Webhooks/1.0"
      }
    },
    "headers": {
      "RateLimit-Limit": {
        "description": "Requests allowed per window (100 per 15 minutes per client).",
        "required": true,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 100
      },
      "RateLimit-Remaining": {
        "description": "Requests left in the current window.",
        "required": true,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 99
      },
      "RateLimit-Reset": {
        "description": "Seconds until the current window resets.",
        "required": true,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 900
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Invalid request (e.g. a malformed verification id).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "invalid_request": {
                "summary": "Invalid request (text illustrative)",
                "value": {
                  "error": "Invalid request",
                  "message": "verificationId must start with ver_"
                }
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Missing or invalid Authorization header, or an unknown API key.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "invalid_api_key": {
                "summary": "Invalid API key (verbatim from the docs)",
                "value": {
                  "error": "Invalid API key"
                }
              },
              "missing_authorization": {
                "summary": "No or malformed Authorization header (text illustrative)",
                "value": {
                  "error": "Missing or invalid Authorization header"
                }
              }
            }
          }
        }
      },
      "Forbidden": {
        "description": "The key may not perform this request.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "forbidden": {
                "summary": "Forbidden (text illustrative)",
                "value": {
                  "error": "Forbidden"
                }
              }
            }
          }
        }
      },
      "NotFound": {
        "description": "Unknown verification id, or it belongs to another organization.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "verification_not_found": {
                "summary": "Verification not found (verbatim from the docs)",
                "value": {
                  "error": "Verification not found"
                }
              }
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Rate limit exceeded: 100 requests per 15 minutes per client. Wait RateLimit-Reset seconds.",
        "headers": {
          "RateLimit-Limit": {
            "$ref": "#/components/headers/RateLimit-Limit"
          },
          "RateLimit-Remaining": {
            "$ref": "#/components/headers/RateLimit-Remaining"
          },
          "RateLimit-Reset": {
            "$ref": "#/components/headers/RateLimit-Reset"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "too_many_requests": {
                "summary": "Too many requests (verbatim)",
                "value": {
                  "error": "Too many requests, please try again later."
                }
              }
            }
          }
        }
      },
      "InternalError": {
        "description": "Server error.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "internal_error": {
                "summary": "Server error (text illustrative)",
                "value": {
                  "error": "Internal server error"
                }
              }
            }
          }
        }
      }
    }
  }
};
export default spec;

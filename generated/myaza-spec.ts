// generated — do not edit. Source: openapi/myaza/openapi.yaml. Regenerate with `npm run generate`.
// The bundled OpenAPI document (every $ref internal), as data: no YAML parser or file access at run time.
const spec = {
  "openapi": "3.1.0",
  "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
  "info": {
    "title": "Myaza Identity verification status API",
    "version": "1.0.0",
    "summary": "Minimal lifecycle state of a Myaza identity verification.",
    "description": "Contract for Myaza Identity's `GET /api/kyc/status/{verificationId}`, written from Myaza's\n*Get verification status* reference page, its failure-reason-code list and its SDK types.\nThe endpoint is publishable-safe: it accepts a `pk_` or an `sk_` key and returns no PII, no\nmatch scores and no result data. Webhooks (`X-Myaza-Signature: sha256=<hex HMAC of the raw\nbody>`) are the recommended way to learn about completion; if you poll, back off (2–3 s,\nwidening) and stop once `status` is no longer `pending`.\n\n## Decisions where the sources disagree or are silent\n- **Hosts.** The docs use `https://identity.myaza.app`; the newest SDKs use\n  `https://trust.myaza.app`. Both are listed. A staging host exists, but its name is not\n  public, so it is not listed.\n- **Which fields when.** Every response has `verificationId`, `status` and `createdAt`.\n  `completedAt` is required once a verification finished with `verified`, `failed` or\n  `not_found` (the docs show it on each); on `error` it is optional, since the docs do not\n  say an errored verification completed. `reason` and `reasonCode` are required on\n  `failed`, `not_found` and `error`.\n- **Reason codes are open.** Known codes: `failed` → `document_unreadable`,\n  `document_blurry`, `document_type_mismatch`, `id_number_not_found`,\n  `document_data_mismatch`, `document_expired`, `selfie_mismatch`; `not_found` →\n  `identity_not_found`. Myaza says new codes may appear, so `reasonCode` is an open string.\n  The `reason` texts of the examples other than the docs' two are illustrative, as are the\n  `error` example's reason and code (Myaza documents none for `error`).\n- **`assuranceLevel`** (`chip`, `gov_db`, `document`) comes from the SDK types only; it is\n  optional and open.\n- **Errors.** `{ \"error\": <text>, \"message\"?: <text> }`. Verbatim from the docs: 404\n  \"Verification not found\", 401 \"Invalid API key\", 429 \"Too many requests, please try again\n  later.\"; the other texts are illustrative. The 429 body is taken to be JSON like the others.\n- **Rate limit.** 100 requests per 15 minutes per client. `RateLimit-Limit`,\n  `RateLimit-Remaining` and `RateLimit-Reset` are required on 200 and 429. The limit is\n  counted per client key, so a request rejected before it is identified (400, 401) may not\n  carry them; they are not declared on the other statuses.\n"
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
  "components": {
    "securitySchemes": {
      "apiKey": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "pk_test_… | pk_live_… | sk_test_… | sk_live_… (32 alphanumerics after the prefix)",
        "description": "`Authorization: Bearer <key>`. This endpoint accepts the publishable `pk_` key that ships\nin your SDK as well as the secret `sk_` key. A verification is visible only to the\norganization that created it.\n"
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

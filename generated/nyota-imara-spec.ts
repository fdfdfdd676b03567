// generated — do not edit. Source: openapi/nyota-imara/openapi.yaml. Regenerate with `npm run generate`.
// The bundled OpenAPI document (every $ref internal), as data: no YAML parser or file access at run time.
const spec = {
  "openapi": "3.1.0",
  "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
  "info": {
    "title": "Nyota Imara KYC record API",
    "version": "1.0.0",
    "summary": "A user's KYC record, verification status and time-limited document URLs.",
    "description": "Contract for Nyota Imara's `GET /v1/kyc/{userId}`, written from the Nyota Imara handbook\npage *Retrieve a User's KYC Verification Status and Docs* and the handbook's authentication\nand permission pages.\n\nDocument URLs in the record are pre-signed (`X-Amz-Expires=900`): they expire **15 minutes**\nafter the response. Never store them; call this endpoint again for fresh ones.\n\n## Decisions where the sources disagree or are silent\n- **Error envelope.** The handbook shows `{ \"success\": false, \"error\": \"<message>\" }` on its\n  permissions (403) page; the 404 and 500 bodies are assumed to use the same envelope. Only\n  these messages are documented verbatim: 401 \"Unauthorized: Invalid or expired token.\",\n  404 \"KYC record not found for this user.\", 500 \"Failed to retrieve KYC data\". The texts of\n  the 401 missing-token and 403 examples are illustrative.\n- **Status `none` vs 404.** `status` can be `none`, yet a user with no KYC submission gets\n  404. The spec keeps both: `none` is a documented value of an existing record.\n- **Required fields.** The handbook shows one full (`pending`) record and marks no field as\n  required or optional. This spec requires what every record must have to be read at all:\n  `userId`, `userInfo` (with its `email` and `name`: a KYC record belongs to a registered\n  user, who has both; `email` is checked as an email address, the handbook's example being\n  one), `status`, and `verifiedAt` / `rejectionReason` (`null` until set).\n  What exists only once the user has submitted is required only then: a record whose status\n  is not `none` has `idNumber`, `submittedAt` and `documents` with all three URLs. A `none`\n  record (nothing submitted yet) may lack `idNumber`, `submittedAt` and `documents`, or carry\n  `documents: {}`; the handbook shows no `none` record, so its `none` example here is minimal\n  rather than invented.\n- **`userId`.** The example format is `usr_01j9z...`, and `me` means the caller. No format is\n  documented, so the parameter has no pattern.\n",
    "contact": {
      "name": "Nyota Imara handbook",
      "url": "https://handbook.nyotaimara.com"
    }
  },
  "externalDocs": {
    "description": "Nyota Imara handbook",
    "url": "https://handbook.nyotaimara.com"
  },
  "servers": [
    {
      "url": "https://api.nyotaimara.com",
      "description": "Production (no sandbox host is documented)",
      "x-internal": false
    }
  ],
  "security": [
    {
      "bearerJwt": []
    }
  ],
  "tags": [
    {
      "name": "KYC",
      "description": "KYC records of users."
    }
  ],
  "paths": {
    "/v1/kyc/{userId}": {
      "get": {
        "operationId": "getKycRecord",
        "summary": "Retrieve a user's KYC verification status and documents",
        "description": "Retrieve the KYC record for a user. Pass `me` as `userId` to fetch your own record. Fetching\nanother user's record needs admin permissions (the `identity:user:read` policy). The document\nURLs in the response expire after 15 minutes; do not store them.\n",
        "tags": [
          "KYC"
        ],
        "security": [
          {
            "bearerJwt": []
          }
        ],
        "parameters": [
          {
            "name": "userId",
            "in": "path",
            "required": true,
            "description": "The ID of the user whose KYC record to retrieve, or `me` for your own record.",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "examples": {
              "me": {
                "summary": "The caller's own record",
                "value": "me"
              },
              "other_user": {
                "summary": "Another user's record (admin)",
                "value": "usr_01j9z..."
              }
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The KYC record was found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/KycRecordResponse"
                },
                "examples": {
                  "none": {
                    "summary": "A record with nothing submitted yet (no ID number, documents or submission time)",
                    "value": {
                      "success": true,
                      "data": {
                        "userId": "usr_01j9zn4m2k",
                        "userInfo": {
                          "email": "aisha@example.com",
                          "name": "Aisha Kamau"
                        },
                        "status": "none",
                        "verifiedAt": null,
                        "rejectionReason": null
                      }
                    }
                  },
                  "pending": {
                    "summary": "Documents submitted, under review (the docs' example)",
                    "value": {
                      "success": true,
                      "data": {
                        "userId": "usr_01j9z...",
                        "userInfo": {
                          "email": "aisha@example.com",
                          "name": "Aisha Kamau"
                        },
                        "idNumber": "12345678",
                        "status": "pending",
                        "documents": {
                          "idFrontUrl": "https://storage.example.com/id-front?X-Amz-Expires=900&...",
                          "idBackUrl": "https://storage.example.com/id-back?X-Amz-Expires=900&...",
                          "passportPhotoUrl": "https://storage.example.com/passport?X-Amz-Expires=900&..."
                        },
                        "verifiedAt": null,
                        "rejectionReason": null,
                        "submittedAt": "2025-04-20T08:30:00.000Z"
                      }
                    }
                  },
                  "verified": {
                    "summary": "Verified",
                    "value": {
                      "success": true,
                      "data": {
                        "userId": "usr_01j9zn4m2k",
                        "userInfo": {
                          "email": "aisha@example.com",
                          "name": "Aisha Kamau"
                        },
                        "idNumber": "12345678",
                        "status": "verified",
                        "documents": {
                          "idFrontUrl": "https://storage.example.com/id-front?X-Amz-Expires=900",
                          "idBackUrl": "https://storage.example.com/id-back?X-Amz-Expires=900",
                          "passportPhotoUrl": "https://storage.example.com/passport?X-Amz-Expires=900"
                        },
                        "verifiedAt": "2025-04-21T10:05:00.000Z",
                        "rejectionReason": null,
                        "submittedAt": "2025-04-20T08:30:00.000Z"
                      }
                    }
                  },
                  "rejected": {
                    "summary": "Rejected with the reviewer's note; the user may resubmit",
                    "value": {
                      "success": true,
                      "data": {
                        "userId": "usr_01j9zn4m2k",
                        "userInfo": {
                          "email": "aisha@example.com",
                          "name": "Aisha Kamau"
                        },
                        "idNumber": "12345678",
                        "status": "rejected",
                        "documents": {
                          "idFrontUrl": "https://storage.example.com/id-front?X-Amz-Expires=900",
                          "idBackUrl": "https://storage.example.com/id-back?X-Amz-Expires=900",
                          "passportPhotoUrl": "https://storage.example.com/passport?X-Amz-Expires=900"
                        },
                        "verifiedAt": null,
                        "rejectionReason": "The ID photo is blurred; please upload a sharper image.",
                        "submittedAt": "2025-04-20T08:30:00.000Z"
                      }
                    }
                  }
                }
              }
            }
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
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerJwt": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "`Authorization: Bearer <token>`: the Supabase-issued JWT from sign-in. Missing, malformed\nor expired → 401. Reading another user's record needs the `identity:user:read` policy\n(admins); without it → 403.\n"
      }
    },
    "schemas": {
      "KycRecordResponse": {
        "type": "object",
        "required": [
          "success",
          "data"
        ],
        "properties": {
          "success": {
            "const": true,
            "description": "`true` when the record was found."
          },
          "data": {
            "$ref": "#/components/schemas/KycRecord"
          }
        }
      },
      "KycRecord": {
        "description": "The KYC record, in one of two shapes. Every record has `userId`, `userInfo`, `status`,\n`verifiedAt` and `rejectionReason`. A record past `none` (the user submitted) also has\n`idNumber`, `submittedAt` and `documents` with all three URLs; a `none` record may lack\n`idNumber`, `submittedAt` and `documents`, or carry `documents` as an empty object.\n",
        "type": "object",
        "properties": {
          "status": {
            "$ref": "#/components/schemas/KycStatus"
          }
        },
        "oneOf": [
          {
            "$ref": "#/components/schemas/KycRecordNotSubmitted"
          },
          {
            "$ref": "#/components/schemas/KycRecordSubmitted"
          }
        ]
      },
      "KycRecordNotSubmitted": {
        "type": "object",
        "title": "none (nothing submitted)",
        "description": "A record with nothing submitted yet. `idNumber`, `submittedAt` and `documents` may be\nmissing (or `documents` empty): the handbook shows no such record, so nothing more is assumed.\n",
        "required": [
          "userId",
          "userInfo",
          "status",
          "verifiedAt",
          "rejectionReason"
        ],
        "properties": {
          "userId": {
            "type": "string",
            "description": "The user's unique identifier (e.g. `usr_01j9z...`)."
          },
          "userInfo": {
            "$ref": "#/components/schemas/UserInfo"
          },
          "idNumber": {
            "type": "string",
            "description": "The government-issued ID number submitted during KYC."
          },
          "status": {
            "type": "string",
            "enum": [
              "none"
            ],
            "description": "Nothing submitted yet (see KycStatus)."
          },
          "documents": {
            "type": "object",
            "description": "Pre-signed URLs of whatever was uploaded so far; often absent or `{}`.",
            "properties": {
              "idFrontUrl": {
                "type": "string",
                "format": "uri"
              },
              "idBackUrl": {
                "type": "string",
                "format": "uri"
              },
              "passportPhotoUrl": {
                "type": "string",
                "format": "uri"
              }
            }
          },
          "verifiedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When the record was verified, or `null` if not yet verified."
          },
          "rejectionReason": {
            "type": [
              "string",
              "null"
            ],
            "description": "The reviewer's rejection note, or `null` if not rejected."
          },
          "submittedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the documents were first submitted."
          }
        }
      },
      "KycRecordSubmitted": {
        "type": "object",
        "title": "submitted (pending / verified / rejected)",
        "description": "A record the user has submitted; every field the handbook shows is there.",
        "required": [
          "userId",
          "userInfo",
          "idNumber",
          "status",
          "documents",
          "verifiedAt",
          "rejectionReason",
          "submittedAt"
        ],
        "properties": {
          "userId": {
            "type": "string",
            "description": "The user's unique identifier (e.g. `usr_01j9z...`)."
          },
          "userInfo": {
            "$ref": "#/components/schemas/UserInfo"
          },
          "idNumber": {
            "type": "string",
            "description": "The government-issued ID number submitted during KYC."
          },
          "status": {
            "type": "string",
            "enum": [
              "pending",
              "verified",
              "rejected"
            ],
            "description": "Any status but `none` (see KycStatus)."
          },
          "documents": {
            "$ref": "#/components/schemas/KycDocuments"
          },
          "verifiedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When the record was verified, or `null` if not yet verified."
          },
          "rejectionReason": {
            "type": [
              "string",
              "null"
            ],
            "description": "The reviewer's rejection note, or `null` if not rejected."
          },
          "submittedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the documents were first submitted."
          }
        }
      },
      "UserInfo": {
        "type": "object",
        "description": "Basic profile information.",
        "required": [
          "email",
          "name"
        ],
        "properties": {
          "email": {
            "type": "string",
            "format": "email",
            "description": "The user's email address."
          },
          "name": {
            "type": "string",
            "description": "The user's full name."
          }
        }
      },
      "KycStatus": {
        "type": "string",
        "description": "| Status | Meaning |\n| --- | --- |\n| `none` | No verification started on this record |\n| `pending` | Submitted, under review |\n| `verified` | Verified |\n| `rejected` | Rejected; only now may the user resubmit |\n",
        "enum": [
          "none",
          "pending",
          "verified",
          "rejected"
        ],
        "x-lifecycle": {
          "description": "Which status may follow which for one `userId`, as observed by successive calls. An\nobservation may miss intermediate states, so each rule lists every status reachable before\nthe next call. Seeing the same status again is always allowed.\n",
          "transitions": [
            {
              "from": "none",
              "to": [
                "pending",
                "verified",
                "rejected"
              ],
              "source": "Handbook: submittedAt is when the documents were first submitted; a submission is reviewed (pending) and then verified or rejected."
            },
            {
              "from": "pending",
              "to": [
                "verified",
                "rejected"
              ],
              "source": "Handbook status list: pending is under review and ends in verified or rejected. Decision (sources silent): a submission never goes back to none."
            },
            {
              "from": "rejected",
              "to": [
                "pending",
                "verified"
              ],
              "source": "Nyota Imara: resubmission is allowed only after rejected (rejectionReason carries the reviewer's note)."
            },
            {
              "from": "verified",
              "to": [],
              "source": "Nyota Imara: resubmission only after rejected, so a verified record cannot be resubmitted. Decision (sources silent on revocation): verified is terminal."
            }
          ]
        }
      },
      "KycDocuments": {
        "type": "object",
        "description": "Pre-signed URLs of the uploaded documents. Each expires 15 minutes after the response\n(`X-Amz-Expires=900`); never store them.\n",
        "required": [
          "idFrontUrl",
          "idBackUrl",
          "passportPhotoUrl"
        ],
        "properties": {
          "idFrontUrl": {
            "type": "string",
            "format": "uri",
            "description": "Front of the identity document."
          },
          "idBackUrl": {
            "type": "string",
            "format": "uri",
            "description": "Back of the identity document."
          },
          "passportPhotoUrl": {
            "type": "string",
            "format": "uri",
            "description": "The passport-style photo."
          }
        }
      },
      "ErrorResponse": {
        "type": "object",
        "description": "Nyota Imara's error envelope.",
        "required": [
          "success",
          "error"
        ],
        "properties": {
          "success": {
            "const": false
          },
          "error": {
            "type": "string",
            "description": "Human-readable error message."
          }
        }
      }
    },
    "responses": {
      "Unauthorized": {
        "description": "Missing, malformed or expired bearer token.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "invalid_or_expired_token": {
                "summary": "Invalid or expired token (message verbatim from the handbook)",
                "value": {
                  "success": false,
                  "error": "Unauthorized: Invalid or expired token."
                }
              },
              "missing_token": {
                "summary": "No Authorization header (message illustrative)",
                "value": {
                  "success": false,
                  "error": "Unauthorized: No token provided."
                }
              }
            }
          }
        }
      },
      "Forbidden": {
        "description": "The caller lacks the identity:user:read policy needed to read another user's record.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "missing_read_policy": {
                "summary": "Another user's record without the identity:user:read policy (message illustrative)",
                "value": {
                  "success": false,
                  "error": "Forbidden: missing identity:user:read policy."
                }
              }
            }
          }
        }
      },
      "NotFound": {
        "description": "No KYC submission exists for the given userId.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "kyc_record_not_found": {
                "summary": "No KYC record (message verbatim from the handbook)",
                "value": {
                  "success": false,
                  "error": "KYC record not found for this user."
                }
              }
            }
          }
        }
      },
      "InternalError": {
        "description": "Server-side database or storage error.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "kyc_retrieval_failed": {
                "summary": "Database or storage error (message verbatim from the handbook)",
                "value": {
                  "success": false,
                  "error": "Failed to retrieve KYC data"
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

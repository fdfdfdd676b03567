// generated — do not edit. Source: openapi/proof/openapi.yaml. Regenerate with `npm run generate`.
// The bundled OpenAPI document (every $ref internal), as data: no YAML parser or file access at run time.
const spec = {
  "openapi": "3.1.0",
  "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
  "info": {
    "title": "Proof KYC status API",
    "version": "1.0.0",
    "summary": "Identity-verification status of a partner's user in the Proof on/off-ramp widget.",
    "description": "Contract for Proof's `GET /widget/users/{partner_user_id}/kyc-status`, written from Proof's\npublic documentation (the *kyc-status* reference page, the *Identity Verification* guide and\nthe *Errors* page). Verification itself runs inside the widget (a Sumsub flow); this endpoint\nonly reports where a user stands. Proof documents no KYC webhook.\n\n## Decisions where the sources disagree or are silent\n- **Path parameter name.** The reference page's heading says `/widget/users/{id}/kyc-status`,\n  but its parameter table and generated curl use `partner_user_id`. This spec uses\n  `partner_user_id`; the wire path is identical.\n- **Hosts.** Proof hands out the production and sandbox hosts at onboarding; the docs show\n  only `https://DOMAIN`. Both servers are therefore modelled with a `domain` variable.\n- **Error statuses.** The kyc-status page lists only 401, 404 and 502. Proof's errors page\n  documents 400, 403 and 500 for every `/widget/*` call and a second 502 error\n  (`upstream_unavailable`); they are listed here because a live server can return them.\n  The kyc-status page gives `invalid_token` for a *missing* token, the errors page gives\n  `missing_token`: both codes are accepted under 401.\n- **`X-Request-Id`.** Proof's docs say in general terms that responses carry it for support\n  requests, but none of the source pages shows it on a response, and an error produced in\n  front of Proof (a gateway's 502, say) plausibly comes without it. The spec therefore\n  documents it on every response and requires it on none: when present it must be a\n  non-empty string. Its format is not documented, so it is otherwise unconstrained.\n- **`not_started` or 404.** `not_started` means the user \"has never opened the widget or has\n  not submitted documents\", while 404 `not_found` means the `partner_user_id` \"is unknown\n  for your partner\"; a user who never opened the widget may well be unknown to Proof. The\n  sources do not say which answer such a user gets, so the spec documents both and a client\n  should treat a 404 for a user it has just sent to the widget as \"not started yet\".\n- **Error body.** Every error is `{ \"error\": <slug>, \"code\": <code>, \"message\": <text> }`.\n  Branch on HTTP status + `error` + `code`; `message` is for logs and may change.\n  Proof's pages give the `error`/`code` pairs and their causes, not the `message` texts: the\n  messages in this spec's examples are illustrative, written from the documented causes.\n",
    "contact": {
      "name": "Proof documentation",
      "url": "https://docs.proof.community"
    }
  },
  "externalDocs": {
    "description": "Proof on/off-ramp documentation",
    "url": "https://docs.proof.community"
  },
  "servers": [
    {
      "url": "https://{domain}",
      "description": "Production. Proof hands out the host at onboarding.",
      "x-internal": false,
      "variables": {
        "domain": {
          "default": "DOMAIN",
          "description": "Production host issued to your partner account."
        }
      }
    },
    {
      "url": "https://{domain}",
      "description": "Sandbox. A separate host, also handed out at onboarding.",
      "x-internal": false,
      "variables": {
        "domain": {
          "default": "DOMAIN",
          "description": "Sandbox host issued to your partner account."
        }
      }
    }
  ],
  "security": [
    {
      "clientToken": []
    }
  ],
  "tags": [
    {
      "name": "KYC",
      "description": "Identity-verification status of your users."
    }
  ],
  "paths": {
    "/widget/users/{partner_user_id}/kyc-status": {
      "get": {
        "operationId": "getKycStatus",
        "summary": "Get a user's KYC status",
        "description": "Returns the identity-verification status for one of your users. Call it from your backend,\nfor instance to show a custom message before opening the widget; the widget itself starts\nverification for users who need it.\n",
        "tags": [
          "KYC"
        ],
        "security": [
          {
            "clientToken": []
          }
        ],
        "parameters": [
          {
            "name": "partner_user_id",
            "in": "path",
            "required": true,
            "description": "Your internal user identifier. Proof documents no format for it.",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "examples": {
              "docs_user": {
                "value": "user-123"
              }
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The user's identity-verification status.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/KycStatusResponse"
                },
                "examples": {
                  "not_started": {
                    "summary": "The user has never opened the widget or has not submitted documents",
                    "value": {
                      "partner_user_id": "user-123",
                      "status": "not_started"
                    }
                  },
                  "pending": {
                    "summary": "Documents submitted; under review",
                    "value": {
                      "partner_user_id": "user-123",
                      "status": "pending"
                    }
                  },
                  "verified": {
                    "summary": "Verification passed; the user can transact (the docs' example)",
                    "value": {
                      "partner_user_id": "user-123",
                      "status": "verified"
                    }
                  },
                  "failed": {
                    "summary": "Verification failed; the user must retry inside the widget",
                    "value": {
                      "partner_user_id": "user-123",
                      "status": "failed"
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
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "502": {
            "$ref": "#/components/responses/BadGateway"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "clientToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "`Authorization: Bearer <client_token>`, sent from the partner's backend on every\n`/widget/*` call. Proof also checks calls against the partner's IP/Origin allowlist\n(a call from elsewhere gets 403 `forbidden_origin`).\n"
      }
    },
    "schemas": {
      "KycStatusResponse": {
        "type": "object",
        "description": "Both fields appear in every documented response.",
        "required": [
          "partner_user_id",
          "status"
        ],
        "properties": {
          "partner_user_id": {
            "type": "string",
            "description": "Your internal user identifier (echo of the request)."
          },
          "status": {
            "$ref": "#/components/schemas/KycStatus"
          }
        }
      },
      "KycStatus": {
        "type": "string",
        "description": "| Status | Meaning |\n| --- | --- |\n| `not_started` | The user has never opened the widget or has not submitted documents |\n| `pending` | Documents submitted; under review |\n| `verified` | Verification passed; the user can transact |\n| `failed` | Verification failed; the user must retry inside the widget |\n",
        "enum": [
          "not_started",
          "pending",
          "verified",
          "failed"
        ],
        "x-lifecycle": {
          "description": "Which status may follow which for one `partner_user_id`, as observed by successive calls.\nAn observation may miss intermediate states (a poll every few minutes can see\n`not_started` and then `verified`), so each rule lists every status reachable before the\nnext call. Seeing the same status again is always allowed. Proof documents no state\nmachine; the rules below are this spec's reading of its status table and guide.\n",
          "transitions": [
            {
              "from": "not_started",
              "to": [
                "pending",
                "verified",
                "failed"
              ],
              "source": "Identity Verification guide: the user uploads documents and takes a selfie in the widget, then the submission is reviewed (status table: pending = documents submitted, under review)."
            },
            {
              "from": "pending",
              "to": [
                "verified",
                "failed"
              ],
              "source": "Status table: pending ends in verified (passed) or failed. Decision (sources silent): submitted documents are never 'unsubmitted', so pending never goes back to not_started."
            },
            {
              "from": "failed",
              "to": [
                "pending",
                "verified"
              ],
              "source": "Status table: failed means the user must retry inside the widget, which submits again. Decision (sources silent): a failed user never goes back to not_started."
            },
            {
              "from": "verified",
              "to": [],
              "source": "Identity Verification guide, Returning user: verification status is remembered across sessions; a verified user skips directly to payment. Decision (sources silent on revocation): verified is terminal."
            }
          ]
        }
      },
      "ErrorResponse": {
        "type": "object",
        "description": "Proof's error body on every error. Branch on HTTP status + `error` + `code`; log `message`.\n",
        "required": [
          "error",
          "code",
          "message"
        ],
        "properties": {
          "error": {
            "type": "string",
            "description": "Error slug, e.g. `unauthorised`, `not_found`, `upstream_error`."
          },
          "code": {
            "type": "string",
            "description": "Machine-readable code within the slug, e.g. `invalid_token`."
          },
          "message": {
            "type": "string",
            "description": "Human-readable text for logs; not a stable value to branch on."
          }
        }
      }
    },
    "headers": {
      "X-Request-Id": {
        "description": "Identifier of the request, to quote to Proof support, when Proof sends one. Format not\ndocumented. Not required: no source page shows it on a response (see the spec's decisions).\n",
        "required": false,
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "req_8f14e45fceea167a"
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Invalid request (Proof errors page; applies to every /widget/* call).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "validation_error": {
                "summary": "invalid_request / validation_error",
                "value": {
                  "error": "invalid_request",
                  "code": "validation_error",
                  "message": "Request validation failed."
                }
              },
              "decode_error": {
                "summary": "invalid_request / decode_error",
                "value": {
                  "error": "invalid_request",
                  "code": "decode_error",
                  "message": "The request could not be decoded."
                }
              },
              "missing_param": {
                "summary": "invalid_request / missing_param",
                "value": {
                  "error": "invalid_request",
                  "code": "missing_param",
                  "message": "A required parameter is missing."
                }
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Missing or inactive client_token.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "invalid_token": {
                "summary": "unauthorised / invalid_token (missing or inactive client_token; kyc-status page)",
                "value": {
                  "error": "unauthorised",
                  "code": "invalid_token",
                  "message": "Missing or inactive client_token."
                }
              },
              "missing_token": {
                "summary": "unauthorised / missing_token (no Authorization header; errors page)",
                "value": {
                  "error": "unauthorised",
                  "code": "missing_token",
                  "message": "Authorization header with a Bearer client_token is required."
                }
              }
            }
          }
        }
      },
      "Forbidden": {
        "description": "The call came from an IP address or Origin outside the partner's allowlist (errors page; applies to every /widget/* call).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "forbidden_origin": {
                "summary": "forbidden / forbidden_origin",
                "value": {
                  "error": "forbidden",
                  "code": "forbidden_origin",
                  "message": "This origin is not on the partner's allowlist."
                }
              }
            }
          }
        }
      },
      "NotFound": {
        "description": "The partner_user_id is unknown for your partner.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "not_found": {
                "summary": "not_found / not_found",
                "value": {
                  "error": "not_found",
                  "code": "not_found",
                  "message": "Unknown partner_user_id for this partner."
                }
              }
            }
          }
        }
      },
      "InternalError": {
        "description": "Proof-side failure (errors page; applies to every /widget/* call).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "db_error": {
                "summary": "internal_error / db_error",
                "value": {
                  "error": "internal_error",
                  "code": "db_error",
                  "message": "A database error occurred."
                }
              },
              "token_error": {
                "summary": "internal_error / token_error",
                "value": {
                  "error": "internal_error",
                  "code": "token_error",
                  "message": "The client token could not be processed."
                }
              }
            }
          }
        }
      },
      "BadGateway": {
        "description": "The verification service behind Proof failed or was unavailable; retry.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "provider_error": {
                "summary": "upstream_error / provider_error (kyc-status page)",
                "value": {
                  "error": "upstream_error",
                  "code": "provider_error",
                  "message": "Verification service failed; retry."
                }
              },
              "upstream_unavailable": {
                "summary": "upstream_unavailable / upstream_unavailable (errors page)",
                "value": {
                  "error": "upstream_unavailable",
                  "code": "upstream_unavailable",
                  "message": "The verification service is unavailable; retry."
                }
              },
              "upstream_invalid_response": {
                "summary": "upstream_unavailable / upstream_invalid_response (errors page)",
                "value": {
                  "error": "upstream_unavailable",
                  "code": "upstream_invalid_response",
                  "message": "The verification service sent an invalid response; retry."
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

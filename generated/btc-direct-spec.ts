// generated — do not edit. Source: openapi/btc-direct/openapi.yaml. Regenerate with `npm run generate`.
// The bundled OpenAPI document (every $ref internal), as data: no YAML parser or file access at run time.
const spec = {
  "openapi": "3.1.0",
  "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
  "info": {
    "title": "BTC Direct user verification status API",
    "version": "2.0.0",
    "summary": "Outstanding identity-verification requirements of a BTC Direct user.",
    "description": "Contract for BTC Direct's `GET /api/v2/user/verification-status`, written from BTC Direct's\npublic API reference and its official SDK. The response lists what a user still has to\nprovide or what is still under review; **an empty array means the user is fully verified.**\n\n## Authentication\nEvery call needs partner authentication and user authentication:\n- partner: an API key in `X-Api-Key`, **or** `Authorization: Bearer <token>` from\n  `POST /api/v1/authenticate` (valid for one hour);\n- user: **exactly one** of `User-Identifier: <identifier>` or\n  `User-Authorization: Bearer <user_token>`.\nOpenAPI security requirements cannot say \"exactly one\"; sending two methods is answered with\nER803 (\"Multiple authorization methods used\").\n\n## Decisions where the sources disagree or are silent\n- **HTTP status per error code.** BTC Direct documents the HTTP status only for ER801\n  (expired partner token → 400); its SDK treats every status ≥ 400 as an error. The other\n  statuses in this spec are **assumptions**, chosen by meaning: 400 for malformed or\n  conflicting input and expired tokens (ER701 by analogy with ER801, ER706, ER707, ER708,\n  ER803), 401 for missing or invalid credentials (ER700, ER702, ER704, ER800, ER802, ER805,\n  ER806), 403 for an identifier that belongs to another user (ER703), 404 for an unknown\n  user (ER705, ER709), 500 for ER999. The catalogue (code → status, message, solution) is\n  written once, as the named examples of those responses.\n- **ER804** is absent from BTC Direct's catalogue and is not invented here.\n- **ER706 and ER707** share the message \"User identifier is invalid.\" with different\n  solutions; both are kept verbatim.\n- **Requirement `data`.** The reference types `data` as an object, but its own example sends\n  arrays (`AMLD5Questions`, `idDocument`); the spec accepts an object or an array.\n- **Open values.** `name`, `status` and `type` of a requirement are open strings: the SDK\n  reads values the docs do not list (`status: open`, a `kyc` item with `data.accessToken`,\n  `amld5QuestionAnswers` where the docs say `AMLD5Questions`). Known values are documented.\n- **ER703 and ER803.** ER703 (\"User identifier does not belong to the user in the user\n  authorization token\"; solution: \"remove the user identifier header\") can only arise when\n  `User-Identifier` and `User-Authorization` are sent together, while ER803 (\"Multiple\n  authorization methods used\") forbids two methods. The sources do not say which wins, nor\n  whether ER803 is about the partner methods or the user methods. This spec documents one\n  user method per call (the security requirements), keeps ER703 as the 403 for a call that\n  sends both user headers anyway, and uses ER803 for two methods of the same kind; both\n  texts are verbatim.\n- **Webhooks are not modelled.** BTC Direct has partner webhooks (`user_verified` and others,\n  HMAC-SHA256 signed with the partner secret), but neither the signature header's name nor\n  the payload's fields are in the sources; inventing them would mislead, so this spec\n  documents none. Poll this endpoint instead.\n"
  },
  "servers": [
    {
      "url": "https://api.btcdirect.eu",
      "description": "Production",
      "x-internal": false
    },
    {
      "url": "https://api-sandbox.btcdirect.eu",
      "description": "Sandbox",
      "x-internal": false
    }
  ],
  "tags": [
    {
      "name": "User",
      "description": "The authenticated user's verification requirements."
    }
  ],
  "paths": {
    "/api/v2/user/verification-status": {
      "get": {
        "operationId": "getVerificationStatus",
        "summary": "Get the user's outstanding verification requirements",
        "description": "Retrieve the verification status of an existing user. If the result is an empty array, the\nuser is fully verified; otherwise each item is a requirement that is still `missing`\n(the user must act), `open` (seen in the SDK) or `pending` (under review).\n",
        "tags": [
          "User"
        ],
        "security": [
          {
            "apiKey": [],
            "userIdentifier": []
          },
          {
            "apiKey": [],
            "userToken": []
          },
          {
            "partnerToken": [],
            "userIdentifier": []
          },
          {
            "partnerToken": [],
            "userToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "User verification status returned successfully.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/VerificationStatusResponse"
                },
                "examples": {
                  "fully_verified": {
                    "summary": "Empty array; the user is fully verified",
                    "value": []
                  },
                  "outstanding_requirements": {
                    "$ref": "#/components/examples/outstanding_requirements"
                  },
                  "pending_review": {
                    "summary": "Only requirements under review remain",
                    "value": [
                      {
                        "name": "emailCode",
                        "status": "pending",
                        "type": "string"
                      },
                      {
                        "name": "verificationFlag",
                        "status": "pending",
                        "type": "boolean"
                      }
                    ]
                  },
                  "sdk_kyc_open": {
                    "summary": "An open `kyc` item carrying a verification access token (seen in the SDK)",
                    "value": [
                      {
                        "name": "kyc",
                        "status": "open",
                        "data": {
                          "accessToken": "_act-sbx-3d1d5e2e-0b7a-4c53-9f6e-5a8c1c9e2f11"
                        }
                      }
                    ]
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
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "apiKey": {
        "type": "apiKey",
        "in": "header",
        "name": "X-Api-Key",
        "description": "Partner API key (header name as used by BTC Direct's own SDK)."
      },
      "partnerToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "Partner token from `POST /api/v1/authenticate`; valid for one hour (ER801 once expired)."
      },
      "userIdentifier": {
        "type": "apiKey",
        "in": "header",
        "name": "User-Identifier",
        "description": "The partner's identifier for the user: 36–255 characters, numeric or alphanumeric\n(ER707 otherwise). Send either this or `User-Authorization`, never both.\n"
      },
      "userToken": {
        "type": "apiKey",
        "in": "header",
        "name": "User-Authorization",
        "description": "`Bearer <user_token>` obtained with the user/password mechanism. Send either this or\n`User-Identifier`, never both.\n"
      }
    },
    "schemas": {
      "VerificationStatusResponse": {
        "type": "array",
        "description": "The user's outstanding verification requirements. **An empty array means the user is fully\nverified.**\n",
        "items": {
          "$ref": "#/components/schemas/VerificationRequirement"
        }
      },
      "VerificationRequirement": {
        "type": "object",
        "description": "One outstanding verification requirement.",
        "required": [
          "name",
          "status"
        ],
        "properties": {
          "name": {
            "type": "string",
            "description": "Name of the requirement. Known values: `isBusiness`, `emailCode`, `nationality`,\n`AMLD5Questions` (the SDK reads `amld5QuestionAnswers`), `idDocument`,\n`verificationFlag`, `kyc` (SDK). Open: other names may appear.\n",
            "examples": [
              "idDocument"
            ]
          },
          "status": {
            "type": "string",
            "description": "State of the requirement. Known values: `missing` (the user must provide it), `open`\n(seen in the SDK only, with no documented meaning; this package's decision is to treat it\nlike `missing`), `pending` (submitted, under review). Open: other values may appear.\n",
            "examples": [
              "missing"
            ]
          },
          "type": {
            "type": "string",
            "description": "Kind of input the requirement asks for. Known values: `boolean`, `string`, `choice`,\n`question`, `document`; nested document parts use `file`. Open: other values may appear.\n",
            "examples": [
              "document"
            ]
          },
          "data": {
            "type": [
              "object",
              "array"
            ],
            "items": {
              "description": "Array items are not documented beyond the example (question and document-part objects)."
            },
            "description": "Additional data for the requirement: choices as a `label → value` object\n(`nationality`), question lists and document parts as arrays (`AMLD5Questions`,\n`idDocument`), or `{ accessToken }` on the SDK's `kyc` item. The reference page types it as\nan object, but its own example sends arrays, so both are accepted.\n"
          }
        },
        "x-lifecycle": {
          "property": "status",
          "checked": false,
          "description": "Not checked. BTC Direct's response lists only the requirements still outstanding (an empty\nlist means fully verified) and documents no order between their states. A requirement can\nleave the list when met and reappear (e.g. a new document is asked for), and a pending\ndocument can be refused back to missing, so this spec constrains no transition.\n",
          "transitions": []
        }
      },
      "ErrorResponse": {
        "type": "object",
        "description": "BTC Direct's error body: a map keyed by error code, each entry repeating the code with a\nmessage and a solution.\n",
        "required": [
          "errors"
        ],
        "properties": {
          "errors": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {
              "pattern": "^ER[0-9]{3}$"
            },
            "additionalProperties": {
              "$ref": "#/components/schemas/ErrorDetail"
            }
          }
        }
      },
      "ErrorDetail": {
        "type": "object",
        "description": "One error of the catalogue (see the responses' named examples for every code).",
        "required": [
          "code",
          "message",
          "solution"
        ],
        "properties": {
          "code": {
            "type": "string",
            "pattern": "^ER[0-9]{3}$",
            "description": "The error code, the same as its key in `errors`."
          },
          "message": {
            "type": "string",
            "description": "What went wrong."
          },
          "solution": {
            "type": "string",
            "description": "What to do about it."
          }
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Malformed or conflicting input, or an expired token. Only ER801 → 400 is documented by BTC Direct; the other codes here are this spec's assumption.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "er701_user_token_expired": {
                "$ref": "#/components/examples/er701_user_token_expired"
              },
              "er706_identifier_in_use": {
                "$ref": "#/components/examples/er706_identifier_in_use"
              },
              "er707_identifier_malformed": {
                "$ref": "#/components/examples/er707_identifier_malformed"
              },
              "er708_pending_document": {
                "$ref": "#/components/examples/er708_pending_document"
              },
              "er801_token_expired": {
                "$ref": "#/components/examples/er801_token_expired"
              },
              "er803_multiple_auth_methods": {
                "$ref": "#/components/examples/er803_multiple_auth_methods"
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Missing or invalid partner or user credentials (status assumed; BTC Direct documents none for these codes). ER806 comes first: it is what a request without any credentials is served by the mock.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "er806_api_key_not_found": {
                "$ref": "#/components/examples/er806_api_key_not_found"
              },
              "er802_token_not_found": {
                "$ref": "#/components/examples/er802_token_not_found"
              },
              "er805_api_key_invalid": {
                "$ref": "#/components/examples/er805_api_key_invalid"
              },
              "er800_token_invalid": {
                "$ref": "#/components/examples/er800_token_invalid"
              },
              "er700_user_token_not_found": {
                "$ref": "#/components/examples/er700_user_token_not_found"
              },
              "er702_user_token_invalid": {
                "$ref": "#/components/examples/er702_user_token_invalid"
              },
              "er704_identifier_missing": {
                "$ref": "#/components/examples/er704_identifier_missing"
              }
            }
          }
        }
      },
      "Forbidden": {
        "description": "The User-Identifier belongs to a different user than the User-Authorization token (status assumed).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "er703_identifier_not_owned_by_token_user": {
                "$ref": "#/components/examples/er703_identifier_not_owned_by_token_user"
              }
            }
          }
        }
      },
      "NotFound": {
        "description": "No user behind the identifier (status assumed).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "er705_identifier_not_linked": {
                "$ref": "#/components/examples/er705_identifier_not_linked"
              },
              "er709_user_not_found": {
                "$ref": "#/components/examples/er709_user_not_found"
              }
            }
          }
        }
      },
      "InternalError": {
        "description": "General error (status assumed).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "er999_general_error": {
                "$ref": "#/components/examples/er999_general_error"
              }
            }
          }
        }
      }
    },
    "examples": {
      "outstanding_requirements": {
        "summary": "Missing and pending requirements (the docs' example)",
        "value": [
          {
            "name": "isBusiness",
            "status": "missing",
            "type": "boolean"
          },
          {
            "name": "emailCode",
            "status": "pending",
            "type": "string"
          },
          {
            "name": "nationality",
            "status": "missing",
            "type": "choice",
            "data": {
              "Netherlands": "NL",
              "German": "DE"
            }
          },
          {
            "name": "AMLD5Questions",
            "status": "missing",
            "type": "question",
            "data": [
              {
                "key": "Question1",
                "label": "This is the actual question 1?",
                "answerOptions": [
                  "answer1",
                  "answer2",
                  "answer3"
                ]
              },
              {
                "key": "Question2",
                "label": "This is the actual question 2?",
                "answerOptions": [
                  "answer1",
                  "answer2",
                  "answer3"
                ]
              }
            ]
          },
          {
            "name": "idDocument",
            "status": "missing",
            "type": "document",
            "data": [
              {
                "type": "passport",
                "data": [
                  {
                    "name": "front",
                    "type": "file"
                  },
                  {
                    "name": "back",
                    "type": "file"
                  }
                ]
              }
            ]
          },
          {
            "name": "verificationFlag",
            "status": "pending",
            "type": "boolean"
          }
        ]
      },
      "er701_user_token_expired": {
        "summary": "ER701 — User authorization token has expired.",
        "value": {
          "errors": {
            "ER701": {
              "code": "ER701",
              "message": "User authorization token has expired.",
              "solution": "Request a new authorization token, or refresh the token."
            }
          }
        }
      },
      "er706_identifier_in_use": {
        "summary": "ER706 — User identifier is invalid.",
        "value": {
          "errors": {
            "ER706": {
              "code": "ER706",
              "message": "User identifier is invalid.",
              "solution": "Provide a valid user identifier, a unique identifier string for the user account that is not already in use."
            }
          }
        }
      },
      "er707_identifier_malformed": {
        "summary": "ER707 — User identifier is invalid.",
        "value": {
          "errors": {
            "ER707": {
              "code": "ER707",
              "message": "User identifier is invalid.",
              "solution": "Please provide an identifier, consisting of 36 - 255 characters, numeric or alphanumeric only."
            }
          }
        }
      },
      "er708_pending_document": {
        "summary": "ER708 — There is a pending document for this side.",
        "value": {
          "errors": {
            "ER708": {
              "code": "ER708",
              "message": "There is a pending document for this side.",
              "solution": "Wait for the pending document to be reviewed."
            }
          }
        }
      },
      "er801_token_expired": {
        "summary": "ER801 — Authorization token has expired.",
        "value": {
          "errors": {
            "ER801": {
              "code": "ER801",
              "message": "Authorization token has expired.",
              "solution": "Request a new authorization token."
            }
          }
        }
      },
      "er803_multiple_auth_methods": {
        "summary": "ER803 — Multiple authorization methods used.",
        "value": {
          "errors": {
            "ER803": {
              "code": "ER803",
              "message": "Multiple authorization methods used.",
              "solution": "Use exactly one authorization method."
            }
          }
        }
      },
      "er806_api_key_not_found": {
        "summary": "ER806 — API key not found.",
        "value": {
          "errors": {
            "ER806": {
              "code": "ER806",
              "message": "API key not found.",
              "solution": "Provide an API key."
            }
          }
        }
      },
      "er802_token_not_found": {
        "summary": "ER802 — Authorization token not found.",
        "value": {
          "errors": {
            "ER802": {
              "code": "ER802",
              "message": "Authorization token not found.",
              "solution": "Provide an authorization token."
            }
          }
        }
      },
      "er805_api_key_invalid": {
        "summary": "ER805 — API key is invalid.",
        "value": {
          "errors": {
            "ER805": {
              "code": "ER805",
              "message": "API key is invalid.",
              "solution": "Provide a valid API key."
            }
          }
        }
      },
      "er800_token_invalid": {
        "summary": "ER800 — Authorization token is invalid.",
        "value": {
          "errors": {
            "ER800": {
              "code": "ER800",
              "message": "Authorization token is invalid.",
              "solution": "Provide a valid authorization token."
            }
          }
        }
      },
      "er700_user_token_not_found": {
        "summary": "ER700 — User authorization token not found.",
        "value": {
          "errors": {
            "ER700": {
              "code": "ER700",
              "message": "User authorization token not found.",
              "solution": "Provide a user authorization token."
            }
          }
        }
      },
      "er702_user_token_invalid": {
        "summary": "ER702 — User authorization token is invalid.",
        "value": {
          "errors": {
            "ER702": {
              "code": "ER702",
              "message": "User authorization token is invalid.",
              "solution": "Provide a valid user authorization token."
            }
          }
        }
      },
      "er704_identifier_missing": {
        "summary": "ER704 — No user identifier found in headers.",
        "value": {
          "errors": {
            "ER704": {
              "code": "ER704",
              "message": "No user identifier found in headers.",
              "solution": "Provide a valid user identifier, or use the user/password authentication mechanism to request a user token and send that."
            }
          }
        }
      },
      "er703_identifier_not_owned_by_token_user": {
        "summary": "ER703 — User identifier does not belong to the user in the user authorization token.",
        "value": {
          "errors": {
            "ER703": {
              "code": "ER703",
              "message": "User identifier does not belong to the user in the user authorization token.",
              "solution": "Provide a valid user identifier, or remove the user identifier header."
            }
          }
        }
      },
      "er705_identifier_not_linked": {
        "summary": "ER705 — User identifier is not linked to a user.",
        "value": {
          "errors": {
            "ER705": {
              "code": "ER705",
              "message": "User identifier is not linked to a user.",
              "solution": "Provide a valid user identifier, link this user identifier to a user account, or use the user/password authentication mechanism."
            }
          }
        }
      },
      "er709_user_not_found": {
        "summary": "ER709 — User not found, or user has been deleted.",
        "value": {
          "errors": {
            "ER709": {
              "code": "ER709",
              "message": "User not found, or user has been deleted.",
              "solution": "Provide a valid user identifier."
            }
          }
        }
      },
      "er999_general_error": {
        "summary": "ER999 — A general error has occurred. Please contact our support team.",
        "value": {
          "errors": {
            "ER999": {
              "code": "ER999",
              "message": "A general error has occurred. Please contact our support team.",
              "solution": "Contact our support team."
            }
          }
        }
      }
    }
  }
};
export default spec;

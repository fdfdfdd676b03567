/**
 * Build-time validators for a spec's OpenAPI 3.1 `webhooks:` (Myaza's), written by
 * `npm run generate` as a plain ES module: Ajv's standalone code, so checking a delivery at run
 * time needs no YAML, no file system, no Ajv compiler and no `eval` (browsers, edge runtimes).
 *
 * Per webhook: `body` (the request body's schema) and `headers` (an object of the webhook's
 * header parameters, keyed by lower-case name, each checked against its schema; required ones
 * required). The runtime helpers Ajv's code needs are imported portably (see PORTABLE_REQUIRES);
 * any other one fails the generation instead of shipping a `require` to a browser.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import standaloneModule from "ajv/dist/standalone/index.js";
import { _ } from "ajv/dist/compile/codegen/index.js";
import type { OpenApiDocument } from "../src/spec/load.js";
import { listParameters } from "../src/spec/parameters.js";
import { listWebhooks } from "../src/spec/walk.js";

// ajv-formats and ajv's standalone entry are CommonJS; under NodeNext their default export is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const standaloneCode = standaloneModule.default;

/** OpenAPI keywords that may appear inside schemas and are annotations (as in src/spec/validator.ts). */
const OPENAPI_SCHEMA_KEYWORDS = ["example", "discriminator", "xml", "externalDocs"];

/** Every `require(…)` Ajv's standalone code may contain that we know how to make portable. */
const PORTABLE_REQUIRES: Record<string, string> = {
  // Counts Unicode code points, as ajv/dist/runtime/ucs2length does.
  'require("ajv/dist/runtime/ucs2length").default': "((text) => [...text].length)",
};

export interface WebhookValidatorSource {
  /** The module's code, without the "generated" header. */
  code: string;
  events: string[];
}

/** Text-only keywords: they do not change what validates, and Ajv's code would embed them. */
const ANNOTATIONS = new Set(["description", "summary", "title", "example", "examples"]);

/** A copy of `node` without annotations (a property *named* like one, under `properties`, is kept). */
function withoutAnnotations(node: unknown, inPropertiesMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutAnnotations(item));
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!inPropertiesMap && ANNOTATIONS.has(key)) continue;
    out[key] = withoutAnnotations(value, !inPropertiesMap && (key === "properties" || key === "patternProperties"));
  }
  return out;
}

/** Export-safe identifier for a webhook name (`verification.completed` → `verification_completed`). */
const ident = (name: string): string => name.replace(/[^A-Za-z0-9_]/g, "_");

export function renderWebhookValidators(doc: OpenApiDocument, typesModule: string, eventNameType: string): WebhookValidatorSource {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    validateFormats: true,
    code: { source: true, esm: true, formats: _`fullFormats` },
  });
  addFormats(ajv);
  ajv.addVocabulary(OPENAPI_SCHEMA_KEYWORDS);
  const id = "urn:kyc-status-contracts:webhooks";
  const documentKeys = Object.keys(doc).filter((k) => !OPENAPI_SCHEMA_KEYWORDS.includes(k) && !ajv.getKeyword(k));
  ajv.addVocabulary(documentKeys);
  ajv.addSchema({ ...(withoutAnnotations(doc) as OpenApiDocument), $id: id }, undefined, undefined, false);

  const exportsMap: Record<string, string> = {};
  const entries: string[] = [];
  const events: string[] = [];
  for (const hook of listWebhooks(doc)) {
    const body = hook.requestBody.find((m) => m.mediaType === "application/json");
    if (!body?.schemaPointer) throw new Error(`webhooks.${hook.name}.${hook.method}: no application/json request body schema to validate deliveries against.`);
    const headers = listParameters(doc, hook).filter((p) => p.in === "header");
    const headerSchemaId = `${id}:headers:${hook.name}`;
    ajv.addSchema({
      $id: headerSchemaId,
      type: "object",
      required: headers.filter((h) => h.value.required === true).map((h) => h.name.toLowerCase()),
      properties: Object.fromEntries(headers.map((h) => [h.name.toLowerCase(), { $ref: `${id}#${h.pointer}/schema` }])),
    });
    const n = ident(hook.name);
    exportsMap[`body_${n}`] = `${id}#${body.schemaPointer}`;
    exportsMap[`headers_${n}`] = headerSchemaId;
    events.push(hook.name);
    const names = JSON.stringify(headers.map((h) => h.name));
    entries.push(`  ${JSON.stringify(hook.name)}: { body: body_${n}, headers: headers_${n}, headerNames: ${names} },`);
  }
  if (events.length === 0) throw new Error(`${doc.info.title} has no webhooks: nothing to generate.`);

  let code = standaloneCode(ajv, exportsMap);
  for (const [needle, replacement] of Object.entries(PORTABLE_REQUIRES)) code = code.split(needle).join(replacement);
  const leftover = /require\("[^"]+"\)[^;]*/.exec(code);
  if (leftover) throw new Error(`Ajv's standalone code needs ${leftover[0]}: add a portable replacement to PORTABLE_REQUIRES in scripts/webhook-validators.ts.`);
  // Keep Ajv's functions private: the typed map below is the module's interface.
  code = code.replace(/^"use strict";/, "").replace(/export const (\w+) = (\w+);/g, "const $1 = $2;");

  return {
    events,
    code: `// @ts-nocheck — Ajv standalone code; the exports at the end are typed.
import { fullFormats } from "ajv-formats/dist/formats.js";
import type { ${eventNameType.split("[")[0]} } from "${typesModule}";

${code}

/** The event names the spec's \`webhooks:\` documents, in spec order. */
export type MyazaWebhookEventName = ${eventNameType};

/** One schema violation, as Ajv reports it (\`instancePath\` is a JSON pointer into the checked value). */
export interface GeneratedSchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A compiled validator: returns whether \`data\` is valid; after a failure, \`errors\` lists why. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: GeneratedSchemaError[] | null;
}

export interface MyazaWebhookValidators {
  /** The request body (the event envelope) against the webhook's schema. */
  body: GeneratedValidator;
  /** An object of the delivery's headers, keyed by lower-case name, against the webhook's header parameters. */
  headers: GeneratedValidator;
  /** The header parameters the spec documents for the webhook, as written there. */
  headerNames: readonly string[];
}

export const myazaWebhookEvents: readonly MyazaWebhookEventName[] = ${JSON.stringify(events)};

export const myazaWebhookValidators: Readonly<Record<MyazaWebhookEventName, MyazaWebhookValidators>> = {
${entries.join("\n")}
};
`,
  };
}

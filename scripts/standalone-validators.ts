/**
 * Build-time validators, written by `npm run generate` as plain ES modules: Ajv's standalone
 * code, so checking a value at run time needs no YAML, no file system, no Ajv compiler and no
 * `eval` (browsers, edge runtimes, a CSP without 'unsafe-eval'). One generator, two users:
 *
 * - `renderWebhookValidators`: per webhook of a spec's OpenAPI 3.1 `webhooks:` (Myaza's), `body`
 *   (the request body's schema) and `headers` (an object of the webhook's header parameters,
 *   keyed by lower-case name, each checked against its schema; required ones required).
 * - `renderClientContract`: what a typed client needs from its operation (src/clients/contract.ts):
 *   per documented 2xx status the media types and, per JSON body schema, the full validator, the
 *   strict core of the tolerant check (src/clients/tolerance.ts `coreSchema`) and the validators
 *   and plan of tagged-union narrowing (src/spec/union.ts `unionPlan`); and the credential
 *   headers of its security schemes.
 *
 * `standaloneValidators` is the shared part: one Ajv instance (the project's options,
 * src/spec/validator.ts `createAjv`) holding the document without its annotations. The runtime
 * helpers Ajv's code needs are imported portably (see PORTABLE_REQUIRES); any other one fails the
 * generation instead of shipping a `require` to a browser.
 */
import standaloneModule from "ajv/dist/standalone/index.js";
import { _ } from "ajv/dist/compile/codegen/index.js";
import { coreSchema } from "../src/clients/tolerance.js";
import type { OpenApiDocument } from "../src/spec/load.js";
import { listParameters } from "../src/spec/parameters.js";
import { schemeHeader, securityRequirements, type SchemeHeader } from "../src/spec/security.js";
import { unionPlan, type UnionPlan } from "../src/spec/union.js";
import { createAjv, OPENAPI_SCHEMA_KEYWORDS } from "../src/spec/validator.js";
import { listOperations, listResponses, listWebhooks, resolve } from "../src/spec/walk.js";

// ajv's standalone entry is CommonJS; under NodeNext its default export is the module object.
const standaloneCode = standaloneModule.default;

/** Every `require(…)` Ajv's standalone code may contain that we know how to make portable. */
const PORTABLE_REQUIRES: Record<string, string> = {
  // Counts Unicode code points, as ajv/dist/runtime/ucs2length does.
  'require("ajv/dist/runtime/ucs2length").default': "((text) => [...text].length)",
};

/** Text-only keywords and `x-` extensions: they do not change what validates, and Ajv's code would embed them. */
const ANNOTATIONS = new Set(["description", "summary", "title", "example", "examples"]);
const isAnnotation = (key: string): boolean => ANNOTATIONS.has(key) || key.startsWith("x-");

/** A copy of `node` without annotations (a property *named* like one, under `properties`, is kept). */
function withoutAnnotations(node: unknown, inPropertiesMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutAnnotations(item));
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!inPropertiesMap && isAnnotation(key)) continue;
    out[key] = withoutAnnotations(value, !inPropertiesMap && (key === "properties" || key === "patternProperties"));
  }
  return out;
}

/**
 * generated/validator-types.ts: the types of every generated validator module's exports (their
 * Ajv code is untyped), written once and imported by each of them.
 */
export const VALIDATOR_TYPES_MODULE = `/** One schema violation, as Ajv reports it (\`instancePath\` is a JSON pointer into the checked value). */
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

/** src/spec/union.ts \`UnionPlan\`: the tagged unions of a body schema, as data. */
export interface GeneratedUnionPlan {
  pointer: string;
  union?: { property: string; disjoint?: true; exclusive?: true; branches: { values: unknown[]; plan: GeneratedUnionPlan }[] };
  properties?: { name: string; plan: GeneratedUnionPlan }[];
}

/** The checks of one success body schema. */
export interface GeneratedBodyContract {
  /** Lower case (\`application/json\`). */
  mediaType: string;
  /** The body schema's pointer in the spec. */
  pointer: string;
  /** The strict core of the tolerant check: the fields the normalized status is built from. */
  core: GeneratedValidator;
  /** The full schema and each schema the narrowing plan validates, by pointer. */
  validators: Readonly<Record<string, GeneratedValidator>>;
  narrowing: GeneratedUnionPlan;
}

/** What a client needs from its operation in the spec (read by src/clients/contract.ts). */
export interface GeneratedClientContract {
  /** \`GET /v1/kyc/{userId}\`, for messages. */
  operation: string;
  /** The spec's title, for messages. */
  title: string;
  /** Documented 2xx responses: media types (lower case) and the checks of each body with a schema. */
  successes: readonly { status: number; mediaTypes: readonly string[]; bodies: readonly GeneratedBodyContract[] }[];
  /** The operation's security requirements (scheme names) and the header each scheme sends. */
  security: { requirements: readonly (readonly string[])[]; schemes: Readonly<Record<string, { header: string; prefix: string }>> };
}
`;

/**
 * Ajv's standalone code validating, under each name of `exports`, the schema at its pointer in
 * `doc` (`#/…`) or one of `schemas` (by `$id`). The names are module-private constants; the
 * caller writes the typed exports. The code starts with the imports it needs.
 */
function standaloneValidators(
  doc: OpenApiDocument,
  id: string,
  exports: Readonly<Record<string, { pointer: string } | { schemaId: string }>>,
  schemas: readonly Record<string, unknown>[] = [],
): string {
  const ajv = createAjv({ code: { source: true, esm: true, formats: _`fullFormats` } });
  const documentKeys = Object.keys(doc).filter((k) => !OPENAPI_SCHEMA_KEYWORDS.includes(k) && !ajv.getKeyword(k));
  ajv.addVocabulary(documentKeys);
  ajv.addSchema({ ...(withoutAnnotations(doc) as OpenApiDocument), $id: id }, undefined, undefined, false);
  for (const schema of schemas) ajv.addSchema(withoutAnnotations(schema) as Record<string, unknown>);
  const refs = Object.fromEntries(Object.entries(exports).map(([name, target]) => [name, "pointer" in target ? `${id}#${target.pointer}` : target.schemaId]));
  let code = standaloneCode(ajv, refs);
  for (const [needle, replacement] of Object.entries(PORTABLE_REQUIRES)) code = code.split(needle).join(replacement);
  const leftover = /require\("[^"]+"\)[^;]*/.exec(code);
  if (leftover) throw new Error(`Ajv's standalone code needs ${leftover[0]}: add a portable replacement to PORTABLE_REQUIRES in scripts/standalone-validators.ts.`);
  // Keep Ajv's functions private: the typed exports written by the caller are the module's interface.
  code = code.replace(/^"use strict";/, "").replace(/export const (\w+) = (\w+);/g, "const $1 = $2;");
  const formats = code.includes("fullFormats") ? 'import { fullFormats } from "ajv-formats/dist/formats.js";\n' : "";
  return `// @ts-nocheck — Ajv standalone code; the exports at the end are typed.\n${formats}`.concat(code.startsWith("\n") ? "" : "\n", code);
}

export interface WebhookValidatorSource {
  /** The module's code, without the "generated" header. */
  code: string;
  events: string[];
}

/** Export-safe identifier for a webhook name (`verification.completed` → `verification_completed`). */
const ident = (name: string): string => name.replace(/[^A-Za-z0-9_]/g, "_");

export function renderWebhookValidators(doc: OpenApiDocument, typesModule: string, eventNameType: string): WebhookValidatorSource {
  const id = "urn:kyc-status-contracts:webhooks";
  const exportsMap: Record<string, { pointer: string } | { schemaId: string }> = {};
  const headerSchemas: Record<string, unknown>[] = [];
  const entries: string[] = [];
  const events: string[] = [];
  for (const hook of listWebhooks(doc)) {
    const body = hook.requestBody.find((m) => m.mediaType === "application/json");
    if (!body?.schemaPointer) throw new Error(`webhooks.${hook.name}.${hook.method}: no application/json request body schema to validate deliveries against.`);
    const headers = listParameters(doc, hook).filter((p) => p.in === "header");
    const headerSchemaId = `${id}:headers:${hook.name}`;
    headerSchemas.push({
      $id: headerSchemaId,
      type: "object",
      required: headers.filter((h) => h.value.required === true).map((h) => h.name.toLowerCase()),
      properties: Object.fromEntries(headers.map((h) => [h.name.toLowerCase(), { $ref: `${id}#${h.pointer}/schema` }])),
    });
    const n = ident(hook.name);
    exportsMap[`body_${n}`] = { pointer: body.schemaPointer };
    exportsMap[`headers_${n}`] = { schemaId: headerSchemaId };
    events.push(hook.name);
    const names = JSON.stringify(headers.map((h) => h.name));
    entries.push(`  ${JSON.stringify(hook.name)}: { body: body_${n}, headers: headers_${n}, headerNames: ${names} },`);
  }
  if (events.length === 0) throw new Error(`${doc.info.title} has no webhooks: nothing to generate.`);

  return {
    events,
    code: `${standaloneValidators(doc, id, exportsMap, headerSchemas)}
import type { ${eventNameType.split("[")[0]} } from "${typesModule}";
import type { GeneratedValidator } from "./validator-types.js";

/** The event names the spec's \`webhooks:\` documents, in spec order. */
export type MyazaWebhookEventName = ${eventNameType};

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

export interface ClientContractSource {
  /** The module's code, without the "generated" header. */
  code: string;
  /** How many validators it holds. */
  validators: number;
}

/** The pointers of a plan and of every plan in it, in order, once each. */
function planPointers(plan: UnionPlan, into = new Set<string>()): Set<string> {
  into.add(plan.pointer);
  for (const branch of plan.union?.branches ?? []) planPointers(branch.plan, into);
  for (const property of plan.properties ?? []) planPointers(property.plan, into);
  return into;
}

/**
 * The client contract of the GET operation at `path` (src/clients/contract.ts reads it), exported
 * as `exportName`: the operation for messages, per documented 2xx status its media types and JSON
 * body checks (validators by schema pointer, the strict core of `strictFields`, the narrowing
 * plan), and the security requirements with each scheme's header.
 */
export function renderClientContract(doc: OpenApiDocument, path: string, strictFields: readonly (readonly string[])[], exportName: string): ClientContractSource {
  const operation = listOperations(doc).find((op) => op.method === "get" && op.path === path);
  if (!operation) throw new Error(`${doc.info.title} has no GET ${path}: fix the client's path in src/clients/operations.ts or the spec.`);
  const id = `urn:kyc-status-contracts:client:${exportName}`;
  const exportsMap: Record<string, { pointer: string } | { schemaId: string }> = {};
  const names = new Map<string, string>();
  const coreSchemas: Record<string, unknown>[] = [];
  // By the schema a pointer leads to (after `$ref`s), so Ajv compiles each schema once.
  const validatorFor = (pointer: string): string => {
    const target = resolve(doc, pointer).pointer;
    let name = names.get(target);
    if (!name) {
      name = `validate_${names.size}`;
      names.set(target, name);
      exportsMap[name] = { pointer: target };
    }
    return name;
  };
  const successes: string[] = [];
  for (const res of listResponses(doc, operation)) {
    const status = Number(res.status);
    if (!(status >= 200 && status < 300)) continue;
    const bodies: string[] = [];
    for (const m of res.media) {
      if (!m.schemaPointer) continue;
      const plan = unionPlan(doc, m.schemaPointer);
      const validators = [...planPointers(plan)].map((pointer) => `${JSON.stringify(pointer)}: ${validatorFor(pointer)}`);
      const coreName = `core_${coreSchemas.length}`;
      const coreId = `${id}:core:${coreSchemas.length}`;
      coreSchemas.push({ ...coreSchema(doc, m.schemaPointer, strictFields), $id: coreId });
      exportsMap[coreName] = { schemaId: coreId };
      bodies.push(
        `{ mediaType: ${JSON.stringify(m.mediaType.toLowerCase())}, pointer: ${JSON.stringify(m.schemaPointer)}, core: ${coreName}, validators: { ${validators.join(", ")} }, narrowing: ${JSON.stringify(plan)} }`,
      );
    }
    successes.push(`    { status: ${status}, mediaTypes: ${JSON.stringify(res.media.map((m) => m.mediaType.toLowerCase()))}, bodies: [${bodies.join(", ")}] },`);
  }
  const requirements = securityRequirements(doc, operation);
  const schemes: Record<string, SchemeHeader> = {};
  for (const name of new Set(requirements.flat())) schemes[name] = schemeHeader(doc, name);

  return {
    validators: Object.keys(exportsMap).length,
    code: `${standaloneValidators(doc, id, exportsMap, coreSchemas)}
import type { GeneratedClientContract } from "./validator-types.js";

export const ${exportName}: GeneratedClientContract = {
  operation: ${JSON.stringify(`GET ${path}`)},
  title: ${JSON.stringify(doc.info.title)},
  successes: [
${successes.join("\n")}
  ],
  security: { requirements: ${JSON.stringify(requirements)}, schemes: ${JSON.stringify(schemes)} },
};
`,
  };
}

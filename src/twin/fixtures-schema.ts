/**
 * The JSON Schema of twin fixtures, built from the four specs: status values, 5xx statuses,
 * named examples, BTC Direct's requirement schema and Myaza's id pattern all come from the spec,
 * so a spec change reaches the schema through `npm run generate`
 * (generated/twin-fixtures.schema.json, exported as `kyc-status-contracts/twin/fixtures.schema.json`).
 */
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { getAtPointer, listOperations, listResponses, resolve } from "../spec/walk.js";
import { isObject } from "../json.js";

type Json = Record<string, unknown>;

export const FIXTURES_SCHEMA_ID = "https://kyc-status-contracts.local/twin/fixtures.schema.json";
/** Bounds on what a fixture may ask for (waits are bounded like everything from outside). */
const MAX_LATENCY_MS = 60_000;
export const BTC_DIRECT_IDENTIFIER = "^[A-Za-z0-9-]{36,255}$";

/** The enum of the `status` field at `path` in the schema of the operation's first 2xx response (oneOf branches merged). */
function statusEnum(doc: OpenApiDocument, path: readonly string[]): string[] {
  const op = listOperations(doc)[0]!;
  const ok = listResponses(doc, op).find((r) => r.status.startsWith("2"));
  const pointer = ok?.media[0]?.schemaPointer;
  if (!pointer) throw new Error(`${doc.info.title}: no 2xx schema to read status values from.`);
  const values = new Set<string>();
  const walk = (ptr: string, rest: readonly string[]): void => {
    const { value, pointer: at } = resolve(doc, ptr);
    if (!isObject(value)) return;
    for (const key of ["oneOf", "anyOf", "allOf"]) {
      if (Array.isArray(value[key])) (value[key] as unknown[]).forEach((_, i) => walk(`${at}/${key}/${i}`, rest));
    }
    if (rest.length === 0) {
      if (Array.isArray(value.enum)) for (const v of value.enum) values.add(String(v));
      return;
    }
    if (isObject(value.properties) && rest[0]! in value.properties) walk(`${at}/properties/${rest[0]}`, rest.slice(1));
  };
  walk(pointer, path);
  if (values.size === 0) throw new Error(`${doc.info.title}: no status enum at ${path.join(".")}.`);
  return [...values];
}

function statusesOf(doc: OpenApiDocument): { status: number; examples: string[] }[] {
  const op = listOperations(doc)[0]!;
  return listResponses(doc, op)
    .filter((r) => /^\d{3}$/.test(r.status))
    .map((r) => ({ status: Number(r.status), examples: r.media.flatMap((m) => m.examples.map((e) => e.name)) }));
}

const str = { type: "string", minLength: 1 } as const;
const count = { type: "integer", minimum: 1 } as const;
const description = (text: string) => ({ description: text });

function faultSchema(doc: OpenApiDocument): Json {
  const fiveXx = statusesOf(doc).filter((s) => s.status >= 500);
  return {
    type: "object",
    additionalProperties: false,
    ...description("A fault: latency, a documented 5xx, a hung response, a connection reset or a malformed body. onCall: N fires on the Nth call only (else on every call)."),
    properties: {
      onCall: count,
      latencyMs: { type: "integer", minimum: 0, maximum: MAX_LATENCY_MS },
      status: { enum: fiveXx.map((s) => s.status) },
      example: { enum: [...new Set(fiveXx.flatMap((s) => s.examples))] },
      hang: { const: true },
      reset: { const: true },
      malformed: { const: true },
    },
  };
}

/** Record schema, and the step schema (same fields, all optional, plus a trigger). */
function recordSchemas(fields: Json, required: string[], faultRef: string): { record: Json; step: Json } {
  const step = {
    type: "object",
    additionalProperties: false,
    ...description("A transition: exactly one of afterCalls (applies from the call after the Nth for this id) or afterMs (since the record was set); its fields replace the record's."),
    properties: { ...fields, afterCalls: { type: "integer", minimum: 0 }, afterMs: { type: "integer", minimum: 0 } },
  };
  const record = {
    type: "object",
    additionalProperties: false,
    required,
    properties: { ...fields, then: { type: "array", items: step }, faults: { type: "array", items: { $ref: faultRef } } },
  };
  return { record, step };
}

function providerSection(slug: ProviderSlug, doc: OpenApiDocument): { section: Json; defs: Json } {
  const faultRef = `#/$defs/${slug}-fault`;
  const defs: Json = { [`${slug}-fault`]: faultSchema(doc) };
  const faults = { type: "array", items: { $ref: faultRef } };
  const recordRef = `#/$defs/${slug}-record`;
  const records = (extra: Json = {}) => ({ type: "object", additionalProperties: { $ref: recordRef }, ...extra });
  const tokenList = { type: "array", items: str };
  let section: Json;
  if (slug === "proof") {
    const { record } = recordSchemas({ status: { enum: statusEnum(doc, ["status"]) } }, ["status"], faultRef);
    defs[`${slug}-record`] = record;
    section = { required: ["tokens", "records"], properties: { tokens: tokenList, records: records(), faults } };
  } else if (slug === "btc-direct") {
    const requirement = getAtPointer(doc, "/components/schemas/VerificationRequirement");
    const ok = statusesOf(doc).find((s) => s.status === 200);
    const { record } = recordSchemas({ example: { enum: ok?.examples ?? [] }, requirements: { type: "array", items: requirement } }, [], faultRef);
    defs[`${slug}-record`] = record;
    section = {
      required: ["apiKeys", "records"],
      properties: {
        apiKeys: tokenList,
        partnerTokens: { type: "object", additionalProperties: { type: "object", additionalProperties: false, properties: { expired: { type: "boolean" } } } },
        userTokens: {
          type: "object",
          additionalProperties: { type: "object", additionalProperties: false, required: ["user"], properties: { user: { type: "string", pattern: BTC_DIRECT_IDENTIFIER }, expired: { type: "boolean" } } },
        },
        records: records({ propertyNames: { pattern: BTC_DIRECT_IDENTIFIER } }),
        faults,
      },
    };
  } else if (slug === "nyota-imara") {
    const text = { type: "string" };
    const dateTime = { type: "string", format: "date-time" };
    const { record } = recordSchemas(
      { status: { enum: statusEnum(doc, ["data", "status"]) }, rejectionReason: text, name: text, email: { type: "string", format: "email" }, idNumber: text, submittedAt: dateTime, verifiedAt: dateTime },
      ["status"],
      faultRef,
    );
    defs[`${slug}-record`] = record;
    section = {
      required: ["tokens", "records"],
      properties: {
        tokens: {
          type: "object",
          additionalProperties: {
            type: "object",
            additionalProperties: false,
            required: ["user"],
            properties: { user: str, readOthers: { type: "boolean" }, expired: { type: "boolean" } },
          },
        },
        records: records({ propertyNames: { not: { const: "me" } } }),
        faults,
      },
    };
  } else {
    const idSchema = resolve(doc, "/components/schemas/VerificationId").value;
    const pattern = isObject(idSchema) && typeof idSchema.pattern === "string" ? idSchema.pattern : undefined;
    const dateTime = { type: "string", format: "date-time" };
    const { record } = recordSchemas(
      { organization: str, status: { enum: statusEnum(doc, ["status"]) }, reasonCode: str, reason: str, createdAt: dateTime, completedAt: dateTime, assuranceLevel: str },
      ["organization", "status"],
      faultRef,
    );
    // Not in transitions: where a verification's events go does not change with its status.
    (record.properties as Json).webhooks = {
      type: "object",
      additionalProperties: false,
      required: ["endpoints", "secret"],
      ...description("Webhook endpoints of this verification and their signing secret: each status change is POSTed to every endpoint as the matching signed event."),
      properties: { endpoints: { type: "array", minItems: 1, items: { type: "string", pattern: "^https?://[^\\s]+$" } }, secret: str },
    };
    defs[`${slug}-record`] = record;
    section = {
      required: ["keys", "records"],
      properties: {
        keys: { type: "object", minProperties: 1, additionalProperties: str },
        rateLimit: { type: "object", additionalProperties: false, required: ["limit", "windowMs"], properties: { limit: count, windowMs: count } },
        records: records(pattern ? { propertyNames: { pattern } } : {}),
        faults,
      },
    };
  }
  return { section: { type: "object", additionalProperties: false, ...section }, defs };
}

/** The fixtures schema for these specs (JSON Schema 2020-12): a section per provider given. */
export function buildFixturesSchema(docs: Readonly<Partial<Record<ProviderSlug, OpenApiDocument>>>): Json {
  const properties: Json = { $schema: { type: "string" } };
  const defs: Json = {};
  for (const [slug, doc] of Object.entries(docs) as [ProviderSlug, OpenApiDocument | undefined][]) {
    if (!doc) continue;
    const { section, defs: d } = providerSection(slug, doc);
    properties[slug] = section;
    Object.assign(defs, d);
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: FIXTURES_SCHEMA_ID,
    title: "kyc-status-contracts twin fixtures",
    description: "Credentials and records of the provider twins (kyc-contracts mock --engine twin --fixtures FILE, startTwins({ fixtures })). A provider left out gets the built-in defaults.",
    type: "object",
    additionalProperties: false,
    properties,
    $defs: defs,
  };
}

/**
 * What the conformance checker needs to check one documented response, worked out once per
 * operation and status instead of on every exchange: each header's spellings, schema and type
 * coercion; each media type's lower-cased name, whether it is JSON, its schema and union plan,
 * its examples' JSON texts and coverage keys. Schemas are still compiled on first use.
 */
import { mediaTypeMatches, mediaTypeOf } from "../http/media-type.js";
import type { OpenApiDocument } from "../spec/load.js";
import { unionPlan, type UnionPlan } from "../spec/union.js";
import type { CompiledValidator } from "../spec/violations.js";
import { getAtPointer, type HeaderInfo, type MediaTypeInfo, type NamedExample, type ResponseInfo } from "../spec/walk.js";

/** Compiles (once) the schema at a pointer of the document. */
export type SchemaCompiler = (schemaPointer: string) => CompiledValidator;

export interface HeaderPlan {
  name: string;
  /** The usual spelling (`Content-Type`), tried before a scan of a plain-object header set. */
  canonical: string;
  lower: string;
  /** `/headers/<name>`, the pointer of its violations. */
  pointer: string;
  required: boolean;
  /** The header's schema, compiled on first use; undefined when it has none. */
  schema: (() => CompiledValidator) | undefined;
  /** Header values arrive as text: the schema's non-text types they are coerced to. */
  numeric: boolean;
  boolean: boolean;
}

export interface MediaPlan {
  info: MediaTypeInfo;
  /** The documented media type (or range), lower-cased. */
  mediaType: string;
  json: boolean;
  schema: MediaSchema | undefined;
  /** Index of the first example whose JSON text is exactly this (mock targets serve them verbatim). */
  exampleByText: Map<string, number>;
  /** The coverage key of each example, by index. */
  exampleKeys: string[];
  /** Whether the checker has seen each example (so its coverage set is added to once, not per exchange). */
  seenExamples: boolean[];
}

export interface MediaSchema {
  pointer: string;
  /** Compiled on first use. */
  validate: () => CompiledValidator;
  /** How its tagged unions narrow violations (src/spec/union.ts), worked out on first use. */
  union: () => UnionPlan;
  /** The examples it rejects, found on first need: only these can equal a body it rejects. */
  rejectedExamples: () => NamedExample[];
}

export interface ResponsePlan {
  response: ResponseInfo;
  /** The coverage key of this operation and status. */
  statusKey: string;
  /** Whether the checker has seen this status (so its coverage set is added to once, not per exchange). */
  seen: boolean;
  headers: HeaderPlan[];
  media: MediaPlan[];
  /** The documented media types, for messages. */
  documentedTypes: string;
  /** The media type matching a Content-Type value as sent (null: none), remembered per value. */
  mediaFor(contentType: string | null): MediaPlan | undefined;
}

const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json$/i;
/** Whether a documented media type (or range: `application/*`) is JSON. */
const isJsonMedia = (mediaType: string): boolean => JSON_MEDIA.test(mediaType.replace("*", "json"));

/** `content-type` → `Content-Type`. */
export const canonicalName = (name: string): string => name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());

/** Distinct Content-Type values remembered per response; past it they are matched each time (bounded memory). */
const MAX_CONTENT_TYPES = 32;

/** Compiles `schemaPointer` the first time the returned function is called. */
function lazySchema(compile: SchemaCompiler, schemaPointer: string): () => CompiledValidator {
  let fn: CompiledValidator | undefined;
  return () => (fn ??= compile(schemaPointer));
}

function headerPlan(spec: OpenApiDocument, compile: SchemaCompiler, header: HeaderInfo): HeaderPlan {
  const schema = header.schemaPointer ? (getAtPointer(spec, header.schemaPointer) as { type?: unknown } | undefined) : undefined;
  const types: unknown[] = Array.isArray(schema?.type) ? schema.type : [schema?.type];
  return {
    name: header.name,
    canonical: canonicalName(header.name),
    lower: header.name.toLowerCase(),
    pointer: `/headers/${header.name}`,
    required: header.required,
    schema: header.schemaPointer ? lazySchema(compile, header.schemaPointer) : undefined,
    numeric: types.includes("integer") || types.includes("number"),
    boolean: types.includes("boolean"),
  };
}

function mediaPlan(spec: OpenApiDocument, compile: SchemaCompiler, info: MediaTypeInfo, exampleKey: (name: string) => string): MediaPlan {
  const exampleByText = new Map<string, number>();
  info.examples.forEach((e, i) => {
    const text = e.value === undefined ? "" : JSON.stringify(e.value);
    if (!exampleByText.has(text)) exampleByText.set(text, i);
  });
  return {
    info,
    mediaType: info.mediaType.toLowerCase(),
    json: isJsonMedia(info.mediaType),
    schema: info.schemaPointer ? mediaSchema(spec, compile, info.schemaPointer, info.examples) : undefined,
    exampleByText,
    exampleKeys: info.examples.map((e) => exampleKey(e.name)),
    seenExamples: info.examples.map(() => false),
  };
}

function mediaSchema(spec: OpenApiDocument, compile: SchemaCompiler, pointer: string, examples: NamedExample[]): MediaSchema {
  const validate = lazySchema(compile, pointer);
  let union: UnionPlan | undefined;
  let rejected: NamedExample[] | undefined;
  return {
    pointer,
    validate,
    union: () => (union ??= unionPlan(spec, pointer)),
    // Validity depends on the JSON value only, so an example the schema accepts never equals a body it rejects.
    rejectedExamples: () => (rejected ??= examples.filter((e) => e.value !== undefined && !validate()(e.value))),
  };
}

/** The plan of one documented response; `key` gives the coverage keys (status, and status + example name). */
export function responsePlan(spec: OpenApiDocument, compile: SchemaCompiler, response: ResponseInfo, key: (example?: string) => string): ResponsePlan {
  const media = response.media.map((m) => mediaPlan(spec, compile, m, key));
  const byContentType = new Map<string, MediaPlan | null>();
  return {
    response,
    statusKey: key(),
    seen: false,
    headers: response.headers.map((h) => headerPlan(spec, compile, h)),
    media,
    documentedTypes: response.media.map((m) => m.mediaType).join(" or "),
    mediaFor(contentType) {
      // No header and an empty one have the same essence (""), so they share an entry.
      const raw = contentType ?? "";
      let found = byContentType.get(raw);
      if (found === undefined) {
        const essence = mediaTypeOf(raw);
        found = media.find((m) => mediaTypeMatches(m.mediaType, essence)) ?? null;
        if (byContentType.size < MAX_CONTENT_TYPES) byContentType.set(raw, found);
      }
      return found ?? undefined;
    },
  };
}

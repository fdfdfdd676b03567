/**
 * JSON Schema 2020-12 validation of values against schemas inside a bundled OpenAPI document.
 * Each schema is compiled once, where it lives in the document (so its `#/components/...`
 * references resolve), and cached.
 */
import { Ajv2020, type Options, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { OpenApiDocument } from "./load.js";
import { validateWith, type ValidationResult } from "./violations.js";

export type { SchemaViolation, ValidationResult } from "./violations.js";

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * OpenAPI keywords and this project's extensions that may appear inside schemas and are
 * annotations, not validation (`x-lifecycle`: allowed status transitions, see
 * src/conformance/lifecycle.ts).
 */
export const OPENAPI_SCHEMA_KEYWORDS = ["example", "discriminator", "xml", "externalDocs", "x-lifecycle"];

export interface SpecValidator {
  /** Validates `value` against the schema at `schemaPointer` (a JSON pointer into the document). */
  validate(schemaPointer: string, value: unknown): ValidationResult;
}

/** Ajv for OpenAPI 3.1 schemas; `extra` adds options (e.g. `verbose` to see the failing value). */
export function createAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true, validateFormats: true, ...extra });
  addFormats(ajv);
  ajv.addVocabulary(OPENAPI_SCHEMA_KEYWORDS);
  return ajv;
}

let documentCounter = 0;

/**
 * One Ajv instance holding `doc`; the function it returns gives the bare compiled Ajv function of
 * the schema at a pointer (also the bench's baseline for what validating a body costs).
 */
export function specSchemaCompiler(doc: OpenApiDocument): (schemaPointer: string) => ValidateFunction {
  const ajv = createAjv();
  const id = `urn:kyc-status-contracts:spec:${documentCounter++}`;
  // The whole document is registered as one schema resource so `#/components/...` refs resolve.
  // Its top-level OpenAPI fields are declared as (non-validating) keywords for Ajv's strict mode,
  // and it is not checked against the meta-schema, since it is not itself a schema.
  const documentKeys = Object.keys(doc).filter((k) => !OPENAPI_SCHEMA_KEYWORDS.includes(k) && !ajv.getKeyword(k));
  ajv.addVocabulary(documentKeys);
  ajv.addSchema({ ...doc, $id: id }, undefined, undefined, false);
  return (schemaPointer) => {
    const found = ajv.getSchema(`${id}#${schemaPointer}`);
    if (!found) throw new Error(`No schema at ${schemaPointer} in ${doc.info.title}.`);
    return found;
  };
}

/** `specSchemaCompiler` with each schema compiled on first use and kept. */
export function cachedSchemaCompiler(doc: OpenApiDocument): (schemaPointer: string) => ValidateFunction {
  const compile = specSchemaCompiler(doc);
  const compiled = new Map<string, ValidateFunction>();
  return (schemaPointer) => {
    let fn = compiled.get(schemaPointer);
    if (!fn) {
      fn = compile(schemaPointer);
      compiled.set(schemaPointer, fn);
    }
    return fn;
  };
}

export function createSpecValidator(doc: OpenApiDocument): SpecValidator {
  const compiled = cachedSchemaCompiler(doc);
  return { validate: (schemaPointer, value) => validateWith(compiled(schemaPointer), value) };
}

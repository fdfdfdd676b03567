export { loadSpec, specDocument, type OpenApiDocument } from "./load.js";
export { bundledSpecPath, sourceSpecPath, packageRoot } from "./paths.js";
export { createSpecValidator, type SpecValidator, type SchemaViolation, type ValidationResult } from "./validator.js";
export {
  listOperations,
  listResponses,
  listWebhooks,
  type WebhookOperation,
  resolve,
  getAtPointer,
  escapePointer,
  type HttpMethod,
  type Operation,
  type ResponseInfo,
  type MediaTypeInfo,
  type NamedExample,
  type HeaderInfo,
  type Located,
} from "./walk.js";
export { listScenarios, type Scenario } from "./scenarios.js";
export { securityRequirements, credentialHeaders } from "./security.js";
export { listParameters, parameterExample, type Parameter } from "./parameters.js";

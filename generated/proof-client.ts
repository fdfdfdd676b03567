// generated — do not edit. Source: openapi/proof/openapi.yaml (GET /widget/users/{partner_user_id}/kyc-status, strict fields from src/clients/operations.ts). Regenerate with `npm run generate`.
// @ts-nocheck — Ajv standalone code; the exports at the end are typed.

const validate_0 = validate21;const schema32 = {"type":"object","required":["partner_user_id","status"],"properties":{"partner_user_id":{"type":"string"},"status":{"$ref":"#/components/schemas/KycStatus"}}};const schema33 = {"type":"string","enum":["not_started","pending","verified","failed"]};function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate21.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.partner_user_id === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "partner_user_id"},message:"must have required property '"+"partner_user_id"+"'"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.status === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.partner_user_id !== undefined){if(typeof data.partner_user_id !== "string"){const err2 = {instancePath:instancePath+"/partner_user_id",schemaPath:"#/properties/partner_user_id/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.status !== undefined){let data1 = data.status;if(typeof data1 !== "string"){const err3 = {instancePath:instancePath+"/status",schemaPath:"#/components/schemas/KycStatus/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(!((((data1 === "not_started") || (data1 === "pending")) || (data1 === "verified")) || (data1 === "failed"))){const err4 = {instancePath:instancePath+"/status",schemaPath:"#/components/schemas/KycStatus/enum",keyword:"enum",params:{allowedValues: schema33.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}else {const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}validate21.errors = vErrors;return errors === 0;}validate21.evaluated = {"props":{"partner_user_id":true,"status":true},"dynamicProps":false,"dynamicItems":false};const core_0 = validate22;const schema34 = {"type":"object","properties":{"status":{"type":"string"}},"required":["status"],"$id":"urn:kyc-status-contracts:client:proofClientContract:core:0"};function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){/*# sourceURL="urn:kyc-status-contracts:client:proofClientContract:core:0" */;let vErrors = null;let errors = 0;const evaluated0 = validate22.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.status === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.status !== undefined){if(typeof data.status !== "string"){const err1 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}}else {const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}validate22.errors = vErrors;return errors === 0;}validate22.evaluated = {"props":{"status":true},"dynamicProps":false,"dynamicItems":false};
/** One schema violation, as Ajv reports it (`instancePath` is a JSON pointer into the checked value). */
export interface GeneratedSchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A compiled validator: returns whether `data` is valid; after a failure, `errors` lists why. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: GeneratedSchemaError[] | null;
}

/** src/spec/union.ts `UnionPlan`: the tagged unions of a body schema, as data. */
export interface GeneratedUnionPlan {
  pointer: string;
  union?: { property: string; branches: { values: unknown[]; plan: GeneratedUnionPlan }[] };
  properties?: { name: string; plan: GeneratedUnionPlan }[];
}

/** The checks of one success body schema. */
export interface GeneratedBodyContract {
  /** Lower case (`application/json`). */
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
  /** `GET /v1/kyc/{userId}`, for messages. */
  operation: string;
  /** The spec's title, for messages. */
  title: string;
  /** Documented 2xx responses: media types (lower case) and the checks of each body with a schema. */
  successes: readonly { status: number; mediaTypes: readonly string[]; bodies: readonly GeneratedBodyContract[] }[];
  /** The operation's security requirements (scheme names) and the header each scheme sends. */
  security: { requirements: readonly (readonly string[])[]; schemes: Readonly<Record<string, { header: string; prefix: string }>> };
}

export const proofClientContract: GeneratedClientContract = {
  operation: "GET /widget/users/{partner_user_id}/kyc-status",
  title: "Proof KYC status API",
  successes: [
    { status: 200, mediaTypes: ["application/json"], bodies: [{ mediaType: "application/json", pointer: "/paths/~1widget~1users~1{partner_user_id}~1kyc-status/get/responses/200/content/application~1json/schema", core: core_0, validators: { "/paths/~1widget~1users~1{partner_user_id}~1kyc-status/get/responses/200/content/application~1json/schema": validate_0 }, narrowing: {"pointer":"/paths/~1widget~1users~1{partner_user_id}~1kyc-status/get/responses/200/content/application~1json/schema"} }] },
  ],
  security: { requirements: [["clientToken"]], schemes: {"clientToken":{"header":"Authorization","prefix":"Bearer "}} },
};

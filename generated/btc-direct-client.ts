// generated — do not edit. Source: openapi/btc-direct/openapi.yaml (GET /api/v2/user/verification-status, strict fields from src/clients/operations.ts). Regenerate with `npm run generate`.
// @ts-nocheck — Ajv standalone code; the exports at the end are typed.

const validate_0 = validate21;const schema32 = {"type":"array","items":{"$ref":"#/components/schemas/VerificationRequirement"}};const schema33 = {"type":"object","required":["name","status"],"properties":{"name":{"type":"string"},"status":{"type":"string"},"type":{"type":"string"},"data":{"type":["object","array"],"items":{}}}};function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate21.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.name === undefined){const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/components/schemas/VerificationRequirement/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data0.status === undefined){const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/components/schemas/VerificationRequirement/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data0.name !== undefined){if(typeof data0.name !== "string"){const err2 = {instancePath:instancePath+"/" + i0+"/name",schemaPath:"#/components/schemas/VerificationRequirement/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data0.status !== undefined){if(typeof data0.status !== "string"){const err3 = {instancePath:instancePath+"/" + i0+"/status",schemaPath:"#/components/schemas/VerificationRequirement/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data0.type !== undefined){if(typeof data0.type !== "string"){const err4 = {instancePath:instancePath+"/" + i0+"/type",schemaPath:"#/components/schemas/VerificationRequirement/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data0.data !== undefined){let data4 = data0.data;if(!data4 || typeof data4 != "object"){const err5 = {instancePath:instancePath+"/" + i0+"/data",schemaPath:"#/components/schemas/VerificationRequirement/properties/data/type",keyword:"type",params:{type: schema33.properties.data.type},message:"must be object,array"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath:instancePath+"/" + i0,schemaPath:"#/components/schemas/VerificationRequirement/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}validate21.errors = vErrors;return errors === 0;}validate21.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};const core_0 = validate22;const schema34 = {"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"status":{"type":"string"}},"required":["name","status"]},"$id":"urn:kyc-status-contracts:client:btcDirectClientContract:core:0"};function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){/*# sourceURL="urn:kyc-status-contracts:client:btcDirectClientContract:core:0" */;let vErrors = null;let errors = 0;const evaluated0 = validate22.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.name === undefined){const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data0.status === undefined){const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data0.name !== undefined){if(typeof data0.name !== "string"){const err2 = {instancePath:instancePath+"/" + i0+"/name",schemaPath:"#/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data0.status !== undefined){if(typeof data0.status !== "string"){const err3 = {instancePath:instancePath+"/" + i0+"/status",schemaPath:"#/items/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}}else {const err4 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}else {const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}validate22.errors = vErrors;return errors === 0;}validate22.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};
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

export const btcDirectClientContract: GeneratedClientContract = {
  operation: "GET /api/v2/user/verification-status",
  title: "BTC Direct user verification status API",
  successes: [
    { status: 200, mediaTypes: ["application/json"], bodies: [{ mediaType: "application/json", pointer: "/paths/~1api~1v2~1user~1verification-status/get/responses/200/content/application~1json/schema", core: core_0, validators: { "/paths/~1api~1v2~1user~1verification-status/get/responses/200/content/application~1json/schema": validate_0 }, narrowing: {"pointer":"/paths/~1api~1v2~1user~1verification-status/get/responses/200/content/application~1json/schema"} }] },
  ],
  security: { requirements: [["apiKey","userIdentifier"],["apiKey","userToken"],["partnerToken","userIdentifier"],["partnerToken","userToken"]], schemes: {"apiKey":{"header":"X-Api-Key","prefix":""},"userIdentifier":{"header":"User-Identifier","prefix":""},"userToken":{"header":"User-Authorization","prefix":""},"partnerToken":{"header":"Authorization","prefix":"Bearer "}} },
};

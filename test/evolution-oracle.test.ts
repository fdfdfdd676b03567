/**
 * An independent oracle for the response rules: TypeScript. For each pair of specs, the response
 * body types are generated with openapi-typescript (as generated/<slug>.ts is), and the compiler
 * decides whether the NEW body type is assignable to the OLD one. That must hold exactly when
 * `diffSpecs` reports no breaking response change: a consumer typed against the old spec keeps
 * compiling against what the new one allows.
 *
 * One ts.Program checks every pair. The pairs are the schema rules whose effect a TypeScript type
 * can carry, placed in a response, plus edits of the real specs. Left out, because the generated
 * types do not carry them: `pattern`, `format`, length and range bounds, `default` and other
 * annotations (they are `string`/`number` either way), `integer` vs `number`, and the status-level
 * rules (a new status code adds a key TypeScript happily ignores).
 */
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { diffSpecs } from "../src/evolution/diff.js";
import { specDocument, type OpenApiDocument } from "../src/spec/load.js";
import type { ProviderSlug } from "../src/providers.js";
import { templateCases } from "./fixtures/diff-cases.js";

type Json = Record<string, unknown>;

interface Pair {
  name: string;
  provider: ProviderSlug;
  old: OpenApiDocument;
  new: OpenApiDocument;
  /** The response whose body types are compared. */
  path: string;
  status: string;
}

const visibleToTypes = new Set([
  "type-widened",
  "type-narrowed",
  "enum-value-added",
  "enum-value-removed",
  "enum-removed",
  "enum-added",
  "const-removed",
  "const-added",
  "const-changed",
  "property-added-optional",
  "property-added-required",
  "property-removed",
  "optional-property-removed",
  "property-became-optional",
  "property-became-required",
  "additional-properties-opened",
  "additional-properties-closed",
  "branch-added",
  "branch-removed",
  "description-changed",
  "example-changed",
]);

const responseDoc = (schema: unknown): OpenApiDocument =>
  ({
    openapi: "3.1.0",
    info: { title: "t", version: "1.0.0" },
    paths: { "/things/{id}": { get: { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "ok", content: { "application/json": { schema } } } } } } },
  });

/** A real spec edited through its JSON text (one replacement that must apply). */
const edited = (provider: ProviderSlug, from: string, to: string): OpenApiDocument => {
  const text = JSON.stringify(specDocument(provider));
  if (!text.includes(from)) throw new Error(`${provider}: ${from} not found`);
  return JSON.parse(text.replace(from, to)) as OpenApiDocument;
};
const withSchema = (provider: ProviderSlug, name: string, change: (schema: Json) => void): OpenApiDocument => {
  const doc = structuredClone(specDocument(provider)) as OpenApiDocument & { components: { schemas: Record<string, Json> } };
  change(doc.components.schemas[name] as Json);
  return doc;
};

const mainPath: Record<ProviderSlug, string> = {
  proof: "/widget/users/{partner_user_id}/kyc-status",
  "btc-direct": "/api/v2/user/verification-status",
  "nyota-imara": "/v1/kyc/{userId}",
  myaza: "/api/kyc/status/{verificationId}",
};

const real = (name: string, provider: ProviderSlug, next: OpenApiDocument): Pair => ({ name, provider, old: specDocument(provider), new: next, path: mainPath[provider], status: "200" });

const pairs: Pair[] = [
  ...templateCases
    .filter((c) => c.kind === "schema" && visibleToTypes.has(c.key))
    .map((c): Pair => ({ name: `response-${c.key}`, provider: "proof", old: responseDoc(c.old), new: responseDoc(c.new), path: "/things/{id}", status: "200" })),
  real("proof: a new raw status", "proof", edited("proof", '"enum":["not_started","pending","verified","failed"]', '"enum":["not_started","pending","verified","failed","expired"]')),
  real("proof: a status removed", "proof", edited("proof", '"enum":["not_started","pending","verified","failed"]', '"enum":["not_started","pending","verified"]')),
  real(
    "myaza: a new status branch",
    "myaza",
    (() => {
      const doc = structuredClone(specDocument("myaza")) as OpenApiDocument & { components: { schemas: Record<string, Json & { oneOf?: unknown[]; properties?: Record<string, Json> }> } };
      const expired = structuredClone(doc.components.schemas.PendingVerificationStatus) as Json & { properties: Record<string, Json> };
      expired.properties.status = { type: "string", enum: ["expired"] };
      doc.components.schemas.ExpiredVerificationStatus = expired;
      doc.components.schemas.VerificationStatusResponse?.oneOf?.push({ $ref: "#/components/schemas/ExpiredVerificationStatus" });
      return doc;
    })(),
  ),
  real(
    "myaza: completedAt no longer required on verified",
    "myaza",
    withSchema("myaza", "VerifiedVerificationStatus", (s) => void (s.required = (s.required as string[]).filter((r) => r !== "completedAt"))),
  ),
  real(
    "myaza: an optional property on pending",
    "myaza",
    withSchema("myaza", "PendingVerificationStatus", (s) => void ((s.properties as Json).riskScore = { type: "number" })),
  ),
  real(
    "btc-direct: the requirement status becomes an enum (narrower)",
    "btc-direct",
    withSchema("btc-direct", "VerificationRequirement", (s) => void ((s.properties as Record<string, Json>).status!.enum = ["missing", "open", "pending"])),
  ),
  real(
    "btc-direct: requirement data may also be a string (wider)",
    "btc-direct",
    withSchema("btc-direct", "VerificationRequirement", (s) => void ((s.properties as Record<string, Json>).data!.type = ["object", "array", "string"])),
  ),
  real("nyota-imara: a description rewritten", "nyota-imara", edited("nyota-imara", '"description":"', '"description":"Rewritten. ')),
];

/** The body type of a response, from generated `paths`. */
const bodyType = (alias: string, p: Pair): string => `${alias}[${JSON.stringify(p.path)}]["get"]["responses"][${p.status}]["content"]["application/json"]`;

/** "Type X is not assignable to type Y" (2322) and "property missing" (2739, 2740, 2741), in the check file. */
const notAssignable = /check\.ts: TS(2322|2739|2740|2741) /;

interface Verdict {
  assignable: boolean;
  diagnostics: string[];
  breaking: string[];
}

const verdicts = new Map<string, Verdict>();

beforeAll(async () => {
  const files = new Map<string, string>();
  // The unedited real specs are the old side of several pairs: generated once each.
  const generated = new Map<OpenApiDocument, Promise<string>>();
  const generate = (doc: OpenApiDocument): Promise<string> => {
    let code = generated.get(doc);
    if (!code) generated.set(doc, (code = openapiTS(doc, { silent: true }).then(astToString)));
    return code;
  };
  for (const [i, p] of pairs.entries()) {
    files.set(`/oracle/p${i}/old.ts`, await generate(p.old));
    files.set(`/oracle/p${i}/new.ts`, await generate(p.new));
    files.set(
      `/oracle/p${i}/check.ts`,
      [`import type { paths as O } from "./old";`, `import type { paths as N } from "./new";`, `declare const next: ${bodyType("N", p)};`, `export const old: ${bodyType("O", p)} = next;`, ""].join("\n"),
    );
  }
  const options: ts.CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [] };
  const host = ts.createCompilerHost(options);
  const base = { getSourceFile: host.getSourceFile.bind(host), fileExists: host.fileExists.bind(host), readFile: host.readFile.bind(host), directoryExists: host.directoryExists?.bind(host) };
  host.getSourceFile = (name, language, ...rest) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, language) : base.getSourceFile(name, language, ...rest));
  host.fileExists = (name) => files.has(name) || base.fileExists(name);
  host.readFile = (name) => files.get(name) ?? base.readFile(name);
  host.directoryExists = (name) => name.startsWith("/oracle") || (base.directoryExists?.(name) ?? true);
  const program = ts.createProgram([...files.keys()], options, host);
  for (const [i, p] of pairs.entries()) {
    const diagnostics = [`/oracle/p${i}/old.ts`, `/oracle/p${i}/new.ts`, `/oracle/p${i}/check.ts`].flatMap((f) =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(f)).map((d) => `${f}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0]}`),
    );
    const breaking = diffSpecs(p.old, p.new, { provider: p.provider })
      .changes.filter((c) => c.direction === "response" && c.level === "breaking")
      .map((c) => c.id);
    verdicts.set(p.name, { assignable: diagnostics.length === 0, diagnostics, breaking });
  }
}, 120_000);

describe("TypeScript agrees with the response rules: new body assignable to old ⇔ no breaking response change", () => {
  for (const p of pairs) {
    it(p.name, () => {
      const v = verdicts.get(p.name)!;
      // assert the only compiler errors are the assignment's, never a broken generated file
      expect(v.diagnostics.filter((d) => !notAssignable.test(d))).toEqual([]);
      // assert the two verdicts agree
      expect({ assignable: v.assignable, breaking: v.breaking }).toEqual({ assignable: v.breaking.length === 0, breaking: v.breaking });
    });
  }
  it("the pairs hold both verdicts (the oracle can disagree either way)", () => {
    const all = [...verdicts.values()];
    expect(all.filter((v) => v.assignable).length).toBeGreaterThan(5);
    expect(all.filter((v) => !v.assignable).length).toBeGreaterThan(5);
  });
});

/**
 * `npm run generate`: writes generated/ from the specs.
 *
 * - generated/<slug>.ts: openapi-typescript types for every API listed in redocly.yaml
 *   (`apis.<slug>.x-openapi-ts.output`).
 * - generated/<slug>-spec.ts: the bundled spec as a plain data module (`export default`), so
 *   code that needs the spec at run time (clients, twins, checkers) reads no YAML and no file.
 * - generated/btc-direct-errors.ts: BTC Direct's error catalogue, derived from the named
 *   examples of the spec's error responses (the catalogue is written once, in the spec), and
 *   the same catalogue as the table in docs/clients-and-status.md (between its catalogue markers).
 * - docs/clients-and-status.md's "Status normalization" table, rendered from the mapping in src/status.ts.
 * - generated/validator-types.ts: the types of the generated validator modules below, written once.
 * - generated/myaza-webhooks.ts: build-time validators (Ajv standalone code) of the Myaza spec's
 *   webhook bodies and headers, used by `verifyMyazaWebhook` and the receiver check at run time
 *   without YAML, Ajv's compiler or `eval` (scripts/standalone-validators.ts).
 * - generated/<slug>-client.ts: each typed client's contract, from the same generator: Ajv
 *   standalone validators of the success bodies (full schema, the strict core of the tolerant
 *   check, tagged-union narrowing), media types and credential headers, so a client needs no
 *   YAML, no spec document, no Ajv compiler and no `eval` at run time (src/clients/contract.ts).
 * - docs/twins.md's mock scenarios table (every named example and its Prefer header), between its
 *   mock-scenarios markers. Which guide holds which section: scripts/generated-section.ts.
 * - docs/cli.md's command reference: every command's summary and `--help` (scripts/cli-reference.ts).
 * - docs/contract-evolution.md's diff rules tables, from the registry in src/evolution/rules.ts
 *   (scripts/diff-rules-table.ts).
 * - generated/twin-fixtures.schema.json: the JSON Schema of twin fixtures (status values, 5xx
 *   statuses, example names, BTC Direct's requirement schema, Myaza's id pattern from the specs),
 *   exported as `kyc-status-contracts/twin/fixtures.schema.json`.
 *
 * openapi-typescript is driven programmatically rather than through its CLI: the CLI lints with
 * the project's redocly.yaml rules using its own, older Redocly core, whose example validator
 * cannot resolve `$ref`s across split spec files. The specs are linted by `npm run lint` instead.
 */
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, createConfig } from "@redocly/openapi-core";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import { providerSlugs, type ProviderSlug } from "../src/providers.js";
import type { OpenApiDocument } from "../src/spec/load.js";
import { deriveBtcDirectCatalogue, renderBtcDirectCatalogue, renderCatalogueMarkdown } from "./btc-direct-catalogue.js";
import { renderStatusTableMarkdown } from "../src/status.js";
import { renderScenariosMarkdown } from "./mock-scenarios-table.js";
import { renderCliReference } from "./cli-reference.js";
import { renderDiffRulesMarkdown } from "./diff-rules-table.js";
import { generatedGuides, generatedSectionFiles, replaceGeneratedSection, type GeneratedSection } from "./generated-section.js";
import { buildFixturesSchema } from "../src/twin/fixtures-schema.js";
import { renderClientContract, renderWebhookValidators, VALIDATOR_TYPES_MODULE } from "./standalone-validators.js";
import { clientOperations } from "../src/clients/operations.js";

/**
 * Writes `text` to `file` only when it differs: an up-to-date generate (the drift gate's usual
 * case) rewrites nothing, so no tool watching or reading generated/ at the same time sees a file
 * being rewritten, and timestamps change only with the content.
 */
async function writeIfChanged(file: string, text: string): Promise<void> {
  const current = await readFile(file, "utf8").catch(() => undefined);
  if (current !== text) await writeFile(file, text);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface RedoclyApi {
  root: string;
  "x-openapi-ts"?: { output?: string };
}

export const GENERATED_HEADER = (source: string): string =>
  `// generated — do not edit. Source: ${source}. Regenerate with \`npm run generate\`.\n`;

async function bundleSpec(specPath: string, dereference: boolean): Promise<Record<string, unknown>> {
  const config = await createConfig({ extends: ["minimal"] });
  const result = await bundle({ ref: specPath, config, dereference });
  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    const detail = errors.map((p) => `  - ${p.message}`).join("\n");
    throw new Error(`Could not bundle ${specPath}:\n${detail}\nFix the spec, then run \`npm run lint\`.`);
  }
  return result.bundle.parsed as Record<string, unknown>;
}

/** Where the spec data module of an API goes: next to its types, `generated/<slug>-spec.ts`. */
const specDataModulePath = (slug: string): string => `generated/${slug}-spec.ts`;

/** The bundled document as a module whose default export is the document (JSON, so any tool reads it). */
function renderSpecDataModule(bundled: Record<string, unknown>): string {
  return `// The bundled OpenAPI document (every $ref internal), as data: no YAML parser or file access at run time.\nconst spec = ${JSON.stringify(bundled, null, 2)};\nexport default spec;\n`;
}

async function main(): Promise<void> {
  const redocly = parse(await readFile(path.join(root, "redocly.yaml"), "utf8")) as {
    apis: Record<string, RedoclyApi>;
  };
  await mkdir(path.join(root, "generated"), { recursive: true });
  const bundles = new Map<string, Record<string, unknown>>();
  for (const [slug, api] of Object.entries(redocly.apis)) {
    const output = api["x-openapi-ts"]?.output;
    if (!output) throw new Error(`redocly.yaml: apis.${slug} has no x-openapi-ts.output`);
    const specPath = path.join(root, api.root);
    const bundled = await bundleSpec(specPath, false);
    bundles.set(slug, bundled);
    // openapi-typescript takes a parsed document; the Redocly bundle keeps named components.
    const ast = await openapiTS(bundled as unknown as Parameters<typeof openapiTS>[0], { silent: true });
    await writeIfChanged(path.join(root, output), GENERATED_HEADER(api.root) + astToString(ast));
    console.log(`wrote ${output} from ${api.root}`);
    const dataOutput = specDataModulePath(slug);
    await writeIfChanged(path.join(root, dataOutput), GENERATED_HEADER(api.root) + renderSpecDataModule(bundled));
    console.log(`wrote ${dataOutput} from ${api.root}`);
  }
  const myaza = redocly.apis.myaza;
  const myazaDoc = bundles.get("myaza");
  if (!myaza || !myazaDoc) throw new Error("redocly.yaml: apis.myaza is missing");
  const typesOut = "generated/validator-types.ts";
  await writeIfChanged(path.join(root, typesOut), GENERATED_HEADER("scripts/standalone-validators.ts") + VALIDATOR_TYPES_MODULE);
  console.log(`wrote ${typesOut}: the types of the generated validator modules`);
  const webhooks = renderWebhookValidators(myazaDoc as OpenApiDocument, "./myaza.js", 'components["schemas"]["WebhookEventName"]');
  const webhooksOut = "generated/myaza-webhooks.ts";
  await writeIfChanged(path.join(root, webhooksOut), GENERATED_HEADER(`${myaza.root} (webhooks)`) + webhooks.code);
  console.log(`wrote ${webhooksOut}: validators for ${webhooks.events.length} webhook events`);
  for (const slug of providerSlugs) {
    const doc = bundles.get(slug);
    if (!doc) throw new Error(`redocly.yaml: apis.${slug} is missing`);
    const { path: opPath, strictFields } = clientOperations[slug];
    const exportName = `${slug.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())}ClientContract`;
    const client = renderClientContract(doc as OpenApiDocument, opPath, strictFields, exportName);
    const clientOut = `generated/${slug}-client.ts`;
    await writeIfChanged(path.join(root, clientOut), GENERATED_HEADER(`${redocly.apis[slug]?.root ?? slug} (GET ${opPath}, strict fields from src/clients/operations.ts)`) + client.code);
    console.log(`wrote ${clientOut}: ${client.validators} validators for the ${slug} client`);
  }
  const btc = redocly.apis["btc-direct"];
  if (!btc) throw new Error("redocly.yaml: apis.btc-direct is missing");
  const catalogue = deriveBtcDirectCatalogue(await bundleSpec(path.join(root, btc.root), true));
  const out = "generated/btc-direct-errors.ts";
  await writeIfChanged(path.join(root, out), GENERATED_HEADER(`${btc.root} (error response examples)`) + renderBtcDirectCatalogue(catalogue));
  console.log(`wrote ${out}: ${catalogue.length} error codes`);
  const specs = providerSlugs.map((slug: ProviderSlug) => {
    const doc = bundles.get(slug);
    if (!doc) throw new Error(`redocly.yaml: apis.${slug} is missing`);
    return { slug, doc: doc as OpenApiDocument };
  });
  const schemaOut = "generated/twin-fixtures.schema.json";
  await writeIfChanged(path.join(root, schemaOut), `${JSON.stringify(buildFixturesSchema(Object.fromEntries(specs.map((s) => [s.slug, s.doc]))), null, 2)}\n`);
  console.log(`wrote ${schemaOut} (twin fixtures, from the specs)`);
  const sections: Record<GeneratedSection, string> = {
    "status-normalization": renderStatusTableMarkdown(),
    "btc-direct-catalogue": renderCatalogueMarkdown(catalogue),
    "mock-scenarios": renderScenariosMarkdown(specs),
    "cli-reference": renderCliReference(),
    "diff-rules": renderDiffRulesMarkdown(),
  };
  for (const guide of generatedGuides()) {
    const before = await readFile(path.join(root, guide), "utf8");
    let text = before;
    for (const [name, file] of Object.entries(generatedSectionFiles)) {
      if (file !== guide) continue;
      const next = replaceGeneratedSection(text, name, sections[name as GeneratedSection], undefined, guide);
      if (next !== text) console.log(`updated the ${name} section of ${guide}`);
      text = next;
    }
    if (text !== before) await writeFile(path.join(root, guide), text);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

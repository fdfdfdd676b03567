/**
 * Builds the API reference: one self-contained page per provider (Redocly `build-docs` with
 * the Redoc bundle inlined), the bundled spec beside each page, and index.html.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { requireTools } from "../optional-tools.js";
import { providers, providerSlugs, type ProviderSlug } from "../providers.js";
import { loadSpec } from "../spec/load.js";
import { bundledSpecPath, packageRoot } from "../spec/paths.js";
import { listOperations } from "../spec/walk.js";
import { listErrorCatalogue } from "./error-catalogue.js";
import { renderIndexPage } from "./index-page.js";
import { inlineRedocLogos } from "./offline.js";
import { PAGE_TEMPLATE } from "./page-template.js";
import { pageSpec } from "./page-spec.js";
import { runBuildDocs } from "./redocly.js";
import { normalizedStatusTable, type ProviderSpecs, type StatusTableSource } from "./status-table.js";

export const DEFAULT_DOCS_DIR = path.join("dist", "docs");

export interface DocsFile {
  kind: "page" | "spec" | "index";
  provider: ProviderSlug | undefined;
  /** Absolute path. */
  path: string;
  bytes: number;
}

export type DocsProgress = { type: "building"; provider: ProviderSlug; path: string } | { type: "written"; file: DocsFile };

export interface BuildDocsOptions {
  /** Output folder; relative paths resolve against the current folder. Default `dist/docs`. */
  outDir?: string;
  /** The index's status table. Default: the normalized status mapping (`normalizedStatusTable`); `specStatusTable` shows the raw values per spec instead. */
  statusTable?: StatusTableSource;
  onProgress?: (event: DocsProgress) => void;
}

export type BuildDocsResult = { ok: true; outDir: string; files: DocsFile[] } | { ok: false; outDir: string; files: DocsFile[]; message: string };

/** Page and bundle file names of a provider, relative to the output folder. */
export const docsFileNames = (slug: ProviderSlug): { page: string; spec: string } => ({ page: `${slug}.html`, spec: `${slug}.yaml` });

/**
 * redocly.yaml of a provider page. `telemetry: off` stops Redocly's usage data and makes
 * build-docs write `disableTelemetry: true` into the page's Redoc options, so the page sends
 * nothing to Redocly either. `openapi:` holds the Redoc CE 3 options.
 */
function redoclyConfig(slug: ProviderSlug): string {
  return stringify({
    telemetry: "off",
    openapi: {
      downloadUrls: [{ title: "OpenAPI 3.1 bundle (YAML)", url: docsFileNames(slug).spec }],
      schemasExpansionLevel: "all",
      layout: "stacked",
    },
  });
}

export async function buildDocs(options: BuildDocsOptions = {}): Promise<BuildDocsResult> {
  const outDir = path.resolve(options.outDir ?? DEFAULT_DOCS_DIR);
  const files: DocsFile[] = [];
  const fail = (message: string): BuildDocsResult => ({ ok: false, outDir, files, message });
  const written = async (kind: DocsFile["kind"], provider: ProviderSlug | undefined, file: string): Promise<void> => {
    const entry = { kind, provider, path: file, bytes: (await stat(file)).size };
    files.push(entry);
    options.onProgress?.({ type: "written", file: entry });
  };

  // @redocly/cli is an optional peer dependency: say how to install it before writing anything.
  const redocly = requireTools("buildDocs() (kyc-contracts docs)", ["redocly"]);
  if (!redocly.ok) return fail(redocly.message);
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    return fail(`Cannot create the output folder ${outDir} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Choose another folder with --out.`);
  }
  const specs = Object.fromEntries(await Promise.all(providerSlugs.map(async (slug) => [slug, await loadSpec(slug)] as const))) as ProviderSpecs;

  const work = await mkdtemp(path.join(tmpdir(), "kyc-docs-"));
  try {
    const template = path.join(work, "page.hbs");
    await writeFile(template, PAGE_TEMPLATE);
    for (const slug of providerSlugs) {
      const names = docsFileNames(slug);
      const target = path.join(outDir, names.page);
      options.onProgress?.({ type: "building", provider: slug, path: target });
      const dir = path.join(work, slug);
      await mkdir(dir);
      const input = path.join(dir, "openapi.yaml");
      const config = path.join(dir, "redocly.yaml");
      const built = path.join(dir, names.page);
      await writeFile(input, stringify(pageSpec(specs[slug], slug), { lineWidth: 0 }));
      await writeFile(config, redoclyConfig(slug));
      const run = await runBuildDocs({ input, output: built, config, template });
      if (!run.ok) return fail(run.message);
      const writeError = await tryWrite(target, async () => writeFile(target, inlineRedocLogos(await readFile(built, "utf8"))));
      if (writeError) return fail(writeError);
      await written("page", slug, target);
      const specTarget = path.join(outDir, names.spec);
      const copyError = await tryWrite(specTarget, () => copyFile(bundledSpecPath(slug), specTarget));
      if (copyError) return fail(copyError);
      await written("spec", slug, specTarget);
    }
    const index = path.join(outDir, "index.html");
    const indexHtml = renderIndexPage(await indexInput(specs, options.statusTable ?? normalizedStatusTable));
    const indexError = await tryWrite(index, () => writeFile(index, indexHtml));
    if (indexError) return fail(indexError);
    await written("index", undefined, index);
    return { ok: true, outDir, files };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function tryWrite(file: string, write: () => Promise<void>): Promise<string | undefined> {
  try {
    await write();
    return undefined;
  } catch (error) {
    return `Cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check that the folder is writable, or choose another with --out.`;
  }
}

function infoSummary(info: object): string | undefined {
  const summary = (info as { summary?: unknown }).summary;
  return typeof summary === "string" ? summary : undefined;
}

async function indexInput(specs: ProviderSpecs, statusTable: StatusTableSource) {
  const manifest = JSON.parse(await readFile(path.join(packageRoot(), "package.json"), "utf8")) as { name: string; version: string; description: string };
  return {
    packageName: manifest.name,
    version: manifest.version,
    description: manifest.description,
    statusTable: statusTable(specs),
    providers: providerSlugs.map((slug) => {
      const doc = specs[slug];
      return {
        name: providers[slug].name,
        title: doc.info.title,
        summary: infoSummary(doc.info),
        operations: listOperations(doc).map((op) => ({
          method: op.method.toUpperCase(),
          path: op.path,
          summary: typeof op.value.summary === "string" ? op.value.summary : undefined,
        })),
        ...docsFileNames(slug),
        errorCount: listErrorCatalogue(doc).length,
      };
    }),
  };
}

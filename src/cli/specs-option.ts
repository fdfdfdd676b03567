/**
 * `--specs DIR`, the one option every command that reads specs shares (check-har, conform, mock,
 * proxy, diff, suggest): check against the specs a team is editing instead of the bundled ones.
 * DIR is laid out like the package's `openapi/` (`<slug>/openapi.yaml`, split sources) or holds
 * `<slug>.yaml` bundles; it is read with src/spec/source.ts, no optional tool needed.
 */
import type { OpenApiDocument } from "../spec/load.js";
import { specDocument } from "../spec/load.js";
import { readSpecsDir, type SpecSource } from "../spec/source.js";
import { providerSlugs, type ProviderSlug } from "../providers.js";

export const specsOptionSpec = { specs: { type: "string" } } as const;

export const SPECS_OPTION_HELP = specsOptionHelp(23);

/** The --specs lines of a command's --help, its description starting at `column` (where the command's other options start theirs). */
export function specsOptionHelp(column: number): string {
  const pad = " ".repeat(column);
  return `${"  --specs DIR".padEnd(column)}use the specs in DIR (<slug>/openapi.yaml per provider, laid out like the
${pad}package's openapi/; or <slug>.yaml bundles) instead of the bundled ones`;
}

/** The specs a command works with: the documents, and (with --specs) where each came from. */
export interface SpecSelection {
  /** The providers to work with, in the package's order. */
  providers: ProviderSlug[];
  documents: Partial<Record<ProviderSlug, OpenApiDocument>>;
  /** With --specs: the folder and the files read per provider. */
  dir?: string;
  sources?: Partial<Record<ProviderSlug, SpecSource>>;
}

/**
 * Turns `--specs` into documents. Without it, the bundled specs of `providers`. With it, the
 * specs in DIR: each of `providers` must be there (a message names the file expected); with no
 * `providers` given, whichever DIR holds.
 */
export async function loadSpecsOption(dir: string | undefined, providers?: readonly ProviderSlug[]): Promise<{ ok: true; value: SpecSelection } | { ok: false; message: string }> {
  if (dir === undefined) {
    const list = [...(providers ?? providerSlugs)];
    return { ok: true, value: { providers: list, documents: Object.fromEntries(list.map((slug) => [slug, specDocument(slug)])) } };
  }
  const read = await readSpecsDir(dir);
  if (!read.ok) return { ok: false, message: `--specs: ${read.message}.` };
  const found = Object.keys(read.specs) as ProviderSlug[];
  const missing = (providers ?? []).filter((slug) => !(slug in read.specs));
  if (missing.length > 0) {
    return { ok: false, message: `--specs: ${dir} has no spec for ${missing.join(", ")} (expected ${missing.map((slug) => `${dir}/${slug}/openapi.yaml`).join(", ")}); it holds ${found.join(", ")}. Add it, or choose those providers with --provider.` };
  }
  const list = providers ? [...providers] : found;
  return { ok: true, value: { providers: list, documents: read.specs, dir, sources: read.sources } };
}

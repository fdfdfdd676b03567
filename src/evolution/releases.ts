/**
 * The released versions of each spec, shipped in the package: `releases/<slug>/<version>.yaml`
 * (the bundled document, deterministic YAML) and `releases/index.json` (the SHA-256 of every
 * released file: released versions are immutable, and a file that no longer matches its hash is
 * refused). Node only; works offline from the installed package.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml, stringify } from "yaml";
import { isObject } from "../json.js";
import { isProviderSlug, providerSlugs, type ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { packageRoot } from "../spec/paths.js";
import { isSemver } from "./diff.js";

/** `releases/index.json`: per provider, version → `sha256-<hex>` of its file. */
export type ReleaseIndex = Partial<Record<ProviderSlug, Record<string, string>>>;

export interface ReleasedSpec {
  provider: ProviderSlug;
  version: string;
  /** The file it was read from. */
  file: string;
  document: OpenApiDocument;
}

export type ReleasedSpecResult = { ok: true; spec: ReleasedSpec } | { ok: false; message: string };

/** Where to read releases from: the package's own by default (tests and the release script inject another folder). */
export interface ReleaseStoreOptions {
  dir?: string;
}

/** The package's `releases/` folder. */
export const packageReleasesDir = (): string => path.join(packageRoot(), "releases");

const storeDir = (options?: ReleaseStoreOptions): string => options?.dir ?? packageReleasesDir();

/** The file of a released version. */
export const releaseFile = (dir: string, provider: ProviderSlug, version: string): string => path.join(dir, provider, `${version}.yaml`);

/** The text stored for a released document: YAML, keys in document order, no line folding. */
export function releaseText(document: OpenApiDocument): string {
  return `# Released spec ${String(document.info.title)} ${document.info.version}, stored by \`npm run release:spec\`. Immutable: never edit; release a new version.\n${stringify(document, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

export const contentHash = (text: string): string => `sha256-${createHash("sha256").update(text).digest("hex")}`;

/** Semver order (release versions are plain x.y.z). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map(Number);
  const pb = b.split(/[.+-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Reads `index.json`; a missing file is an empty store. */
export function readReleaseIndex(options?: ReleaseStoreOptions): { ok: true; index: ReleaseIndex } | { ok: false; message: string } {
  const file = path.join(storeDir(options), "index.json");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { ok: true, index: {} };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed)) throw new Error("not an object");
    const index: ReleaseIndex = {};
    for (const [slug, versions] of Object.entries(parsed)) {
      if (!isProviderSlug(slug) || !isObject(versions)) throw new Error(`entry "${slug}" is not a provider with versions`);
      index[slug] = Object.fromEntries(Object.entries(versions).map(([v, h]) => [v, String(h)]));
    }
    return { ok: true, index };
  } catch (error) {
    return { ok: false, message: `${file} is not a release index (${(error as Error).message}): restore it from git` };
  }
}

/** The released versions of a provider's spec, oldest first; none when the store has none. */
export function listReleasedVersions(provider: ProviderSlug, options?: ReleaseStoreOptions): string[] {
  const read = readReleaseIndex(options);
  if (!read.ok) return [];
  return Object.keys(read.index[provider] ?? {}).sort(compareVersions);
}

/** `myaza@1.0.0` → provider and version; undefined when the text is not `<slug>@<version>`. */
export function parseSpecRef(text: string): { provider: ProviderSlug; version: string } | undefined {
  const at = text.lastIndexOf("@");
  if (at <= 0) return undefined;
  const provider = text.slice(0, at);
  const version = text.slice(at + 1);
  return isProviderSlug(provider) && version.length > 0 ? { provider, version } : undefined;
}

/**
 * Loads a released version, `myaza@1.0.0`, or the newest one, `myaza@latest`. Fails (a value,
 * not an exception) on an unknown provider or version and on a file that no longer matches the
 * hash it was released with.
 */
export function loadReleasedSpec(ref: string, options?: ReleaseStoreOptions): ReleasedSpecResult {
  const parsed = parseSpecRef(ref);
  if (!parsed) return { ok: false, message: `"${ref}" is not a released spec: write <provider>@<version> with a provider among ${providerSlugs.join(", ")} (e.g. myaza@1.0.0, or myaza@latest)` };
  const { provider } = parsed;
  const read = readReleaseIndex(options);
  if (!read.ok) return read;
  const versions = Object.keys(read.index[provider] ?? {}).sort(compareVersions);
  const version = parsed.version === "latest" ? versions.at(-1) : parsed.version;
  if (version === undefined || !versions.includes(version)) {
    return { ok: false, message: `${provider}@${parsed.version} is not a released version: released ${provider} versions are ${versions.join(", ") || "none"}` };
  }
  const file = releaseFile(storeDir(options), provider, version);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { ok: false, message: `${file} is missing although releases/index.json lists ${provider}@${version}: reinstall the package (or restore the file from git)` };
  }
  if (contentHash(text) !== read.index[provider]?.[version]) {
    return { ok: false, message: `${file} was edited after its release (its hash no longer matches releases/index.json): released versions are immutable; restore it from git and release a new version instead` };
  }
  const document = parseYaml(text) as OpenApiDocument;
  if (!isObject(document) || !isObject(document.info) || document.info.version !== version || !isSemver(version)) {
    return { ok: false, message: `${file} does not hold ${provider} version ${version} (its info.version is ${isObject(document.info) ? String(document.info.version) : "missing"})` };
  }
  return { ok: true, spec: { provider, version, file, document } };
}

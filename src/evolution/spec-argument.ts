/**
 * What OLD and NEW of `kyc-contracts diff` may be, read into bundled documents:
 * - `myaza@1.0.0` / `myaza@latest`: a version released in the package (releases/);
 * - `myaza@current`: the spec this package version ships (or, with `--specs DIR`, the one in DIR);
 * - a folder with `<slug>/openapi.yaml` per provider (like openapi/) or `<slug>.yaml` bundles;
 * - a spec file: a split root or a single-file bundle (its provider from its folder or file name,
 *   or `--provider`).
 */
import { stat } from "node:fs/promises";
import { loadSpecsOption } from "../cli/specs-option.js";
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { readSpecFile, readSpecsDir } from "../spec/source.js";
import { loadReleasedSpec, parseSpecRef, type ReleaseStoreOptions } from "./releases.js";

export interface SpecSide {
  /** How the argument was read: a folder may hold several providers, the others one. */
  kind: "release" | "current" | "folder" | "file";
  documents: Partial<Record<ProviderSlug, OpenApiDocument>>;
}

export interface SpecArgumentOptions extends ReleaseStoreOptions {
  /** Names the provider of a single file whose folder or name does not. */
  provider?: ProviderSlug;
  /** `--specs DIR`: what `<slug>@current` means. */
  specsDir?: string;
}

export async function readSpecArgument(arg: string, options: SpecArgumentOptions = {}): Promise<{ ok: true; side: SpecSide } | { ok: false; message: string }> {
  const ref = parseSpecRef(arg);
  if (ref) {
    if (ref.version === "current") {
      const current = await loadSpecsOption(options.specsDir, [ref.provider]);
      if (!current.ok) return current;
      return { ok: true, side: { kind: "current", documents: { [ref.provider]: current.value.documents[ref.provider] } } };
    }
    const released = loadReleasedSpec(arg, options);
    if (!released.ok) return released;
    return { ok: true, side: { kind: "release", documents: { [ref.provider]: released.spec.document } } };
  }
  let isDir: boolean;
  try {
    isDir = (await stat(arg)).isDirectory();
  } catch {
    return { ok: false, message: `${arg} does not exist: give a spec file, a folder of specs (<slug>/openapi.yaml), or a released version like myaza@1.0.0` };
  }
  if (isDir) {
    const read = await readSpecsDir(arg);
    return read.ok ? { ok: true, side: { kind: "folder", documents: read.specs } } : read;
  }
  const read = await readSpecFile(arg, options.provider);
  return read.ok ? { ok: true, side: { kind: "file", documents: { [read.spec.provider]: read.spec.document } } } : read;
}

import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProviderSlug } from "../providers.js";

/**
 * The package root: the nearest folder above this module holding a package.json. Works from
 * the sources (src/spec) and from the build (dist/src/spec), in the repo and when installed.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "openapi"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("kyc-status-contracts: cannot find the package root (no package.json with openapi/ above this module). Reinstall the package.");
    dir = parent;
  }
}

/** Source spec (split files) of a provider. */
export function sourceSpecPath(slug: ProviderSlug): string {
  return path.join(packageRoot(), "openapi", slug, "openapi.yaml");
}

/** Bundled single-file spec of a provider, written by `npm run bundle` (part of the build). */
export function bundledSpecPath(slug: ProviderSlug): string {
  return path.join(packageRoot(), "dist", "specs", `${slug}.yaml`);
}

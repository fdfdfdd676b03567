/**
 * Where the package's spec files are on disk (Node only). The Node built-ins are fetched when a
 * function here is called (`process.getBuiltinModule`, Node ≥ 20.16), not imported: the root
 * entry exports these functions, and importing it must not pull `node:*` into a browser or edge
 * bundle of a client.
 */
import type { ProviderSlug } from "../providers.js";

function nodeBuiltins() {
  const get = (globalThis as { process?: Partial<NodeJS.Process> }).process?.getBuiltinModule;
  if (typeof get !== "function") {
    throw new Error("kyc-status-contracts: spec file paths exist only in Node.js (≥ 20.19). Elsewhere, read a spec with loadSpec(slug), which needs no file.");
  }
  return { fs: get("node:fs"), path: get("node:path"), url: get("node:url") };
}

/**
 * The package root: the nearest folder above this module holding a package.json. Works from
 * the sources (src/spec) and from the build (dist/src/spec), in the repo and when installed.
 */
export function packageRoot(): string {
  const { fs, path, url } = nodeBuiltins();
  let dir = path.dirname(url.fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "openapi"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("kyc-status-contracts: cannot find the package root (no package.json with openapi/ above this module). Reinstall the package.");
    dir = parent;
  }
}

/** Source spec (split files) of a provider. */
export function sourceSpecPath(slug: ProviderSlug): string {
  return nodeBuiltins().path.join(packageRoot(), "openapi", slug, "openapi.yaml");
}

/** Bundled single-file spec of a provider, written by `npm run bundle` (part of the build). */
export function bundledSpecPath(slug: ProviderSlug): string {
  return nodeBuiltins().path.join(packageRoot(), "dist", "specs", `${slug}.yaml`);
}

/**
 * The built API reference for tests that read it (test/docs.browser.test.ts), restored from a
 * cache when nothing it is built from has changed: the key is a SHA-256 over every file under
 * src/ (the docs code, the status table, the spec walkers), the bundled specs in dist/specs/,
 * package.json and the lockfile (the Redocly CLI version), and the Node version. Building it is
 * what test/docs.test.ts and test/package-tools.test.ts check; a reader of the pages gets the same
 * files either way. Entries live under node_modules/.cache/kyc-status-contracts/docs/ and are
 * written to a temporary folder, then renamed into place. KYC_NO_DOCS_CACHE=1 builds every time.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildDocs } from "../../src/docs/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CACHE = path.join(root, "node_modules", ".cache", "kyc-status-contracts", "docs");

/** Every file under `dir`, recursively, in path order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/** The key of the docs build of the checkout at `dir`: what it reads, by content. */
export function docsKey(dir = root): string {
  const hash = createHash("sha256").update(`${process.version}\0`);
  for (const file of [...filesUnder(path.join(dir, "src")), ...filesUnder(path.join(dir, "dist", "specs")), path.join(dir, "package.json"), path.join(dir, "package-lock.json")]) {
    hash.update(`${path.relative(dir, file)}\0`).update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 24);
}

/** Writes the built docs into `outDir` (an empty folder): copied from the cache, or built and then cached. */
export async function builtDocs(outDir: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<{ ok: true; restored: boolean } | { ok: false; message: string }> {
  if (env.KYC_NO_DOCS_CACHE === "1") {
    const built = await buildDocs({ outDir });
    return built.ok ? { ok: true, restored: false } : { ok: false, message: built.message };
  }
  const entry = path.join(CACHE, docsKey());
  if (existsSync(path.join(entry, "complete"))) {
    cpSync(path.join(entry, "site"), outDir, { recursive: true });
    return { ok: true, restored: true };
  }
  const built = await buildDocs({ outDir });
  if (!built.ok) return { ok: false, message: built.message };
  mkdirSync(CACHE, { recursive: true });
  const staging = mkdtempSync(path.join(CACHE, ".staging-"));
  try {
    cpSync(outDir, path.join(staging, "site"), { recursive: true });
    writeFileSync(path.join(staging, "complete"), "");
    for (const old of readdirSync(CACHE).filter((f) => !f.startsWith("."))) rmSync(path.join(CACHE, old), { recursive: true, force: true });
    renameSync(staging, entry);
  } catch {
    // another run stored the same entry first: the build itself succeeded
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { ok: true, restored: false };
}

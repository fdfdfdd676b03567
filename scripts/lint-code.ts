/**
 * `npm run lint:code`: ESLint over the repo (`eslint --max-warnings 0 .`, configured in
 * eslint.config.js), skipped when nothing it reads has changed since its last clean run.
 *
 * The rules are type-aware (projectService), so one file's result can depend on any other file:
 * ESLint's own per-file `--cache` could keep a stale result. The key here is therefore the whole
 * tree: a SHA-256 over the path and bytes of every file outside node_modules/, .git/, dist/ and
 * reports/ (ESLint ignores those; the lockfile, the config and every tsconfig are inside it), plus
 * the Node version. A clean run stores the key under node_modules/.cache/kyc-status-contracts/
 * eslint/; a failed run stores nothing. KYC_NO_LINT_CACHE=1 runs ESLint whatever the cache holds.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Folders whose content never reaches ESLint's results (all of them are in its ignores, or are git's). */
const SKIPPED = new Set(["node_modules", ".git", "dist", "reports"]);
/** Clean-run keys kept (one per checkout state recently linted: switching branches back and forth stays warm). */
const KEEP = 8;

/** The key of the tree under `root`: every file's path and bytes, in path order, and `extra` (e.g. the Node version). */
export function treeKey(root: string, extra: readonly string[] = []): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(path.join(dir, entry.name));
      } else if (entry.isFile()) files.push(path.join(dir, entry.name));
    }
  };
  walk(root);
  const hash = createHash("sha256");
  for (const part of extra) hash.update(`${part}\0`);
  for (const file of files.sort()) {
    hash.update(`${path.relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 32);
}

export interface CachedLintOptions {
  root: string;
  cacheDir: string;
  /** Runs the linter; returns its exit code. */
  lint: () => number;
  env?: Readonly<Record<string, string | undefined>>;
  log?: (line: string) => void;
}

/** Runs `lint` unless a clean run over the same tree is recorded in `cacheDir`; records a clean run. Returns the exit code. */
export function lintWithCache(options: CachedLintOptions): { code: number; skipped: boolean } {
  const { root, cacheDir, lint } = options;
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  if (env.KYC_NO_LINT_CACHE === "1") return { code: lint(), skipped: false };
  const key = treeKey(root, [process.version]);
  const marker = path.join(cacheDir, key);
  if (existsSync(marker)) {
    log(`ESLint: no file changed since its last clean run (tree ${key.slice(0, 12)}); skipped. KYC_NO_LINT_CACHE=1 runs it anyway.`);
    return { code: 0, skipped: true };
  }
  const code = lint();
  // a file edited while ESLint ran is not covered by its result: store only the key it was run on
  if (code === 0 && treeKey(root, [process.version]) === key) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    const older = readdirSync(cacheDir)
      .filter((f) => f !== key)
      .map((f) => ({ f, at: readFileSync(path.join(cacheDir, f), "utf8") }))
      .sort((a, b) => (a.at < b.at ? 1 : -1));
    for (const { f } of older.slice(KEEP - 1)) rmSync(path.join(cacheDir, f), { force: true });
  }
  return { code, skipped: false };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const eslint = path.join(root, "node_modules", "eslint", "bin", "eslint.js");
  const { code } = lintWithCache({
    root,
    cacheDir: path.join(root, "node_modules", ".cache", "kyc-status-contracts", "eslint"),
    lint: () => spawnSync(process.execPath, [eslint, "--max-warnings", "0", "."], { cwd: root, stdio: "inherit" }).status ?? 1,
  });
  process.exitCode = code;
}

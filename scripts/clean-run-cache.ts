/**
 * `node --import tsx scripts/clean-run-cache.ts NAME [--git] -- COMMAND [ARGS…]`: runs a gate of
 * `npm test` (ESLint, the spec lint, the drift check, `tsc --noEmit`) unless a clean run of the
 * same command covered the very same tree.
 *
 * A gate's result is a function of the files it reads, and the type-aware ESLint rules, `tsc` and
 * the drift check can each read any file: per-file caching could keep a stale result. The key is
 * therefore the whole tree: a SHA-256 over the path and bytes of every file git sees (tracked, and
 * untracked but not ignored: the lockfile, every config and tsconfig included; node_modules/,
 * dist/ and reports/ are ignored), the Node version and the command. `--git` adds the commit and
 * the index (the drift check compares generated/ with what is committed). A clean run (exit 0,
 * the tree unchanged while it ran) stores the key under
 * node_modules/.cache/kyc-status-contracts/clean-runs/; a failed run stores nothing. Outside a git
 * checkout, or with KYC_NO_GATE_CACHE=1, the command always runs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Clean-run keys kept per gate (one per checkout state recently checked: switching branches back and forth stays warm). */
const KEEP = 8;

/** The files git sees under `root` (tracked, and untracked but not ignored), or undefined outside a git checkout. */
function gitFiles(root: string): string[] | undefined {
  try {
    const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
    return [...new Set(out.split("\0").filter((f) => f !== ""))].sort();
  } catch {
    return undefined;
  }
}

/** What git holds beyond the tree: the commit and the index's view of every file. */
function gitState(root: string): string {
  return execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }) + execFileSync("git", ["ls-files", "--stage"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/**
 * The key of the tree under `root`: every file's path and bytes, in path order (a file git lists
 * that is gone, e.g. deleted but not yet staged, counts by its absence), and `extra`. Undefined
 * outside a git checkout.
 */
export function treeKey(root: string, extra: readonly string[] = []): string | undefined {
  const files = gitFiles(root);
  if (!files) return undefined;
  const hash = createHash("sha256");
  for (const part of extra) hash.update(`${part}\0`);
  for (const file of files) {
    hash.update(`${file}\0`);
    const full = path.join(root, file);
    hash.update(existsSync(full) ? readFileSync(full) : "\0(absent)");
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 32);
}

export interface CleanRunOptions {
  root: string;
  /** The folder of this gate's clean-run keys. */
  cacheDir: string;
  /** Parts of the key beyond the tree (the command, the Node version). */
  key: readonly string[];
  /** Also key on the commit and the index. */
  git?: boolean;
  /** Runs the gate; returns its exit code. */
  run: () => number;
  env?: Readonly<Record<string, string | undefined>>;
  log?: (line: string) => void;
}

/** Runs the gate unless a clean run over the same tree is recorded in `cacheDir`; records a clean run. Returns the exit code. */
export function runUnlessClean(options: CleanRunOptions): { code: number; skipped: boolean } {
  const { root, cacheDir, run } = options;
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  if (env.KYC_NO_GATE_CACHE === "1") return { code: run(), skipped: false };
  const keyOf = (): string | undefined => treeKey(root, options.git ? [...options.key, gitState(root)] : options.key);
  const key = keyOf();
  if (key === undefined) return { code: run(), skipped: false };
  const marker = path.join(cacheDir, key);
  if (existsSync(marker)) {
    log(`no file changed since the last clean run of this check (tree ${key.slice(0, 12)}); skipped. KYC_NO_GATE_CACHE=1 runs it anyway.`);
    return { code: 0, skipped: true };
  }
  const code = run();
  // a file edited while the gate ran is not covered by its result: store only the key it was run on
  if (code === 0 && keyOf() === key) {
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

const USAGE = "Usage: node --import tsx scripts/clean-run-cache.ts NAME [--git] -- COMMAND [ARGS…]";

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const args = process.argv.slice(2);
  const dashes = args.indexOf("--");
  const [name, ...flags] = dashes < 0 ? [] : args.slice(0, dashes);
  const [command, ...commandArgs] = dashes < 0 ? [] : args.slice(dashes + 1);
  if (!name || !command || !/^[\w:.-]+$/.test(name) || flags.some((f) => f !== "--git")) {
    console.error(`clean-run-cache: give a gate name and the command after --.\n${USAGE}`);
    process.exit(2);
  }
  const { code } = runUnlessClean({
    root,
    cacheDir: path.join(root, "node_modules", ".cache", "kyc-status-contracts", "clean-runs", name.replace(/:/g, "-")),
    key: [process.version, command, ...commandArgs],
    git: flags.includes("--git"),
    log: (line) => console.log(`${name}: ${line}`),
    run: () => {
      // npm run puts node_modules/.bin on PATH; the command's own output goes straight to the terminal
      const r = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit" });
      if (r.error) console.error(`clean-run-cache: could not start ${command}: ${r.error.message}`);
      return r.status ?? 1;
    },
  });
  process.exitCode = code;
}

/**
 * A cache of `npm install` results in a consumer project (test/package.test.ts), keyed by the
 * content hash of what decides them: the packed tarball's bytes, the lockfile, the npm and Node
 * versions, and the install command. A hit restores the project's package.json, lockfile and
 * node_modules as that install left them (and the output npm printed), so every consumer check
 * still runs, on the same tree, without waiting for npm. Entries live under
 * node_modules/.cache/kyc-status-contracts/installs/ (gone with node_modules, e.g. after
 * `npm ci`); an entry is written to a temporary folder and renamed into place, so a run never
 * sees half of one. KYC_NO_INSTALL_CACHE=1 turns the cache off.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What an install restores: the project's manifest, lockfile and node_modules. */
const TREE = ["package.json", "package-lock.json", "node_modules"];

export interface CachedInstall {
  /** What npm printed (replayed from the cache on a hit). */
  output: string;
  /** The cache folder the result came from, or undefined when npm ran. */
  restoredFrom?: string;
}

/** The key of an install: a short SHA-256 over each part (bytes or text), in order. */
export function installKey(parts: readonly (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(createHash("sha256").update(part).digest());
  return hash.digest("hex").slice(0, 24);
}

/**
 * Runs `install` in `project` (it returns what npm printed) unless an install with the same `key`
 * is cached, in which case its tree is copied into `project` instead. `name` groups the entries
 * of one kind: older entries of the same name are removed when a new one is stored.
 */
export function cachedInstall(options: { cacheRoot: string; name: string; key: string; project: string; install: () => string; env?: Readonly<Record<string, string | undefined>> }): CachedInstall {
  const { cacheRoot, name, key, project } = options;
  const env = options.env ?? process.env;
  if (env.KYC_NO_INSTALL_CACHE === "1") return { output: options.install() };
  const entry = path.join(cacheRoot, `${name}-${key}`);
  if (existsSync(path.join(entry, "complete"))) {
    try {
      rmSync(path.join(project, "node_modules"), { recursive: true, force: true });
      // cp -a keeps symlinks (node_modules/.bin) and modes; a copy, so the cached tree is never changed by a test
      execFileSync("cp", ["-a", `${path.join(entry, "tree")}/.`, project], { stdio: "pipe" });
      return { output: readFileSync(path.join(entry, "output.txt"), "utf8"), restoredFrom: entry };
    } catch {
      // the entry went away while it was copied (another checkout sharing node_modules replaced it): install instead
      rmSync(path.join(project, "node_modules"), { recursive: true, force: true });
    }
  }
  const output = options.install();
  mkdirSync(cacheRoot, { recursive: true });
  const staging = mkdtempSync(path.join(cacheRoot, `.${name}-`));
  try {
    mkdirSync(path.join(staging, "tree"));
    const present = TREE.filter((f) => existsSync(path.join(project, f)));
    if (present.length > 0) execFileSync("cp", ["-a", ...present.map((f) => path.join(project, f)), path.join(staging, "tree")]);
    writeFileSync(path.join(staging, "output.txt"), output);
    writeFileSync(path.join(staging, "complete"), "");
    for (const old of readdirSync(cacheRoot).filter((f) => f.startsWith(`${name}-`) && f !== `${name}-${key}`)) rmSync(path.join(cacheRoot, old), { recursive: true, force: true });
    renameSync(staging, entry);
  } catch {
    // another run stored the same entry first, or the disk is full: the install itself succeeded
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { output };
}

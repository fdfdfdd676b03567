/**
 * The package as a consumer installs it, for test/package.test.ts (the tarball alone) and
 * test/package-tools.test.ts (the tarball, then the optional tools by the command the CLI prints):
 * `npm pack` into an empty project, `npm install <tarball>`, restored from the install cache
 * (install-cache.ts) when the same tarball, lockfile, npm and Node were installed before.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { installCommand, optionalTools, type OptionalTool } from "../../src/optional-tools.js";
import { cachedInstall, installKey } from "./install-cache.js";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Installs of the tarball and of the optional tools, by content hash (a warm run skips npm, never a check). */
const INSTALL_CACHE = path.join(root, "node_modules", ".cache", "kyc-status-contracts", "installs");
export const ALL_TOOLS = Object.keys(optionalTools) as OptionalTool[];
export const NO_COLOR_ENV = { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" };

export interface PackedInstall {
  /** The consumer project (removed by the caller). */
  consumer: string;
  tarball: string;
  /** What `npm install <tarball>` printed, warnings included. */
  installOutput: string;
  /** Runs a command in the consumer project (throws with its output when it fails). */
  exec(file: string, args: string[], cwd?: string): string;
}

/** Packs the built package into a new consumer project and installs it there; with `tools`, then installs the optional tools the way the CLI says to. */
export function packAndInstall(options: { tools: boolean }): PackedInstall {
  if (!existsSync(path.join(root, "dist", "src", "index.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  const consumer = mkdtempSync(path.join(tmpdir(), "kyc-consumer-"));
  const exec = (file: string, args: string[], cwd = consumer): string =>
    execFileSync(file, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_loglevel: "error" } });
  // --ignore-scripts: `prepack` would build the package a second time; npm test has just built it.
  exec("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", consumer], root);
  const packed = readdirSync(consumer).find((f) => f.endsWith(".tgz"));
  if (!packed) throw new Error("npm pack wrote no tarball");
  const tarball = path.join(consumer, packed);
  writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));
  // The same tarball, lockfile, npm and Node install the same tree: restored from the cache when it was installed before.
  const tarballKey = installKey([readFileSync(tarball), readFileSync(path.join(root, "package-lock.json")), exec("npm", ["--version"], root), process.version]);
  const install = cachedInstall({
    cacheRoot: INSTALL_CACHE,
    name: "tarball",
    key: tarballKey,
    project: consumer,
    install: () => {
      // npm's warnings kept: a lifecycle script in the package would be announced (install-scripts)
      const r = spawnSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `./${packed}`], { cwd: consumer, encoding: "utf8", env: { ...process.env, npm_config_loglevel: "warn" } });
      const output = `${r.stdout}${r.stderr}`;
      if (r.status !== 0) throw new Error(`npm install <tarball> failed:\n${output}`);
      return output;
    },
  });
  if (install.restoredFrom) console.log(`npm install <tarball>: restored from ${install.restoredFrom} (same tarball, lockfile, npm and Node)`);
  if (options.tools) {
    // the same command the CLI prints when they are missing, all three at their tested versions
    const command = installCommand(ALL_TOOLS);
    const [npm, ...args] = command.split(" ");
    const tools = cachedInstall({ cacheRoot: INSTALL_CACHE, name: "tools", key: installKey([tarballKey, command]), project: consumer, install: () => exec(npm!, [...args, "--prefer-offline", "--no-audit", "--no-fund"]) });
    if (tools.restoredFrom) console.log(`${command}: restored from ${tools.restoredFrom}`);
  }
  return { consumer, tarball, installOutput: install.output, exec };
}

/** Live Prism processes started from the installed package under `dir`. */
export const prismProcessesUnder = (dir: string): string[] =>
  readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
        const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
        return cmdline.includes("prism-cli") && cmdline.includes(dir) && state !== "Z" ? [`${pid}: ${cmdline}`] : [];
      } catch {
        return [];
      }
    });

/**
 * The optional tools. Prism (mock servers), Redocly CLI (the API reference) and vitest (the
 * conformance suite) are optional peer dependencies: `npm install kyc-status-contracts` does
 * not bring them, so the clients, types, catalogue and twins stay small. This module is the one
 * place that knows which package each tool is, the version tested here, and the command that
 * installs it; every command and entry point that needs a tool asks `findTool` / `requireTools`
 * before using it.
 *
 * Tools are resolved from where kyc-status-contracts itself is installed, the way its own
 * `import` and `require` calls resolve: in a project that installed it, that is the project's
 * node_modules (npm, Yarn) or the package's own peer links (pnpm).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface OptionalToolInfo {
  /** The npm package. */
  readonly package: string;
  /** The version this package is tested with; the install command pins it, the peer range starts at it. */
  readonly version: string;
  /** The bin this package runs (its package.json `bin` entry). */
  readonly bin: string;
  /** What it does here, for messages ("serves the Prism mocks"). */
  readonly neededFor: string;
}

export const optionalTools = {
  prism: { package: "@stoplight/prism-cli", version: "5.14.2", bin: "prism", neededFor: "serves the Prism mocks" },
  redocly: { package: "@redocly/cli", version: "2.77.0", bin: "redocly", neededFor: "builds the API reference" },
  vitest: { package: "vitest", version: "4.1.12", bin: "vitest", neededFor: "runs the conformance suite" },
} as const satisfies Record<string, OptionalToolInfo>;

export type OptionalTool = keyof typeof optionalTools;

/** The peerDependencies range of a tool: the tested version and later releases of the same major. */
export const peerRange = (tool: OptionalTool): string => `^${optionalTools[tool].version}`;

/** The command that installs the given tools, at the tested versions, e.g. `npm install --save-dev @stoplight/prism-cli@5.14.2`. */
export const installCommand = (tools: readonly OptionalTool[]): string =>
  `npm install --save-dev ${tools.map((t) => `${optionalTools[t].package}@${optionalTools[t].version}`).join(" ")}`;

export interface FoundTool {
  readonly tool: OptionalTool;
  readonly version: string;
  /** The package's folder. */
  readonly dir: string;
  /** Absolute path of the tool's bin script (run it with `process.execPath`). */
  readonly entry: string;
}

export type ToolLookup =
  | { ok: true; found: FoundTool }
  | { ok: false; tool: OptionalTool; reason: "missing" | "incompatible" | "broken"; detail: string };

/**
 * Finds an installed tool and checks its version against the peer range. `from` is the file
 * (path or file: URL) to resolve from, as for `createRequire` (default: this module).
 */
export function findTool(tool: OptionalTool, from: string = import.meta.url): ToolLookup {
  const info: OptionalToolInfo = optionalTools[tool];
  let manifestPath: string;
  try {
    manifestPath = createRequire(from).resolve(`${info.package}/package.json`);
  } catch {
    return { ok: false, tool, reason: "missing", detail: `${info.package} is not installed` };
  }
  const dir = path.dirname(manifestPath);
  let manifest: { version?: unknown; bin?: unknown };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { version?: unknown; bin?: unknown };
  } catch (error) {
    return { ok: false, tool, reason: "broken", detail: `${manifestPath} cannot be read (${(error as Error).message})` };
  }
  const version = typeof manifest.version === "string" ? manifest.version : "";
  if (!satisfiesCaret(version, info.version)) {
    return { ok: false, tool, reason: "incompatible", detail: `${info.package} ${version || "(no version)"} is installed at ${dir}, but kyc-status-contracts needs ${peerRange(tool)}` };
  }
  const bins = manifest.bin;
  const bin = typeof bins === "string" ? bins : typeof bins === "object" && bins !== null ? (bins as Record<string, unknown>)[info.bin] : undefined;
  if (typeof bin !== "string") return { ok: false, tool, reason: "broken", detail: `${info.package} at ${dir} declares no "${info.bin}" bin` };
  return { ok: true, found: { tool, version, dir, entry: path.resolve(dir, bin) } };
}

export type ToolsCheck<T extends OptionalTool> = { ok: true; found: Record<T, FoundTool> } | { ok: false; tools: T[]; message: string };

/**
 * Finds every tool `what` needs. When any is missing (or not a usable version), the message
 * says which, why, and the one command that installs them all, on its own line:
 *
 *     kyc-contracts docs needs @redocly/cli (builds the API reference), an optional peer dependency of kyc-status-contracts that is not installed.
 *     Install it in your project:
 *       npm install --save-dev @redocly/cli@2.77.0
 */
export function requireTools<T extends OptionalTool>(what: string, tools: readonly T[], from?: string): ToolsCheck<T> {
  const lookups = tools.map((tool) => findTool(tool, from));
  const failed = lookups.flatMap((l) => (l.ok ? [] : [l]));
  if (failed.length === 0) {
    return { ok: true, found: Object.fromEntries(lookups.flatMap((l) => (l.ok ? [[l.found.tool, l.found]] : []))) as Record<T, FoundTool> };
  }
  const one = failed.length === 1;
  const names = failed.map((l) => `${optionalTools[l.tool].package} (${optionalTools[l.tool].neededFor})`).join(" and ");
  const notMissing = failed.filter((l) => l.reason !== "missing");
  const why = notMissing.length === 0 ? ` that ${one ? "is" : "are"} not installed.` : `: ${failed.map((l) => l.detail).join("; ")}.`;
  const missing = failed.map((l) => l.tool as T);
  const message = `${what} needs ${names}, ${one ? "an optional peer dependency" : "optional peer dependencies"} of kyc-status-contracts${why}\nInstall ${one ? "it" : "them"} in your project:\n  ${installCommand(missing)}`;
  return { ok: false, tools: missing, message };
}

/** `version` is `floor` or a later release of the same major (npm's `^floor` for majors ≥ 1, prereleases excluded). */
export function satisfiesCaret(version: string, floor: string): boolean {
  const parse = (v: string): [number, number, number] | undefined => {
    const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
  };
  const have = parse(version);
  const need = parse(floor);
  if (have === undefined || need === undefined) return false;
  if (have[0] !== need[0] || have[0] === 0) return false;
  if (have[1] !== need[1]) return have[1] > need[1];
  return have[2] >= need[2];
}

/**
 * Runs Redocly CLI's `build-docs` from the installed @redocly/cli package (its JS entry, with
 * this Node binary: no npx, no shell), so it works the same in this repo and in a project
 * that installed kyc-status-contracts.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

/** Absolute path of @redocly/cli's `redocly` bin script. */
function redoclyCliEntry(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@redocly/cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin?: Record<string, string> | string };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.redocly;
  if (!bin) throw new Error(`@redocly/cli at ${path.dirname(manifestPath)} declares no "redocly" bin. Reinstall kyc-status-contracts.`);
  return path.join(path.dirname(manifestPath), bin);
}

export interface BuildDocsRun {
  /** The OpenAPI document to render (a file). */
  input: string;
  output: string;
  /** A redocly.yaml with the Redoc options; passed explicitly so no redocly.yaml of the caller's project applies. */
  config: string;
  /** A Handlebars page template (`--template`). */
  template: string;
}

export type RunResult = { ok: true } | { ok: false; message: string };

/** Environment for the child: Redocly's usage data off (also turns Redoc's page telemetry off), no update check. */
const QUIET_ENV = { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };

export function runBuildDocs(run: BuildDocsRun): Promise<RunResult> {
  const args = [redoclyCliEntry(), "build-docs", run.input, "--output", run.output, "--inlineBundle", "--config", run.config, "--template", run.template, "--lint-config", "error"];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: path.dirname(run.config), env: { ...process.env, ...QUIET_ENV }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve({ ok: true });
      resolve({ ok: false, message: `redocly build-docs failed for ${path.basename(run.input)} (${error.code ?? error.message}):\n${tail(`${stdout}\n${stderr}`)}` });
    });
  });
}

/** The last meaningful lines of Redocly's output: no ANSI colours, no boxed banners. */
function tail(output: string): string {
  const lines = stripVTControlCharacters(output)
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "" && !/[║╔╗╚╝═]/.test(l));
  return lines.slice(-15).map((l) => `  ${l}`).join("\n");
}

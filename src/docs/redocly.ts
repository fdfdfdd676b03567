/**
 * Runs Redocly CLI's `build-docs` from the installed @redocly/cli package (its JS entry, with
 * this Node binary: no npx, no shell), so it works the same in this repo and in a project
 * that installed kyc-status-contracts. @redocly/cli is an optional peer dependency: when it is
 * missing the result says so, with the install command (optional-tools.ts).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { requireTools } from "../optional-tools.js";

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
  const redocly = requireTools("buildDocs() (kyc-contracts docs)", ["redocly"]);
  if (!redocly.ok) return Promise.resolve({ ok: false, message: redocly.message });
  const args = [redocly.found.redocly.entry, "build-docs", run.input, "--output", run.output, "--inlineBundle", "--config", run.config, "--template", run.template, "--lint-config", "error"];
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

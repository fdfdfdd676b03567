/**
 * `npm test`: the gates, then vitest, timed per stage.
 *
 * 1. lint (specs: Redocly + Spectral, writes dist/specs) ∥ drift (`check:generated`, writes
 *    generated/ and README.md's generated sections)
 * 2. lint (code: ESLint) ∥ typecheck (`tsc --noEmit`) ∥ build (writes dist/): they only read
 *    what step 1 wrote
 * 3. vitest (the specs are bundled already: test/global-setup.ts is told to skip it), with the
 *    arguments given after `npm test --` (e.g. the reporters of `npm run test:stress`)
 *
 * Stages of a step run at once, each one's output printed as one block prefixed with its name
 * when it ends; a step with a failed stage ends the run (exit 1) after every stage of that
 * step has finished. The closing line gives each stage's wall time: `npm test stages: …`
 * (.ci/run prints it per Node version; with CI set it is also written to
 * reports/stage-times.json).
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

export interface Stage {
  name: string;
  command: string;
  args: string[];
  /** The stage's output goes straight to the terminal (vitest's progress) instead of a block at the end. */
  live?: boolean;
  env?: Record<string, string>;
}

export interface StageResult {
  name: string;
  ms: number;
  ok: boolean;
}

/** The steps of `npm test`; `vitestArgs` (what follows `npm test --`) go to vitest. */
export function npmTestSteps(vitestArgs: readonly string[] = []): Stage[][] {
  return [
    [
      { name: "lint:specs", command: npm, args: ["run", "--silent", "lint:specs"] },
      { name: "drift", command: npm, args: ["run", "--silent", "check:generated"] },
    ],
    [
      { name: "lint:code", command: npm, args: ["run", "--silent", "lint:code"] },
      { name: "typecheck", command: npm, args: ["run", "--silent", "typecheck"] },
      { name: "build", command: npm, args: ["run", "--silent", "build"] },
    ],
    [{ name: "vitest", command: process.execPath, args: [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...vitestArgs], live: true, env: { KYC_SPECS_BUNDLED: "1" } }],
  ];
}

function runStage(stage: Stage, write: (text: string) => void): Promise<StageResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(stage.command, stage.args, { cwd: root, stdio: stage.live ? "inherit" : ["ignore", "pipe", "pipe"], env: { ...process.env, ...stage.env } });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    let finished = false;
    const done = (ok: boolean, extra = ""): void => {
      if (finished) return; // a command that cannot start emits "error", then "close"
      finished = true;
      const ms = performance.now() - started;
      if (!stage.live) {
        const text = [output.trimEnd(), extra].filter((t) => t !== "").join("\n");
        const prefix = `[${stage.name}] `;
        write(`${text ? `${text.replace(/^/gm, prefix)}\n` : ""}${prefix}${ok ? "ok" : "FAILED"} after ${(ms / 1000).toFixed(1)} s\n`);
      }
      resolve({ name: stage.name, ms, ok });
    };
    child.on("error", (error) => done(false, `could not start ${stage.command}: ${error.message}`));
    child.on("close", (code, signal) => done(code === 0, code === 0 ? "" : `exited with ${signal ?? `code ${code}`}`));
  });
}

/** `npm test stages: lint:specs 8.0 s, … (not run: …)`. */
export function stagesLine(results: readonly StageResult[], all: readonly string[]): string {
  const ran = results.map((r) => `${r.name} ${(r.ms / 1000).toFixed(1)} s${r.ok ? "" : " (failed)"}`);
  const skipped = all.filter((name) => !results.some((r) => r.name === name));
  return `npm test stages: ${ran.join(", ")}${skipped.length > 0 ? `; not run: ${skipped.join(", ")}` : ""}`;
}

/** Runs the steps in order, the stages of a step at once; stops after a step with a failed stage. */
export async function runSteps(plan: readonly (readonly Stage[])[], write: (text: string) => void): Promise<{ ok: boolean; results: StageResult[]; line: string }> {
  const results: StageResult[] = [];
  let ok = true;
  for (const step of plan) {
    const outcome = await Promise.all(step.map((stage) => runStage(stage, write)));
    results.push(...outcome);
    if (outcome.some((r) => !r.ok)) {
      ok = false;
      break;
    }
  }
  const line = stagesLine(results, plan.flat().map((s) => s.name));
  write(`${line}\n`);
  return { ok, results, line };
}

async function main(): Promise<number> {
  const { ok, results } = await runSteps(npmTestSteps(process.argv.slice(2)), (text) => process.stdout.write(text));
  if (process.env.CI) {
    mkdirSync(path.join(root, "reports"), { recursive: true });
    writeFileSync(path.join(root, "reports", "stage-times.json"), `${JSON.stringify(results.map((r) => ({ ...r, ms: Math.round(r.ms) })), null, 1)}\n`);
  }
  return ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();

/**
 * docs/contract-evolution.md: its rules tables are what the registry renders, its shell examples
 * run as written (each in a fresh copy of openapi/, `kyc-contracts` being the CLI from the
 * sources) and print what their `# →` comments say, its TypeScript example runs and prints what
 * its comments say, the command it documents exists, and its relative links resolve.
 */
import { execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { DIFF_RULES_SECTION, renderDiffRulesMarkdown } from "../scripts/diff-rules-table.js";
import { sectionMarkers } from "../scripts/readme-section.js";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const guidePath = path.join(root, "docs", "contract-evolution.md");
const guide = readFileSync(guidePath, "utf8");
const blocks = (lang: string): string[] => [...guide.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

const dir = mkdtempSync(path.join(tmpdir(), "kyc-evolution-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A `kyc-contracts` on PATH: the CLI from the sources. */
const bin = path.join(dir, "bin");
mkdirSync(bin);
writeFileSync(path.join(bin, "kyc-contracts"), `#!/bin/sh\nexec "${process.execPath}" "${tsx}" "${path.join(root, "src", "cli.ts")}" "$@"\n`);
chmodSync(path.join(bin, "kyc-contracts"), 0o755);

describe("docs/contract-evolution.md", () => {
  it("its rules tables are the registry's (npm run generate writes them)", () => {
    const { start, end } = sectionMarkers(DIFF_RULES_SECTION);
    const body = guide.slice(guide.indexOf(start) + start.length, guide.indexOf(end)).trim();
    // assert the section exists and equals the rendering
    expect(guide.indexOf(start)).toBeGreaterThan(0);
    expect(body).toBe(renderDiffRulesMarkdown());
  });

  const shell = blocks("sh");
  it("has the shell examples", () => expect(shell.length).toBeGreaterThanOrEqual(3));
  it.each(shell.map((code, i) => [i, code] as const))("shell example %i runs and prints what its `# →` comments say", async (i, code) => {
    const cwd = path.join(dir, `sh-${i}`);
    cpSync(path.join(root, "openapi"), path.join(cwd, "openapi"), { recursive: true });
    const { stdout, stderr } = await run("bash", ["-euo", "pipefail", "-c", code], { cwd, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` } });
    const expected = [...code.matchAll(/^# → (.+)$/gm)].map((m) => m[1]!);
    expect(expected.length).toBeGreaterThan(0);
    for (const text of expected) expect(stdout + stderr).toContain(text);
  });

  const typescript = blocks("ts");
  it.each(typescript.map((code, i) => [i, code] as const))("TypeScript example %i runs and prints what its comments say", async (i, code) => {
    const file = path.join(dir, `example-${i}.mts`);
    writeFileSync(file, `${code.replace('"kyc-status-contracts/evolution"', JSON.stringify(path.join(root, "src", "evolution", "index.ts")))}\nexport {};\n`);
    const { stdout } = await run(process.execPath, [tsx, file], { cwd: root });
    const expected = [...code.matchAll(/^(?:for .*)?console\.log\(.*\/\/ (.+)$/gm)].map((m) => m[1]!.trim());
    expect(expected.length).toBeGreaterThan(2);
    expect(stdout.trim().split("\n")).toEqual(expected);
  });

  it("documents npm scripts that exist", () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    const named = [...guide.matchAll(/npm run ([\w:]+)/g)].map((m) => m[1]!);
    expect(named).toContain("release:spec");
    for (const name of named) expect(Object.keys(scripts)).toContain(name);
  });

  it("its relative links resolve", () => {
    const links = [...guide.matchAll(/\]\((?!https?:|#)([^)#]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(existsSync(path.resolve(path.dirname(guidePath), link)), link).toBe(true);
  });
});

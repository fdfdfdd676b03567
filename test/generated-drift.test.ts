/**
 * The drift gate (`npm run check:generated`) must fail when a spec changes without generated/
 * being regenerated and committed. Run in a throw-away git copy of the repo's inputs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let work: string;

const check = (): { status: number | null; output: string } => {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/check-generated.ts"], { cwd: work, encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
};
const git = (...args: string[]): string => execFileSync("git", args, { cwd: work, encoding: "utf8" });

describe("generated/ drift check", () => {
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "kyc-drift-"));
    for (const entry of ["openapi", "generated", "scripts", "src", "redocly.yaml", "package.json", "docs"]) cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
    symlinkSync(path.join(root, "node_modules"), path.join(work, "node_modules"));
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // Each check regenerates everything (seconds of CPU): two runs cover every case.
  it("passes when generated/ matches the specs, uncommitted guide edits outside the generated sections included", () => {
    const guide = path.join(work, "docs", "clients-and-status.md");
    writeFileSync(guide, `${readFileSync(guide, "utf8")}\nA new paragraph, not yet committed.\n`);
    const r = check();
    expect(r.output).toContain("up to date");
    expect(r.status).toBe(0);
  });

  it("fails naming each problem: a guide's generated section and the diff rules tables edited by hand, and a spec changed without regenerating", () => {
    const guide = path.join(work, "docs", "clients-and-status.md");
    writeFileSync(guide, readFileSync(guide, "utf8").replace("| ER801 | 400 |", "| ER801 | 401 |"));
    const rules = path.join(work, "docs", "contract-evolution.md");
    const rulesBefore = readFileSync(rules, "utf8");
    const edited = rulesBefore.replace("| `kyc-status-unmapped` | breaking |", "| `kyc-status-unmapped` | warning |");
    expect(edited).not.toBe(rulesBefore);
    writeFileSync(rules, edited);
    const file = path.join(work, "openapi", "proof", "components", "schemas", "KycStatus.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("  - failed\n", "  - failed\n  - expired\n"));
    const r = check();
    expect(r.status).toBe(1);
    // assert each hand edit is named and rewritten back to what the specs and the rules registry say
    expect(r.output).toContain("docs/clients-and-status.md: a generated section did not match the specs");
    expect(readFileSync(guide, "utf8")).toContain("| ER801 | 400 |");
    expect(readFileSync(guide, "utf8")).not.toContain("| ER801 | 401 |");
    expect(r.output).toContain("docs/contract-evolution.md: a generated section did not match");
    expect(readFileSync(rules, "utf8")).toBe(rulesBefore);
    // assert the stale generated file is named, with the fix
    expect(r.output).toContain("generated/proof.ts");
    expect(r.output).toContain("npm run generate");
  });
});

/**
 * The contract-evolution loop of docs/contract-evolution.md, end to end, with the built CLI as a
 * user runs it: a drifted Proof recording (a new field on every success, a new status value,
 * undocumented personal fields) → `check-har --specs` fails → `suggest --specs` proposes →
 * `suggest --write` → `check-har --specs` passes on the same traffic → the edited specs lint
 * (Redocly + Spectral with the repo's rules) and generate types (openapi-typescript) → `diff`
 * says what the release must be; and no personal value of the recording lands in a spec file.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, describe, expect, it } from "vitest";
import { readSpecFile } from "../src/spec/source.js";
import { copySpecs, driftedProofTraffic, PERSONAL_VALUES, repoRoot, writeHar } from "./helpers/drifted-traffic.js";

const exec = promisify(execFile);
const specs = copySpecs("kyc-loop-");
const dir = path.dirname(specs);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command of the built package, run as a process in the workspace. */
async function cli(...args: string[]): Promise<Run> {
  return tool(process.execPath, [path.join(repoRoot, "dist", "src", "cli.js"), ...args]);
}

async function tool(file: string, args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(file, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

const bin = (name: string): string => path.join(repoRoot, "node_modules", ".bin", name);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

describe("the loop: record → check-har fails → suggest → --write → check-har passes → lint, generate → diff", () => {
  const har = writeHar(dir, "recording.har", driftedProofTraffic());

  it("runs through with the documented commands, and nothing personal lands in the spec", async () => {
    // assert the recording really holds the personal values (the proof below can fail)
    const recorded = readFileSync(har, "utf8");
    for (const v of PERSONAL_VALUES) expect(recorded).toContain(v);

    // 1. the traffic does not conform to the specs being edited (the new status value)
    const before = await cli("check-har", "recording.har", "--specs", "openapi");
    expect(before.code, before.stderr).toBe(1);
    expect(before.stdout).toContain("on_hold");

    // 2. suggest proposes (exit 1: proposed, not written), with a unified diff of the split sources
    const proposed = await cli("suggest", "recording.har", "--specs", "openapi");
    expect(proposed.code, proposed.stderr).toBe(1);
    expect(proposed.stdout).toContain("+++ b/proof/components/schemas/KycStatus.yaml");
    expect(proposed.stdout).toContain("+  - on_hold");
    expect(proposed.stdout).toContain("+++ b/proof/components/schemas/KycStatusResponse.yaml");
    expect(proposed.stdout).toContain("[breaking, major]");

    // 3. --write applies it
    const written = await cli("suggest", "recording.har", "--specs", "openapi", "--write");
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain("Written:");

    // 4. the same traffic now conforms to the edited specs
    const after = await cli("check-har", "recording.har", "--specs", "openapi");
    expect(after.code, after.stdout).toBe(0);
    // ...and a second suggest finds nothing left to propose
    const again = await cli("suggest", "recording.har", "--specs", "openapi");
    expect(again.code, again.stdout).toBe(0);

    // 5. the edited specs lint with the repo's rules: Redocly on the split sources, Spectral on the bundle
    const root = path.join(specs, "proof", "openapi.yaml");
    const redocly = await tool(bin("redocly"), ["lint", root, "--config", path.join(repoRoot, "redocly.yaml"), "--format=json"]);
    const problems = (JSON.parse(redocly.stdout) as { problems: { ruleId: string; message: string }[] }).problems;
    expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
    // The ruleset's per-file overrides name dist/specs/<slug>.yaml beside it: the workspace gets
    // the same layout, with the repo's ruleset, rule functions and packages linked in.
    for (const name of [".spectral.yaml", "spectral", "node_modules"]) symlinkSync(path.join(repoRoot, name), path.join(dir, name));
    const bundled = await tool(bin("redocly"), ["bundle", root, "-o", "dist/specs/proof.yaml", "--config", path.join(repoRoot, "redocly.yaml")]);
    expect(bundled.code, bundled.stderr).toBe(0);
    const spectral = await tool(bin("spectral"), ["lint", "dist/specs/proof.yaml", "--ruleset", ".spectral.yaml", "--format=json", "--quiet"]);
    const findings = (JSON.parse(spectral.stdout || "[]") as { code: string; severity: number; message: string }[]).filter((f) => f.severity <= 1);
    expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);

    // 6. types generate from the edited spec, with the new status value and the new field
    const read = await readSpecFile(root, "proof");
    if (!read.ok) throw new Error(read.message);
    const types = astToString(await openapiTS(read.spec.document, { silent: true }));
    expect(types).toContain('"on_hold"');
    expect(types).toMatch(/reviewedAt\?: string/);
    expect(types).toMatch(/dateOfBirth\?: string/);

    // 7. diff says what the release must be: major (a new raw status), and that status needs a
    //    normalized state before it can ship
    const diff = await cli("diff", "proof@1.0.0", "openapi/proof/openapi.yaml", "--format", "json");
    expect(diff.code, diff.stderr).toBe(1);
    const report = JSON.parse(diff.stdout) as { providers: { recommendedBump: string; changes: { id: string }[] }[] };
    expect(report.providers[0]!.recommendedBump).toBe("major");
    expect(report.providers[0]!.changes.map((c) => c.id)).toEqual(expect.arrayContaining(["kyc-status-value-added", "kyc-status-unmapped", "response-property-added-optional"]));

    // 8. no personal value from the recording appears in any spec file (grep), nor the credential
    for (const file of filesUnder(specs)) {
      const text = readFileSync(file, "utf8");
      for (const v of [...PERSONAL_VALUES, "tok_secret_123456"]) expect(text.includes(v), `${v} in ${file}`).toBe(false);
    }
  });
});

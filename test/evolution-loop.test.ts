/**
 * The contract-evolution loop of docs/contract-evolution.md, end to end, with the built CLI as a
 * user runs it: a drifted Proof recording (a new field on every success, a new status value,
 * undocumented personal fields, an undocumented 503 whose bodies quote a name and an email) →
 * `check-har --specs` fails → `suggest --specs` proposes →
 * `suggest --write` → `check-har --specs` passes on the same traffic → the edited specs lint
 * (Redocly + Spectral with the repo's rules) and generate types (openapi-typescript) → `diff`
 * says what the release must be; and no personal value of the recording lands in a spec file.
 * The same recording also holds error codes a documented status has no named example for (Proof's
 * code list, BTC Direct's catalogue): the examples suggest writes lint, and the catalogue reads them.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, describe, expect, it } from "vitest";
import { readBtcDirectCatalogue } from "../src/spec/btc-direct-catalogue.js";
import { readSpecFile } from "../src/spec/source.js";
import { copySpecs, driftedProofTraffic, newErrorCodeTraffic, PERSONAL_VALUES, repoRoot, undocumentedErrorTraffic, writeHar } from "./helpers/drifted-traffic.js";

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

async function tool(file: string, args: string[], cwd = dir): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(file, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
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

type Cli = (...args: string[]) => Promise<Run>;

/** The loop's start: check-har fails on the recording, naming `drift`, and suggest proposes (exit 1: not written); suggest's run. */
async function expectProposed(run: Cli, har: string, drift: string): Promise<Run> {
  const before = await run("check-har", har, "--specs", "openapi");
  expect(before.code, before.stderr).toBe(1);
  expect(before.stdout).toContain(drift);
  const proposed = await run("suggest", har, "--specs", "openapi");
  expect(proposed.code, proposed.stderr).toBe(1);
  return proposed;
}

/** `suggest --write` applies the edits; then check-har passes on the same recording and suggest has nothing left to propose. */
async function expectWrittenAndConforming(run: Cli, har: string): Promise<void> {
  const written = await run("suggest", har, "--specs", "openapi", "--write");
  expect(written.code, written.stderr).toBe(0);
  expect(written.stdout).toContain("Written:");
  const after = await run("check-har", har, "--specs", "openapi");
  expect(after.code, after.stdout).toBe(0);
  const again = await run("suggest", har, "--specs", "openapi");
  expect(again.code, again.stdout).toBe(0);
}

/**
 * The edited spec of `slug` in the workspace `cwd` lints with the repo's rules: Redocly on the
 * split sources, Spectral on the bundle.
 */
async function expectLintClean(cwd: string, slug: string): Promise<void> {
  const root = path.join(cwd, "openapi", slug, "openapi.yaml");
  const redocly = await tool(bin("redocly"), ["lint", root, "--config", path.join(repoRoot, "redocly.yaml"), "--format=json"], cwd);
  const problems = (JSON.parse(redocly.stdout) as { problems: { ruleId: string; message: string }[] }).problems;
  expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
  // The ruleset's per-file overrides name dist/specs/<slug>.yaml beside it: the workspace gets
  // the same layout, with the repo's ruleset, rule functions and packages linked in.
  for (const name of [".spectral.yaml", "spectral", "node_modules"]) if (!existsSync(path.join(cwd, name))) symlinkSync(path.join(repoRoot, name), path.join(cwd, name));
  const bundled = await tool(bin("redocly"), ["bundle", root, "-o", `dist/specs/${slug}.yaml`, "--config", path.join(repoRoot, "redocly.yaml")], cwd);
  expect(bundled.code, bundled.stderr).toBe(0);
  const spectral = await tool(bin("spectral"), ["lint", `dist/specs/${slug}.yaml`, "--ruleset", ".spectral.yaml", "--format=json", "--quiet"], cwd);
  const findings = (JSON.parse(spectral.stdout || "[]") as { code: string; severity: number; message: string }[]).filter((f) => f.severity <= 1);
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
}

describe("the loop: record → check-har fails → suggest → --write → check-har passes → lint, generate → diff", () => {
  // One recording, one workspace: Proof's drift (a new status value, new fields, undocumented 503 and 504) and error codes
  // documented statuses have no named example for (Proof's code list, BTC Direct's catalogue).
  const har = writeHar(dir, "recording.har", [...driftedProofTraffic(), ...undocumentedErrorTraffic(), ...newErrorCodeTraffic()]);

  it("runs through with the documented commands, and nothing personal lands in the spec", async () => {
    // assert the recording really holds the personal values (the proof below can fail)
    const recorded = readFileSync(har, "utf8");
    for (const v of PERSONAL_VALUES) expect(recorded).toContain(v);

    // 1. the traffic does not conform to the specs being edited (the new status value, a code Proof's 400 does not document)
    // 2. suggest proposes (exit 1: proposed, not written), with a unified diff of the split sources
    const proposed = await expectProposed(cli, "recording.har", "on_hold");
    expect(proposed.stdout).toContain("+++ b/proof/components/schemas/KycStatus.yaml");
    expect(proposed.stdout).toContain("+  - on_hold");
    expect(proposed.stdout).toContain("+++ b/proof/components/schemas/KycStatusResponse.yaml");
    expect(proposed.stdout).toContain("[breaking, major]");
    // ...and the undocumented 503 with its masked bodies as named examples (the lint below needs them)
    expect(proposed.stdout).toContain("document status 503 with the observed body, masked, as examples maintenance, observed_503");
    expect(proposed.stdout).toContain('+                requestedFor: "[masked]"');
    expect(proposed.stdout).toContain("+                error: service_unavailable");
    expect(proposed.stdout).toContain("values look personal: masked in the examples");
    // assert the new status key is quoted as its siblings ('502': above it)
    expect(proposed.stdout).toContain("+    '503':");
    // ...and the gateway's HTML 504, as a text example
    expect(proposed.stdout).toContain("document status 504 with the observed body, masked, as example observed_504");
    expect(proposed.stdout).toContain("+        text/html:");
    // ...and a named example for each new error code, written as its siblings are
    expect(proposed.stdout).toContain("add named example unsupported_country for error unsupported_country to the documented 400 response");
    expect(proposed.stdout).toContain("+++ b/btc-direct/components/examples/er710_user_is_not_verified.yaml");

    // 3. --write applies it
    // 4. the same traffic now conforms to the edited specs, and a second suggest finds nothing left to propose
    await expectWrittenAndConforming(cli, "recording.har");

    // 5. the edited specs lint with the repo's rules (Redocly on the split sources, Spectral on the bundle; one named example per error code)
    const root = path.join(specs, "proof", "openapi.yaml");
    await expectLintClean(dir, "proof");
    await expectLintClean(dir, "btc-direct");

    // 6. types generate from the edited spec, with the new status value and the new field
    const read = await readSpecFile(root, "proof");
    if (!read.ok) throw new Error(read.message);
    const types = astToString(await openapiTS(read.spec.document, { silent: true }));
    expect(types).toContain('"on_hold"');
    expect(types).toMatch(/reviewedAt\?: string/);
    expect(types).toMatch(/dateOfBirth\?: string/);
    // ...and the catalogue npm run generate writes reads BTC Direct's new example without a problem
    const btc = await readSpecFile(path.join(specs, "btc-direct", "openapi.yaml"), "btc-direct");
    if (!btc.ok) throw new Error(btc.message);
    const catalogue = readBtcDirectCatalogue(btc.spec.document);
    expect(catalogue.problems).toEqual([]);
    expect(catalogue.entries.map((e) => e.code)).toContain("ER710");

    // 7. diff says what each release must be: Proof major (a new raw status), and that status needs a
    //    normalized state before it can ship; BTC Direct minor (a catalogued code)
    const diff = await cli("diff", "proof@1.0.0", "openapi/proof/openapi.yaml", "--format", "json");
    expect(diff.code, diff.stderr).toBe(1);
    const report = JSON.parse(diff.stdout) as { providers: { recommendedBump: string; changes: { id: string }[] }[] };
    expect(report.providers[0]!.recommendedBump).toBe("major");
    expect(report.providers[0]!.changes.map((c) => c.id)).toEqual(expect.arrayContaining(["kyc-status-value-added", "kyc-status-unmapped", "response-property-added-optional"]));
    const btcDiff = await cli("diff", "btc-direct@2.0.0", "openapi/btc-direct/openapi.yaml", "--format", "json");
    const btcReport = JSON.parse(btcDiff.stdout) as { providers: { recommendedBump: string; changes: { id: string }[] }[] };
    expect(btcReport.providers[0]!.changes.map((c) => c.id)).toEqual(expect.arrayContaining(["btc-direct-error-code-added", "response-example-added"]));
    expect(btcReport.providers[0]!.recommendedBump).toBe("minor");

    // 8. no personal value from the recording appears in any spec file (grep), nor a credential
    for (const file of filesUnder(specs)) {
      const text = readFileSync(file, "utf8");
      for (const v of [...PERSONAL_VALUES, "Amina Otieno", "ops@proof.example", "tok_secret_123456", "key_secret_654321"]) expect(text.includes(v), `${v} in ${file}`).toBe(false);
    }
  });
});

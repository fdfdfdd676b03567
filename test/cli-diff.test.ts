/**
 * `kyc-contracts diff` through `main()` with an injected io: what OLD and NEW may be (released
 * versions, @current, folders, split roots, bundles), the five formats, --output, --fail-on
 * (and the unmapped status that fails whatever it says), --require-bump, and the usage errors.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { DiffReport } from "../src/evolution/diff.js";
import { specDocument, type OpenApiDocument } from "../src/spec/load.js";
import { runCli as run } from "./helpers/cli.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let tmp: string;

/** Writes a bundle as `<dir>/<slug>/openapi.yaml`. */
const writeBundle = (dir: string, slug: string, doc: OpenApiDocument): string => {
  const file = path.join(tmp, dir, slug, "openapi.yaml");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, stringify(doc));
  return file;
};

/** Proof with one more raw status: `expired` has no normalized state. */
const proofWithStatus = (value: string, version: string): OpenApiDocument => {
  const doc = JSON.parse(JSON.stringify(specDocument("proof")).replace('"enum":["not_started","pending","verified","failed"]', `"enum":["not_started","pending","verified","failed","${value}"]`)) as OpenApiDocument;
  return { ...doc, info: { ...doc.info, version } };
};
/** Myaza with a server added (info, minor). */
const myazaWithServer = (version: string): OpenApiDocument => {
  const doc = structuredClone(specDocument("myaza"));
  return { ...doc, info: { ...doc.info, version }, servers: [...(doc.servers as unknown[]), { url: "https://eu.myaza.app" }] };
};

let brokenProof: string;
let addedServer: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "kyc-diff-"));
  brokenProof = writeBundle("broken", "proof", proofWithStatus("expired", "2.0.0"));
  addedServer = writeBundle("additive", "myaza", myazaWithServer("1.1.0"));
  cpSync(path.join(root, "openapi", "nyota-imara"), path.join(tmp, "split", "nyota-imara"), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("what OLD and NEW may be", () => {
  it("a released version against the current spec: no change, exit 0", async () => {
    const r = await run("diff", "myaza@1.0.0", "myaza@current");
    expect(r.code).toBe(0);
    expect(r.out).toContain("myaza 1.0.0 → 1.0.0: no change");
  });
  it("without arguments: every provider's latest release against its current spec", async () => {
    const r = await run("diff", "--format", "json");
    const report = JSON.parse(r.out) as DiffReport;
    // assert all four, in the package's order, unchanged
    expect(report.providers.map((p) => p.provider)).toEqual(["proof", "btc-direct", "nyota-imara", "myaza"]);
    expect(report.counts).toEqual({ breaking: 0, warning: 0, info: 0 });
    expect(r.code).toBe(0);
  });
  it("a split source folder (the package's own layout) against a release, and a released bundle file", async () => {
    const split = await run("diff", "nyota-imara@1.0.0", path.join(tmp, "split"));
    expect(split.code).toBe(0);
    expect(split.out).toContain("nyota-imara 1.0.0 → 1.0.0: no change");
    const bundle = await run("diff", path.join(root, "releases", "proof", "1.0.0.yaml"), path.join(tmp, "split", "..", "broken", "proof", "openapi.yaml"));
    expect(bundle.out).toContain("kyc-status-unmapped");
  });
  it("two folders: providers paired by slug, one present on one side only reported", async () => {
    const r = await run("diff", path.join(tmp, "split"), path.join(tmp, "additive"), "--format", "json", "--fail-on", "never");
    const report = JSON.parse(r.out) as DiffReport;
    expect(report.providers.map((p) => [p.provider, p.oldVersion, p.newVersion])).toEqual([
      ["nyota-imara", "1.0.0", "0.0.0"],
      ["myaza", "0.0.0", "1.1.0"],
    ]);
    // assert the removal is breaking, and the notes say which side each is on
    expect(report.providers[0]?.changes.map((c) => c.id)).toContain("operation-removed");
    expect(r.err).toContain("nyota-imara: only in OLD");
    expect(r.err).toContain("myaza: only in NEW");
    expect(r.code).toBe(0);
  });
});

describe("--fail-on and the exit code", () => {
  it("breaking changes exit 1 by default and 0 with --fail-on never, except an unmapped status", async () => {
    const r = await run("diff", "proof@1.0.0", brokenProof);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BREAKING\s+kyc-status-unmapped/);
    // assert the unmapped status fails whatever --fail-on says
    expect((await run("diff", "proof@1.0.0", brokenProof, "--fail-on", "never")).code).toBe(1);
  });
  it("an additive change fails at --fail-on info only", async () => {
    expect((await run("diff", "myaza@1.0.0", addedServer)).code).toBe(0);
    expect((await run("diff", "myaza@1.0.0", addedServer, "--fail-on", "warning")).code).toBe(0);
    expect((await run("diff", "myaza@1.0.0", addedServer, "--fail-on", "info")).code).toBe(1);
  });
  it("--require-bump fails when the version is not bumped enough", async () => {
    const same = writeBundle("same-version", "myaza", myazaWithServer("1.0.0"));
    expect((await run("diff", "myaza@1.0.0", same, "--fail-on", "never")).code).toBe(0);
    const r = await run("diff", "myaza@1.0.0", same, "--fail-on", "never", "--require-bump");
    expect(r.code).toBe(1);
    // assert the verdict says which version to set (a server added: minor)
    expect(r.out).toContain("version NOT ok: 1.0.0 → 1.0.0 is not a minor bump; set info.version to 1.1.0 or higher");
    expect((await run("diff", "myaza@1.0.0", addedServer, "--require-bump")).code).toBe(0);
  });
});

describe("formats", () => {
  it("json is the DiffReport shape, with exactly its keys", async () => {
    const r = await run("diff", "proof@1.0.0", brokenProof, "--format", "json");
    const report = JSON.parse(r.out) as DiffReport;
    expect(Object.keys(report)).toEqual(["providers", "counts"]);
    expect(Object.keys(report.providers[0] ?? {})).toEqual(["provider", "oldVersion", "newVersion", "recommendedBump", "versionOk", "changes"]);
    expect(Object.keys(report.providers[0]?.changes[0] ?? {})).toEqual(["id", "level", "direction", "where", "pointer", "message", "fingerprint"]);
    expect(report.providers[0]).toMatchObject({ provider: "proof", oldVersion: "1.0.0", newVersion: "2.0.0", recommendedBump: "major", versionOk: true });
    // assert the summary goes to stderr, stdout stays JSON
    expect(r.err).toContain("breaking");
  });
  it("markdown: a section per provider with a table of changes", async () => {
    const r = await run("diff", "proof@1.0.0", brokenProof, "--format", "markdown");
    expect(r.out).toContain("### Proof spec 1.0.0 → 2.0.0");
    expect(r.out).toContain("| Level | Rule | Where | Change |");
    // assert the domain rule's Where names the operation and response, then the status
    expect(r.out).toContain('| breaking | `kyc-status-unmapped` | GET /widget/users/{partner_user_id}/kyc-status 200 → kyc status "expired" | Raw KYC status "expired"');
  });
  it("junit: one testcase per change, failures at or above --fail-on", async () => {
    const r = await run("diff", "proof@1.0.0", brokenProof, "--format", "junit");
    const breaking = (r.out.match(/<failure /g) ?? []).length;
    expect(r.out).toMatch(/^<\?xml/);
    expect(breaking).toBeGreaterThanOrEqual(3);
    expect(r.out).toContain(`failures="${breaking}"`);
    // assert at --fail-on never, only the unmapped status fails
    const never = await run("diff", "proof@1.0.0", brokenProof, "--format", "junit", "--fail-on", "never");
    expect((never.out.match(/<failure /g) ?? []).length).toBe(1);
  });
  it("github: one workflow annotation per change, escaped", async () => {
    const r = await run("diff", "myaza@1.0.0", addedServer, "--format", "github");
    expect(r.out).toBe("::notice title=myaza%3A server-added::servers: Server https://eu.myaza.app added. (/servers/2)\n");
  });
  it("--output writes the report to a file and prints the summary", async () => {
    const file = path.join(tmp, "report.md");
    const r = await run("diff", "proof@1.0.0", brokenProof, "--format", "markdown", "--output", file);
    expect(readFileSync(file, "utf8")).toContain("### Proof spec 1.0.0 → 2.0.0");
    expect(r.out).toMatch(/^kyc-contracts diff: \d+ breaking/);
    expect(r.code).toBe(1);
  });
});

describe("usage errors exit 2 and say what to do", () => {
  it.each([
    [["diff", "--format", "xml"], "--format must be one of human, json, markdown, junit, github"],
    [["diff", "--fail-on", "sometimes"], "--fail-on must be one of breaking, warning, info, never"],
    [["diff", "a", "b", "c"], "give at most OLD and NEW"],
    [["diff", "myaza@9.9.9"], "OLD: myaza@9.9.9 is not a released version: released myaza versions are 1.0.0"],
    [["diff", "missing.yaml", "myaza@current"], "OLD: missing.yaml does not exist"],
    [["diff", "proof@1.0.0", "myaza@1.0.0"], "OLD is a proof spec and NEW a myaza spec"],
    [["diff", "--provider", "acme"], "acme"],
  ])("%j", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain("kyc-contracts diff --help");
  });
  it("an unreadable spec is named", async () => {
    const bad = path.join(tmp, "bad", "myaza", "openapi.yaml");
    mkdirSync(path.dirname(bad), { recursive: true });
    writeFileSync(bad, "openapi: [unclosed\n");
    const r = await run("diff", "myaza@1.0.0", bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain("NEW:");
    expect(r.err).toContain("openapi.yaml");
  });
});

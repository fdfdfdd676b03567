/**
 * The release gate (part of `npm test`): each spec's current bundle against its latest released
 * version in releases/, and the store's integrity (released files are immutable). Then the gate
 * and `npm run release:spec` (scripts/release-spec.ts) on temp copies, to prove each refusal.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gateSpec, verifyReleaseStore } from "../src/evolution/release-gate.js";
import { listReleasedVersions, loadReleasedSpec, packageReleasesDir } from "../src/evolution/releases.js";
import { specDocument, type OpenApiDocument } from "../src/spec/load.js";
import { providerSlugs } from "../src/providers.js";
import { releaseSpec, withChangelogSection, type ReleasePaths } from "../scripts/release-spec.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("the release gate on this repository", () => {
  for (const provider of providerSlugs) {
    it(`${provider}: the current spec is its latest release, or bumped as much as its changes need`, () => {
      const verdict = gateSpec(provider, specDocument(provider));
      // assert no problem; the message says what to do when there is one
      expect(verdict.problems).toEqual([]);
      expect(verdict.latest).toBeDefined();
    });
  }
  it("every released file is intact and indexed", () => {
    expect(verifyReleaseStore()).toEqual([]);
    // assert the store is the package's own, with a version per provider
    expect(packageReleasesDir()).toBe(path.join(root, "releases"));
    for (const provider of providerSlugs) expect(listReleasedVersions(provider).length).toBeGreaterThan(0);
  });
});

/** A temp copy of releases/ (and, for the script, openapi/ and CHANGELOG.md). */
let tmp: string;
let paths: ReleasePaths;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "kyc-release-"));
  paths = { openapiDir: path.join(tmp, "openapi"), releasesDir: path.join(tmp, "releases"), changelog: path.join(tmp, "CHANGELOG.md") };
  cpSync(path.join(root, "releases"), paths.releasesDir, { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const store = (): { dir: string } => ({ dir: paths.releasesDir });
const latest = (provider: "proof" | "myaza"): OpenApiDocument => {
  const loaded = loadReleasedSpec(`${provider}@latest`, store());
  if (!loaded.ok) throw new Error(loaded.message);
  return structuredClone(loaded.spec.document);
};
const withVersion = (doc: OpenApiDocument, version: string): OpenApiDocument => ({ ...doc, info: { ...doc.info, version } });
/** Proof's status enum with one more value (mapped by statusTable or not). */
const withStatus = (doc: OpenApiDocument, value: string): OpenApiDocument => JSON.parse(JSON.stringify(doc).replace('"enum":["not_started","pending","verified","failed"]', `"enum":["not_started","pending","verified","failed","${value}"]`)) as OpenApiDocument;

describe("the gate fails", () => {
  it("on a change without a bump", () => {
    const doc = latest("proof");
    doc.info.description = "Edited.";
    const verdict = gateSpec("proof", doc, store());
    // assert the message names the bump and the command
    expect(verdict.problems).toHaveLength(1);
    expect(verdict.problems[0]).toMatch(/changed since its release 1\.0\.0 .*a patch bump needed.*npm run release:spec -- proof/);
  });
  it("on a bump smaller than the changes need, and passes with the right one", () => {
    const doc = withStatus(latest("proof"), "failed_again");
    expect(gateSpec("proof", withVersion(doc, "1.1.0"), store()).problems.join("\n")).toMatch(/need a major bump/);
    // assert the major bump satisfies the version rule, but the unmapped status still fails
    const major = gateSpec("proof", withVersion(doc, "2.0.0"), store());
    expect(major.problems).toEqual([expect.stringContaining('Raw KYC status "failed_again" has no normalized kyc.state')]);
    // assert the problem names the operation whose response holds the status
    expect(major.problems[0]).toMatch(/^proof GET \/widget\/users\/\{partner_user_id\}\/kyc-status 200 → kyc status "failed_again": /);
  });
  it("passes with a minor bump for an additive change", () => {
    const doc = latest("proof");
    doc.servers = [...(doc.servers as unknown[]), { url: "https://staging.example" }];
    expect(gateSpec("proof", withVersion(doc, "1.1.0"), store()).problems).toEqual([]);
    expect(gateSpec("proof", withVersion(doc, "1.0.1"), store()).problems).toEqual([expect.stringMatching(/need a minor bump/)]);
  });
  it("when a released file was edited", () => {
    const file = path.join(paths.releasesDir, "myaza", "1.0.0.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("Myaza Identity", "Myaza  Identity"));
    // assert both the store check and the loader refuse it
    expect(verifyReleaseStore(store())).toEqual([expect.stringContaining("was edited after its release")]);
    const loaded = loadReleasedSpec("myaza@1.0.0", store());
    expect(loaded.ok ? "loaded" : loaded.message).toMatch(/immutable/);
  });
  it("when a file is in the store but not in the index", () => {
    cpSync(path.join(paths.releasesDir, "myaza", "1.0.0.yaml"), path.join(paths.releasesDir, "myaza", "1.0.1.yaml"));
    expect(verifyReleaseStore(store())).toEqual([expect.stringContaining("1.0.1.yaml is not in releases/index.json")]);
  });
  it("when a spec was never released", () => {
    rmSync(path.join(paths.releasesDir, "index.json"));
    expect(gateSpec("myaza", latest2("myaza"), store()).problems).toEqual([expect.stringContaining("has no released version")]);
  });
});

/** The package's own release (the temp store may be emptied). */
const latest2 = (provider: "myaza"): OpenApiDocument => {
  const loaded = loadReleasedSpec(`${provider}@latest`);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.spec.document;
};

describe("loadReleasedSpec and listReleasedVersions", () => {
  it("load a version, the latest, and refuse unknown ones with what exists", () => {
    const loaded = loadReleasedSpec("btc-direct@2.0.0");
    expect(loaded.ok && loaded.spec.document.info.version).toBe("2.0.0");
    const viaLatest = loadReleasedSpec("btc-direct@latest");
    expect(viaLatest.ok && viaLatest.spec.version).toBe(listReleasedVersions("btc-direct").at(-1));
    const missing = loadReleasedSpec("btc-direct@9.9.9");
    expect(missing.ok ? "" : missing.message).toContain("released btc-direct versions are 2.0.0");
    const bad = loadReleasedSpec("acme@1.0.0");
    expect(bad.ok ? "" : bad.message).toContain("<provider>@<version>");
  });
  it("a released document equals the bundle it was released from (the current one, until the next release)", () => {
    for (const provider of providerSlugs) {
      const loaded = loadReleasedSpec(`${provider}@latest`);
      if (!loaded.ok) throw new Error(loaded.message);
      if (loaded.spec.version === specDocument(provider).info.version) expect(loaded.spec.document).toEqual(specDocument(provider));
    }
  });
});

describe("npm run release:spec", () => {
  beforeEach(() => {
    cpSync(path.join(root, "openapi", "myaza"), path.join(paths.openapiDir, "myaza"), { recursive: true });
    writeFileSync(paths.changelog, "# Changelog\n\nIntro.\n\n## [0.2.0] - Unreleased\n\n### Added\n\n- Something.\n\n## [0.1.0]\n\n- Old.\n");
  });
  const rootFile = (): string => path.join(paths.openapiDir, "myaza", "openapi.yaml");
  const edit = (from: string | RegExp, to: string): void => {
    const text = readFileSync(rootFile(), "utf8");
    const next = text.replace(from, to);
    expect(next).not.toBe(text);
    writeFileSync(rootFile(), next);
  };

  it("refuses an unchanged, already released version", async () => {
    const result = await releaseSpec("myaza", paths);
    expect(result.ok ? "" : result.message).toContain("already released and unchanged");
  });
  it("refuses a change without the bump it needs, naming the bump", async () => {
    edit("  - url: https://trust.myaza.app\n    description: Production (host used by the newest SDKs)\n    x-internal: false\n", "");
    edit("version: 1.0.0", "version: 1.1.0");
    const result = await releaseSpec("myaza", paths);
    // assert refused: a server removed is breaking → major
    expect(result.ok ? "" : result.message).toMatch(/need a major bump/);
    expect(listReleasedVersions("myaza", { dir: paths.releasesDir })).toEqual(["1.0.0"]);
  });
  it("stores a bumped version, indexes it, and writes its CHANGELOG section from the diff", async () => {
    edit("version: 1.0.0", "version: 1.0.1");
    edit("Minimal lifecycle state of a Myaza identity verification", "The minimal lifecycle state of a Myaza identity verification");
    const result = await releaseSpec("myaza", paths);
    expect(result.ok, result.ok ? "" : result.message).toBe(true);
    // assert the store: the new version loads from the temp store and the store is intact
    expect(listReleasedVersions("myaza", { dir: paths.releasesDir })).toEqual(["1.0.0", "1.0.1"]);
    const loaded = loadReleasedSpec("myaza@1.0.1", { dir: paths.releasesDir });
    expect(loaded.ok && (loaded.spec.document.info as { summary?: string }).summary).toMatch(/^The minimal/);
    expect(verifyReleaseStore({ dir: paths.releasesDir })).toEqual([]);
    // assert the changelog section, under Unreleased, above the existing entries
    const changelog = readFileSync(paths.changelog, "utf8");
    expect(changelog).toContain("## [0.2.0] - Unreleased\n\n### Myaza spec 1.0.1\n\n#### Myaza spec 1.0.0 → 1.0.1");
    expect(changelog).toContain("| info | `document-text-changed` | info | info.summary changed. |");
    expect(changelog.indexOf("### Myaza spec 1.0.1")).toBeLessThan(changelog.indexOf("### Added"));
    // assert a second run refuses: the version is now released
    const again = await releaseSpec("myaza", paths);
    expect(again.ok ? "" : again.message).toContain("already released and unchanged");
  });
});

describe("withChangelogSection", () => {
  it("creates an Unreleased section when there is none, and replaces a section of the same name", () => {
    const created = withChangelogSection("# Changelog\n\n## [0.1.0]\n\n- Old.\n", "Proof spec 1.0.1", "Body one.");
    expect(created).toBe("# Changelog\n\n## Unreleased\n\n### Proof spec 1.0.1\n\nBody one.\n\n## [0.1.0]\n\n- Old.\n");
    const replaced = withChangelogSection(created, "Proof spec 1.0.1", "Body two.");
    expect(replaced).toContain("Body two.");
    expect(replaced).not.toContain("Body one.");
  });
});

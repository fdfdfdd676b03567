/**
 * diffSpecs on the real specs: each against itself, after moving or inlining `$ref`s, and the
 * version verdicts (recommendedBump, versionOk), fingerprints and the summary.
 */
import { describe, expect, it } from "vitest";
import { bumpBetween, diffSpecs, summarizeDiffs, versionSatisfies } from "../src/evolution/diff.js";
import { resolvedDeep } from "../src/evolution/schema-diff.js";
import { specDocument, type OpenApiDocument } from "../src/spec/load.js";
import { providerSlugs } from "../src/providers.js";

type Json = Record<string, unknown>;

/** Every `$ref` replaced by a copy of its target (the specs are not recursive). */
const inlined = (doc: OpenApiDocument): OpenApiDocument => {
  const out = resolvedDeep(doc, { node: doc, pointer: "" }) as OpenApiDocument;
  delete out.components?.schemas;
  return out;
};

/** A component schema moved to another name, every `$ref` to it following. */
const moved = (doc: OpenApiDocument, from: string, to: string): OpenApiDocument => {
  const text = JSON.stringify(doc).replaceAll(`"#/components/schemas/${from}"`, `"#/components/schemas/${to}"`);
  const out = JSON.parse(text) as OpenApiDocument & { components: { schemas: Json } };
  out.components.schemas[to] = out.components.schemas[from];
  delete out.components.schemas[from];
  return out;
};

describe("each spec against itself", () => {
  for (const provider of providerSlugs) {
    it(`${provider}: no change, no bump, version ok`, () => {
      const d = diffSpecs(specDocument(provider), structuredClone(specDocument(provider)), { provider });
      // assert empty
      expect(d.changes).toEqual([]);
      expect(d.recommendedBump).toBe("none");
      expect(d.versionOk).toBe(true);
      expect(d.oldVersion).toBe(specDocument(provider).info.version);
    });
  }
});

describe("$ref layout is no change", () => {
  for (const provider of providerSlugs) {
    it(`${provider}: every $ref inlined`, () => {
      const doc = specDocument(provider);
      const flat = inlined(doc);
      // assert the inlined copy really has no $ref left, and the diff sees nothing either way
      expect(JSON.stringify(flat)).not.toContain('"$ref"');
      expect(diffSpecs(doc, flat, { provider }).changes).toEqual([]);
      expect(diffSpecs(flat, doc, { provider }).changes).toEqual([]);
    });
  }
  it("a component schema moved to another name", () => {
    const doc = specDocument("myaza");
    const names = Object.keys(doc.components?.schemas ?? {});
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      // assert no change for each schema moved
      expect(diffSpecs(doc, moved(doc, name, `Moved${name}`), { provider: "myaza" }).changes).toEqual([]);
    }
  });
  it("a change inside an inlined schema is still found", () => {
    const doc = specDocument("proof");
    const flat = inlined(doc);
    const text = JSON.stringify(flat).replace('"enum":["not_started","pending","verified","failed"]', '"enum":["not_started","pending","verified","failed","expired"]');
    expect(text).toContain("expired");
    const d = diffSpecs(doc, JSON.parse(text) as OpenApiDocument, { provider: "proof" });
    // assert found through the inlined copy: the enum rule and the domain rules
    expect(d.changes.map((c) => c.id)).toEqual(expect.arrayContaining(["response-enum-value-added", "kyc-status-value-added", "kyc-status-unmapped"]));
  });
});

describe("versions", () => {
  it("bumpBetween reads semver", () => {
    expect(bumpBetween("1.0.0", "2.0.0")).toBe("major");
    expect(bumpBetween("1.0.0", "1.1.0")).toBe("minor");
    expect(bumpBetween("1.0.0", "1.0.1")).toBe("patch");
    expect(bumpBetween("1.2.3", "1.2.3")).toBe("none");
    // assert a downgrade and a non-semver value give no bump
    expect(bumpBetween("1.2.0", "1.1.9")).toBeUndefined();
    expect(bumpBetween("1", "2")).toBeUndefined();
  });
  it("versionSatisfies: at least the recommended bump; a major bump always; equal only for none", () => {
    expect(versionSatisfies("1.0.0", "2.0.0", "major")).toBe(true);
    expect(versionSatisfies("1.0.0", "2.0.0", "patch")).toBe(true);
    expect(versionSatisfies("1.0.0", "1.1.0", "major")).toBe(false);
    expect(versionSatisfies("1.0.0", "1.0.1", "minor")).toBe(false);
    expect(versionSatisfies("1.0.0", "1.0.0", "patch")).toBe(false);
    expect(versionSatisfies("1.0.0", "1.0.0", "none")).toBe(true);
  });
  it("recommendedBump and versionOk of a diff", () => {
    const doc = specDocument("proof");
    const text = structuredClone(doc);
    text.info = { ...text.info, description: "changed", version: "1.0.1" };
    const d = diffSpecs(doc, text, { provider: "proof" });
    // assert text only → patch, satisfied by 1.0.1
    expect([d.recommendedBump, d.versionOk]).toEqual(["patch", true]);
    const same = diffSpecs(doc, { ...text, info: { ...text.info, version: doc.info.version } }, { provider: "proof" });
    expect([same.recommendedBump, same.versionOk]).toEqual(["patch", false]);
  });
});

describe("document-level text", () => {
  it("info, tags, externalDocs and top-level extensions are text changes (patch); info.version is not a change", () => {
    const old = specDocument("myaza");
    const next = { ...structuredClone(old), externalDocs: { url: "https://docs.myaza.app" }, "x-audience": "partners", tags: [] };
    next.info = { ...next.info, version: "1.0.1", title: "Renamed" };
    const d = diffSpecs(old, next, { provider: "myaza" });
    // assert one change per key, all document-text-changed, a patch bump
    expect(d.changes.map((c) => [c.id, c.where])).toEqual([
      ["document-text-changed", "info"],
      ["document-text-changed", "tags"],
      ["document-text-changed", "externalDocs"],
      ["document-text-changed", "x-audience"],
    ]);
    expect([d.recommendedBump, d.versionOk]).toEqual(["patch", true]);
  });
});

describe("fingerprints and the summary", () => {
  it("fingerprints are stable across runs and differ per change", () => {
    const old = specDocument("proof");
    const next = JSON.parse(JSON.stringify(old).replace('"enum":["not_started","pending","verified","failed"]', '"enum":["not_started","pending","verified","failed","expired","paused"]')) as OpenApiDocument;
    const a = diffSpecs(old, next, { provider: "proof" });
    const b = diffSpecs(structuredClone(old), structuredClone(next), { provider: "proof" });
    // assert same fingerprints run to run, one per change
    expect(a.changes.map((c) => c.fingerprint)).toEqual(b.changes.map((c) => c.fingerprint));
    expect(new Set(a.changes.map((c) => c.fingerprint)).size).toBe(a.changes.length);
    expect(a.changes.filter((c) => c.id === "kyc-status-unmapped")).toHaveLength(2);
  });
  it("summarizeDiffs counts per level", () => {
    const old = specDocument("proof");
    const next = structuredClone(old);
    next.info = { ...next.info, description: "x" };
    const d = diffSpecs(old, next, { provider: "proof" });
    const report = summarizeDiffs([d, diffSpecs(old, old, { provider: "proof" })]);
    expect(report.counts).toEqual({ breaking: 0, warning: 0, info: 1 });
    expect(report.providers).toHaveLength(2);
  });
});

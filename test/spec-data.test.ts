/**
 * generated/<slug>-spec.ts (what loadSpec and every run-time reader use) must be the same
 * document as dist/specs/<slug>.yaml (what `npm run bundle` ships for other tools): two
 * bundlers, one spec. The global setup has just re-bundled dist/specs.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { providerSlugs } from "../src/providers.js";
import { bundledSpecPath, loadSpec, specDocument } from "../src/spec/index.js";

describe("spec data modules", () => {
  for (const slug of providerSlugs) {
    it(`${slug}: the generated data module equals the shipped YAML bundle`, async () => {
      const shipped: unknown = parse(readFileSync(bundledSpecPath(slug), "utf8"));
      // assert the same document, and that loadSpec serves exactly it
      expect(specDocument(slug)).toEqual(shipped);
      expect(await loadSpec(slug)).toBe(specDocument(slug));
    });
  }

  it("rejects an unknown provider with the list of known ones", async () => {
    expect(() => specDocument("stripe" as "proof")).toThrow('Unknown provider "stripe": use one of proof, btc-direct, nyota-imara, myaza.');
    await expect(loadSpec("stripe" as "proof")).rejects.toThrow("Unknown provider");
  });
});

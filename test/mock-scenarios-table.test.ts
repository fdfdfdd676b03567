/** The guides' generated sections: the mock scenarios table (docs/twins.md) and the marker helper behind it. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderScenariosMarkdown } from "../scripts/mock-scenarios-table.js";
import { generatedSectionFiles, replaceGeneratedSection, sectionMarkers } from "../scripts/generated-section.js";
import { providerSlugs } from "../src/providers.js";
import { listScenarios, loadSpec } from "../src/spec/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const specs = await Promise.all(providerSlugs.map(async (slug) => ({ slug, doc: await loadSpec(slug) })));

describe("renderScenariosMarkdown", () => {
  const table = renderScenariosMarkdown(specs);
  const rows = table.split("\n").slice(2);

  it("has one row per named example of every operation, with its Prefer value", () => {
    const scenarios = specs.flatMap(({ doc }) => listScenarios(doc));
    expect(rows).toHaveLength(scenarios.length);
    scenarios.forEach((s, i) => expect(rows[i]).toContain(`| ${s.status} | \`${s.prefer}\` |`));
  });

  it("marks, per operation, the example served by default, without credentials, and to an invalid request", () => {
    const documenting = (statuses: string[]): number => specs.filter(({ doc }) => listScenarios(doc).some((s) => statuses.includes(s.status))).length;
    // assert one mark per operation that documents the status Prism falls back to
    expect(rows.filter((r) => r.includes("by default"))).toHaveLength(specs.length);
    expect(rows.filter((r) => r.includes("without credentials"))).toHaveLength(documenting(["401"]));
    expect(rows.filter((r) => r.includes("to an invalid request"))).toHaveLength(documenting(["400", "422"]));
    expect(rows.find((r) => r.includes("without credentials") && r.includes("er806_api_key_not_found"))).toBeDefined();
  });

  it("is what docs/twins.md holds between its markers", () => {
    const guide = readFileSync(path.join(root, generatedSectionFiles["mock-scenarios"]), "utf8");
    expect(replaceGeneratedSection(guide, "mock-scenarios", table)).toBe(guide);
  });
});

describe("replaceGeneratedSection", () => {
  const { start, end } = sectionMarkers("demo");

  it("replaces only the text between the section's markers", () => {
    const readme = `intro\n${start}\nold\n${end}\noutro\n`;
    expect(replaceGeneratedSection(readme, "demo", "new")).toBe(`intro\n${start}\nnew\n${end}\noutro\n`);
  });

  it.each([
    ["no markers", "intro\n"],
    ["only the start marker", `${start}\n`],
    ["the markers swapped", `${end}\n${start}\n`],
  ])("throws on %s", (_, readme) => {
    expect(() => replaceGeneratedSection(readme, "demo", "new")).toThrow(`The document lacks the markers ${start}`);
    expect(() => replaceGeneratedSection(readme, "demo", "new", undefined, "docs/x.md")).toThrow(`docs/x.md lacks the markers ${start}`);
  });
});

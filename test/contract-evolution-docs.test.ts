/**
 * docs/contract-evolution.md: its rules tables are what the registry renders. (Its shell and
 * TypeScript examples run in test/doc-blocks.test.ts, like every guide's; links: test/doc-links.test.ts.)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DIFF_RULES_SECTION, renderDiffRulesMarkdown } from "../scripts/diff-rules-table.js";
import { sectionMarkers } from "../scripts/generated-section.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const guide = readFileSync(path.join(root, "docs", "contract-evolution.md"), "utf8");

describe("docs/contract-evolution.md", () => {
  it("its rules tables are the registry's (npm run generate writes them)", () => {
    const { start, end } = sectionMarkers(DIFF_RULES_SECTION);
    const body = guide.slice(guide.indexOf(start) + start.length, guide.indexOf(end)).trim();
    // assert the section exists and equals the rendering
    expect(guide.indexOf(start)).toBeGreaterThan(0);
    expect(body).toBe(renderDiffRulesMarkdown());
  });
});

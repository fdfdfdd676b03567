/** docs/cli.md's command reference is every command's summary and --help, as `npm run generate` renders it. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderCliReference } from "../scripts/cli-reference.js";
import { generatedSectionFiles, replaceGeneratedSection } from "../scripts/generated-section.js";
import { commands } from "../src/cli/main.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("the CLI reference in docs/cli.md", () => {
  it("has a heading and the full --help of every command", () => {
    const reference = renderCliReference();
    for (const command of commands) {
      expect(reference).toContain(`### \`kyc-contracts ${command.name}\``);
      expect(reference).toContain(command.help.trimEnd());
    }
  });

  it("is what docs/cli.md holds between its markers", () => {
    const guide = readFileSync(path.join(root, generatedSectionFiles["cli-reference"]), "utf8");
    expect(replaceGeneratedSection(guide, "cli-reference", renderCliReference())).toBe(guide);
  });
});

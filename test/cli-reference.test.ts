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

/**
 * Where the descriptions of a help text's Options block start: each option line's description
 * (after the option and two or more spaces) and each continuation line must start at one column.
 * Returns a problem per line that does not, naming the line.
 */
function optionColumnProblems(help: string): string[] {
  const lines = help.split("\n");
  const start = lines.findIndex((l) => l === "Options:");
  if (start < 0) return [];
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "") break;
    block.push(line);
  }
  const columnOf = (line: string): number => {
    if (!line.startsWith("  -")) return line.length - line.trimStart().length;
    const m = /^ {2}\S(?:\S| (?! ))*\s{2,}/.exec(line);
    return m ? m[0].length : -1;
  };
  const column = columnOf(block[0] ?? "");
  return block.filter((l) => columnOf(l) !== column).map((l) => `"${l.trim()}" does not start its text at column ${column}`);
}

describe("every command's --help", () => {
  it.each(commands.map((c) => [c.name, c] as const))("%s: the option descriptions start at one column", (_name, command) => {
    expect(optionColumnProblems(command.help)).toEqual([]);
  });

  it("the column check finds an overflowing option and a misplaced continuation line", () => {
    const help = "Usage: x\n\nOptions:\n  --a N      first\n             more of it\n  --long-option N  second\n              off by one\n  -h, --help show\n\nAfter.";
    expect(optionColumnProblems(help)).toEqual([
      '"--long-option N  second" does not start its text at column 13',
      '"off by one" does not start its text at column 13',
      '"-h, --help show" does not start its text at column 13',
    ]);
  });
});

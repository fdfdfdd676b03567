/**
 * The one convention for code blocks in README.md and docs/**\/*.md: a block's language tag (and,
 * for some, its first line) says which test runs it, and a block no runner takes is a problem,
 * so a guide example cannot go unexercised. docs/README.md ("How the examples are tested")
 * states the table for authors.
 *
 * | Block | Runner |
 * | `ts`, `js` | `script`: run with tsx against the sources (test/doc-blocks.test.ts); `ts` ones also type-checked and run against the installed tarball (test/package.test.ts) |
 * | `ts` opening with `// test/<name>.ts` | `vitest`: a file of a consumer's vitest suite, type-checked and run against the tarball (test/package.test.ts) |
 * | `yaml` opening with the twin-fixtures `$schema` comment | `fixtures`: checked with checkFixtures (test/doc-blocks.test.ts) |
 * | `sh` | `cli`: kyc-contracts options against the command's --help, npm scripts against package.json (test/doc-blocks.test.ts) |
 * | `sh` with `# → text` lines | `shell`: run with bash in a scratch folder holding a copy of openapi/, `kyc-contracts` being the CLI from the sources; its output must contain each `# →` text (test/doc-blocks.test.ts) |
 * | `yaml` opening with `# .github/workflows/<name>.yml` | `workflow`: a CI workflow; each `run:` step is checked like a `sh` line (test/doc-blocks.test.ts) |
 * | `text` | `none`: output or a listing |
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { commands } from "../../src/cli/main.js";
import { docFiles, fencedBlocks } from "./markdown.js";

export type BlockRunner = "script" | "vitest" | "fixtures" | "cli" | "shell" | "workflow" | "none";

export interface DocBlock {
  /** Where it is: `docs/twins.md:42`. */
  where: string;
  lang: string;
  code: string;
  runner: BlockRunner;
  /** For `vitest` blocks: the consumer file it stands for (`test/kyc-twins.test.ts`). */
  vitestFile?: string;
}

/** The first line a fixtures block opens with (what editors read the schema from). */
export const FIXTURES_SCHEMA_LINE = "# yaml-language-server: $schema=node_modules/kyc-status-contracts/generated/twin-fixtures.schema.json";

/** A workflow block opens with the path a team would save it at. */
const WORKFLOW_LINE = /^# \.github\/workflows\/[\w.-]+\.ya?ml\n/;
/** A `sh` block with `# → text` lines is a script whose output is checked. */
const SHELL_OUTPUT_LINE = /^# → /m;

/** What a `sh` script's `# → text` lines say its output contains. */
export const expectedShellOutput = (code: string): string[] => [...code.matchAll(/^# → (.+)$/gm)].map((m) => m[1] ?? "");

/** Each kind of block, the runner that takes it; undefined: no runner (a problem). */
function runnerOf(lang: string, code: string): { runner: BlockRunner; vitestFile?: string } | undefined {
  if (lang === "ts" || lang === "js") {
    const file = /^\/\/ (test\/[\w.-]+\.ts)\b/.exec(code)?.[1];
    return file && lang === "ts" ? { runner: "vitest", vitestFile: file } : { runner: "script" };
  }
  if (lang === "yaml") return code.startsWith(`${FIXTURES_SCHEMA_LINE}\n`) ? { runner: "fixtures" } : WORKFLOW_LINE.test(code) ? { runner: "workflow" } : undefined;
  if (lang === "sh") return SHELL_OUTPUT_LINE.test(code) ? { runner: "shell" } : { runner: "cli" };
  if (lang === "text") return { runner: "none" };
  return undefined;
}

/** The blocks of one Markdown text, and a problem for each block no runner takes or a vitest file named twice. */
export function parseDocBlocks(markdown: string, file: string): { blocks: DocBlock[]; problems: string[] } {
  const blocks: DocBlock[] = [];
  const problems: string[] = [];
  for (const block of fencedBlocks(markdown).blocks) {
    const lang = block.info.split(/\s+/)[0] ?? "";
    const where = `${file}:${block.line}`;
    const runner = runnerOf(lang, block.code);
    if (!runner) {
      problems.push(
        `${where}: a \`\`\`${lang || "(no language)"} block has no runner. Use ts/js (run), yaml opening with the twin-fixtures $schema line or a # .github/workflows/ path (checked), sh (commands checked; run when it has # → output lines) or text (not run); see docs/README.md, "How the examples are tested".`,
      );
      continue;
    }
    blocks.push({ where, lang, code: block.code, ...runner });
  }
  return { blocks, problems };
}

/** Every block of README.md and docs/**\/*.md under `root`, with the problems of all of them (a vitest file named by two blocks included). */
export function collectDocBlocks(root: string, files: readonly string[] = docFiles(root)): { blocks: DocBlock[]; problems: string[] } {
  const all = files.map((file) => parseDocBlocks(readFileSync(path.join(root, file), "utf8"), file));
  const blocks = all.flatMap((r) => r.blocks);
  const problems = all.flatMap((r) => r.problems);
  const byFile = new Map<string, string>();
  for (const b of blocks) {
    if (!b.vitestFile) continue;
    const first = byFile.get(b.vitestFile);
    if (first) problems.push(`${b.where}: ${b.vitestFile} is already the file of the block at ${first}; give each vitest block its own file name.`);
    else byFile.set(b.vitestFile, b.where);
  }
  return { blocks, problems };
}

/** What the `console.log(…); // text` lines of a script say they print, in order (a trailing `(note)` is not part of it). */
export const expectedOutput = (code: string): string[] => [...code.matchAll(/console\.log\(.*\); \/\/ ([^(\n]+?)\s*(?:\(.*\))?$/gm)].map((m) => (m[1] ?? "").trim());

/** The `kyc-contracts` invocations and `npm run` scripts of a `sh` block (continuation lines joined, comments and env assignments dropped). */
export function shellCommands(code: string): { kind: "kyc-contracts" | "npm" | "other"; words: string[]; line: string }[] {
  return code
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .flatMap((raw) => raw.replace(/\s#.*$/, "").split("&&"))
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const words = line.split(/\s+/).filter((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w));
      if (words[0] === "npx") words.shift();
      const kind = words[0] === "kyc-contracts" ? "kyc-contracts" : words[0] === "npm" ? "npm" : "other";
      return { kind, words, line };
    });
}

/** Problems of a `sh` block: kyc-contracts commands and options that do not exist, npm scripts package.json lacks, lines that are neither. */
export function shellProblems(code: string, scripts: Readonly<Record<string, string>>): string[] {
  return shellCommands(code).flatMap(({ kind, words, line }) => {
    if (kind === "other") return [`"${line}": neither kyc-contracts nor npm; such a line has no runner`];
    if (kind === "npm") {
      const [, verb, script] = words;
      const name = verb === "run" ? script : verb === "start" || verb === "test" ? verb : undefined;
      if (verb === "ci" || verb === "install") return [];
      return name !== undefined && scripts[name] !== undefined ? [] : [`"${line}": package.json has no script ${name ?? verb ?? ""}`];
    }
    const command = commands.find((c) => c.name === words[1]);
    if (!command) return [`"${line}": kyc-contracts has no command ${words[1] ?? "(none)"}`];
    return words
      .filter((w) => w.startsWith("--"))
      .map((w) => w.split("=")[0] ?? w)
      .filter((flag) => !new RegExp(`${flag}(?![\\w-])`).test(command.help))
      .map((flag) => `"${line}": kyc-contracts ${command.name} has no option ${flag} (see its --help)`);
  });
}

/**
 * Every code block of README.md and docs/**\/*.md has a runner (test/support/doc-blocks.ts), and
 * the runners that need no installed package run here: scripts against the sources (and what
 * their `// comments` say they print), twin fixtures, shell lines (kyc-contracts options against
 * each command's --help, npm scripts against package.json) and shell scripts with the built CLI. The tarball runs the `ts`
 * blocks again, type-checked, and the vitest blocks (test/package-tools.test.ts).
 */
import { execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFixtures } from "../src/twin/index.js";
import { collectDocBlocks, expectedOutput, expectedShellOutput, FIXTURES_SCHEMA_LINE, parseDocBlocks, shellProblems } from "./support/doc-blocks.js";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { blocks, problems } = collectDocBlocks(root);
const of = (runner: string) => blocks.filter((b) => b.runner === runner).map((b) => [b.where, b] as const);

/** Package specifiers → their sources, from tsconfig.json `paths` (test/public-api.test.ts keeps those equal to package.json `exports`). */
const sources = Object.entries((JSON.parse(readFileSync(path.join(root, "tsconfig.json"), "utf8")) as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths)
  .filter(([specifier]) => !specifier.includes("*"))
  .map(([specifier, [target]]) => [specifier, path.join(root, target ?? "")] as const);
const toSources = (code: string): string =>
  code.replace(/(["'])(kyc-status-contracts(?:\/[\w/.-]+)?)\1/g, (quoted, _q: string, name: string) => {
    const source = sources.find(([specifier]) => specifier === name)?.[1];
    return source ? JSON.stringify(source) : quoted;
  });


// Inside the repo (reports/ is ignored by git), so a block's other imports (msw, node built-ins) resolve from node_modules.
mkdirSync(path.join(root, "reports"), { recursive: true });
const dir = mkdtempSync(path.join(root, "reports", "doc-blocks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { MYAZA_WEBHOOK_SECRET: _ignored, ...env } = process.env;

describe("every block has a runner", () => {
  it("README.md and docs/**/*.md: no block of a kind no test runs, no vitest file named twice", () => {
    expect(problems).toEqual([]);
    // assert each runner has work, so a collector that finds nothing cannot pass
    for (const runner of ["script", "vitest", "fixtures", "cli", "shell", "workflow"]) expect(of(runner).length, runner).toBeGreaterThan(0);
  });

  it("a runnable-looking block with no runner is a problem naming where it is", () => {
    const md = ["# T", "```python", "print(1)", "```", "```", "npm test", "```", "```yaml", "myaza: {}", "```", "```bash", "ls", "```", "```ts", "// test/a.test.ts", "```", "```text", "out", "```"].join("\n");
    const parsed = parseDocBlocks(md, "docs/x.md");
    expect(parsed.problems.map((p) => p.slice(0, p.indexOf(" block has no runner")))).toEqual(["docs/x.md:2: a ```python", "docs/x.md:5: a ```(no language)", "docs/x.md:8: a ```yaml", "docs/x.md:11: a ```bash"]);
    expect(parsed.blocks.map((b) => [b.where, b.runner, b.vitestFile])).toEqual([
      ["docs/x.md:14", "vitest", "test/a.test.ts"],
      ["docs/x.md:17", "none", undefined],
    ]);
    expect(parseDocBlocks(`\`\`\`yaml\n${FIXTURES_SCHEMA_LINE}\nmyaza: {}\n\`\`\`\n`, "f.md").blocks[0]?.runner).toBe("fixtures");
  });

  it("two blocks naming the same vitest file are a problem", () => {
    const tmp = mkdtempSync(path.join(dir, "dup-"));
    mkdirSync(path.join(tmp, "docs"));
    writeFileSync(path.join(tmp, "README.md"), "```ts\n// test/same.test.ts\n```\n");
    writeFileSync(path.join(tmp, "docs", "g.md"), "text\n\n```ts\n// test/same.test.ts\n```\n");
    expect(collectDocBlocks(tmp).problems).toEqual(["docs/g.md:3: test/same.test.ts is already the file of the block at README.md:1; give each vitest block its own file name."]);
  });
});

describe("scripts run against the sources and print what their comments say", () => {
  it.each(of("script"))("%s", async (where, block) => {
    const file = path.join(dir, `${where.replace(/[/:.]/g, "-")}.mts`);
    writeFileSync(file, `${toSources(block.code)}\nexport {};\n`);
    const { stdout } = await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), file], { cwd: dir, env, timeout: 60_000 });
    // assert every commented console.log printed its comment, in order (other output may come between)
    const printed = stdout.split("\n").map((l) => l.trim());
    let at = 0;
    for (const line of expectedOutput(block.code)) {
      const found = printed.indexOf(line, at);
      expect(found, `${where} should print "${line}"; it printed:\n${stdout}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it("reads expected output from `console.log(…); // text (note)` lines only", () => {
    expect(expectedOutput('console.log(a); // 204 (handled)\nif (x) console.log(b); // pending ver_1\nconsole.log(c);\nconsole.log(d);   // spaced, ignored\n')).toEqual(["204", "pending ver_1"]);
  });
});

describe("twin fixtures blocks pass the fixtures schema and checks", () => {
  it.each(of("fixtures"))("%s", (where, block) => {
    const checked = checkFixtures(parse(block.code) as never);
    expect(checked.ok ? "ok" : checked.problem.message, where).toBe("ok");
  });
});

describe("shell blocks name commands, options and scripts that exist", () => {
  const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };

  it.each(of("cli"))("%s", (_where, block) => {
    expect(shellProblems(block.code, scripts)).toEqual([]);
  });

  it("fails on an option a command lacks, an unknown command or script, and a line that is neither", () => {
    const code = "npx kyc-contracts conform --provider myaza --no-such-flag\nkyc-contracts deploy\nnpm run no-such-script\ncurl http://x\n# a comment\nMYAZA_API_KEY=k \\\n  npx kyc-contracts conform --base-url http://x\n";
    expect(shellProblems(code, scripts)).toEqual([
      '"npx kyc-contracts conform --provider myaza --no-such-flag": kyc-contracts conform has no option --no-such-flag (see its --help)',
      '"kyc-contracts deploy": kyc-contracts has no command deploy',
      '"npm run no-such-script": package.json has no script no-such-script',
      '"curl http://x": neither kyc-contracts nor npm; such a line has no runner',
    ]);
  });
});

describe("shell scripts with `# →` lines run, in a scratch copy of openapi/, and print what those lines say", () => {
  /** A `kyc-contracts` on PATH: the built CLI, as the package's bin runs it (`npm test` builds before vitest; a third of the CPU of running the sources through tsx). */
  const bin = path.join(dir, "bin");
  const cli = path.join(root, "dist", "src", "cli.js");
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, "kyc-contracts"), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does).`);
  });
  chmodSync(path.join(bin, "kyc-contracts"), 0o755);

  it.each(of("shell"))("%s", async (where, block) => {
    const cwd = mkdtempSync(path.join(dir, "sh-"));
    cpSync(path.join(root, "openapi"), path.join(cwd, "openapi"), { recursive: true });
    const { stdout, stderr } = await run("bash", ["-euo", "pipefail", "-c", block.code], { cwd, env: { ...env, PATH: `${bin}:${process.env.PATH ?? ""}` }, timeout: 120_000 });
    // assert each `# →` text appears in the output (a script with none is not a shell block)
    const expected = expectedShellOutput(block.code);
    expect(expected.length).toBeGreaterThan(0);
    for (const text of expected) expect(stdout + stderr, `${where} should print "${text}"`).toContain(text);
  });

  it("reads the expected output from `# → text` lines only, and takes such a block as a script", () => {
    expect(expectedShellOutput("kyc-contracts diff\n# → no change\n# a comment\necho '# → not this'\n")).toEqual(["no change"]);
    expect(parseDocBlocks("```sh\nls\n# → x\n```\n", "f.md").blocks[0]?.runner).toBe("shell");
  });
});

describe("workflow blocks run only commands and options that exist", () => {
  const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const runSteps = (code: string): string[] => {
    const doc = parse(code) as { jobs?: Record<string, { steps?: { run?: string }[] }> };
    return Object.values(doc.jobs ?? {}).flatMap((job) => (job.steps ?? []).flatMap((step) => (typeof step.run === "string" ? [step.run] : [])));
  };

  it.each(of("workflow"))("%s", (_where, block) => {
    const steps = runSteps(block.code);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(shellProblems(step, scripts)).toEqual([]);
  });

  it("fails on a run step with an option its command lacks", () => {
    const code = "# .github/workflows/x.yml\njobs:\n  a:\n    steps:\n      - run: npx kyc-contracts check-har r/ --no-such-flag\n";
    expect(parseDocBlocks(`\`\`\`yaml\n${code}\`\`\`\n`, "f.md").blocks[0]?.runner).toBe("workflow");
    expect(runSteps(code).flatMap((step) => shellProblems(step, scripts))).toEqual(['"npx kyc-contracts check-har r/ --no-such-flag": kyc-contracts check-har has no option --no-such-flag (see its --help)']);
  });
});

/**
 * The package as a consumer gets it, with the optional peer dependencies (Prism, Redocly CLI,
 * vitest) installed by the very command the CLI prints when they are missing
 * (test/support/packed-install.ts; test/package.test.ts checks the package without them): the
 * mocks, conformance and docs from the installed package, the `ts` examples of README.md and
 * docs/ (test/support/doc-blocks.ts), and examples/consumer on the same install.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectDocBlocks } from "./support/doc-blocks.js";
import { copyConsumerExample } from "./support/consumer-example.js";
import { packAndInstall, prismProcessesUnder, root, type PackedInstall } from "./support/packed-install.js";
import { typecheckProject } from "./support/typecheck.js";

let install: PackedInstall | undefined;
/** The install of beforeAll (a test that runs without one is a bug of this file). */
const theInstall = (): PackedInstall => install ?? expect.unreachable("beforeAll did not install the package");
const exec = (file: string, args: string[], cwd?: string): string => theInstall().exec(file, args, cwd);

/** The `ts` blocks of README.md and docs/**\/*.md: scripts, and files of a consumer's vitest suite (`// test/<name>.ts`). */
const tsDocBlocks = () => collectDocBlocks(root).blocks.filter((b) => b.lang === "ts");
/** The consumer's environment for a vitest run of its own: vitest's variables would make it think it is a worker of this run. */
const innerVitestEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_OPTIONS" && k !== "TEST"));

describe("installed from its npm pack tarball, with the optional tools installed by the command the CLI prints", () => {
  let consumer: string;
  beforeAll(() => {
    install = packAndInstall({ tools: true });
    consumer = install.consumer;
  }, 600_000);
  afterAll(() => {
    if (install) rmSync(install.consumer, { recursive: true, force: true });
  });

  it("runs and type-checks every TypeScript example of README.md and docs/", () => {
    const blocks = tsDocBlocks();
    expect(blocks.length).toBeGreaterThan(5);
    // A block opening with `// test/<name>.ts` is a file of a vitest suite: written there, type-checked
    // here and run by vitest in the next test instead of tsx.
    const files = blocks.map((block, i) => {
      const file = block.vitestFile ?? `readme-${i}.ts`;
      mkdirSync(path.dirname(path.join(consumer, file)), { recursive: true });
      writeFileSync(path.join(consumer, file), `${block.code}\nexport {};\n`);
      return file;
    });
    writeFileSync(
      path.join(consumer, "tsconfig.readme.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, types: ["node"], typeRoots: [path.join(root, "node_modules", "@types")] }, files }),
    );
    const checked = typecheckProject(path.join(consumer, "tsconfig.readme.json"));
    expect(checked.ok, checked.output).toBe(true);
    // The scripts run one after another in one tsx process (one start instead of one per block), each announced so a failure names its block.
    const scripts = blocks.flatMap((block, i) => (block.vitestFile ? [] : [{ file: files[i]!, where: block.where }]));
    writeFileSync(path.join(consumer, "run-doc-scripts.ts"), `${scripts.map((s) => `console.log(${JSON.stringify(`--- ${s.where}`)});\nawait import(${JSON.stringify(`./${s.file}`)});`).join("\n")}\nexport {};\n`);
    const run = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "run-doc-scripts.ts"], { cwd: consumer, encoding: "utf8", timeout: 120_000, env: { ...process.env, npm_config_loglevel: "error" } });
    expect(run.status, `a script block failed (the last "---" line names it):\n${run.stdout}${run.stderr}`).toBe(0);
    expect(run.stdout.match(/^--- /gm)).toHaveLength(scripts.length);
  });

  it("runs the vitest examples of README.md and docs/: mocks from a globalSetup (stopped at the end), twins, the matcher", () => {
    const blocks = tsDocBlocks().flatMap((b) => (b.vitestFile ? [b.vitestFile] : []));
    const setup = blocks.filter((f) => f.endsWith(".setup.ts"));
    const tests = blocks.filter((f) => f.endsWith(".test.ts"));
    expect(setup).toHaveLength(1);
    expect(tests.length).toBeGreaterThan(0);
    writeFileSync(path.join(consumer, "vitest.config.mjs"), `export default { test: { globalSetup: ${JSON.stringify(setup)}, include: ${JSON.stringify(tests)} } };\n`);
    const run = spawnSync(process.execPath, [path.join(consumer, "node_modules", "vitest", "vitest.mjs"), "run", "--config", "vitest.config.mjs"], { cwd: consumer, encoding: "utf8", env: innerVitestEnv() });
    const output = stripVTControlCharacters(run.stdout + run.stderr);
    expect(output).toMatch(/Tests\s+\d+ passed/);
    expect(output).not.toMatch(/\d+ failed/);
    expect(run.status, output).toBe(0);
    // assert the teardown stopped every Prism the setup started
    expect(prismProcessesUnder(consumer)).toEqual([]);
  }, 120_000);

  describe("examples/consumer, on this install", () => {
    let example: string;
    beforeAll(() => {
      example = copyConsumerExample(root, consumer);
    });
    const tsc = (project: string) => typecheckProject(path.join(example, project));

    it("type-checks with its tsconfig (NodeNext) and with Bundler resolution; node10 resolution cannot find the entry points", () => {
      const own = tsc("tsconfig.json");
      expect(own.ok, own.output).toBe(true);
      const variant = (name: string, compilerOptions: Record<string, string>): string => {
        writeFileSync(path.join(example, name), JSON.stringify({ extends: "./tsconfig.json", compilerOptions }));
        return name;
      };
      const bundler = tsc(variant("tsconfig.bundler.json", { module: "ESNext", moduleResolution: "Bundler" }));
      expect(bundler.ok, bundler.output).toBe(true);
      // assert the README's warning: node10 ignores `exports`, so the subpath entry points are not found
      const node10 = tsc(variant("tsconfig.node10.json", { module: "ESNext", moduleResolution: "node10" }));
      expect(node10.ok).toBe(false);
      expect(node10.output).toContain("Cannot find module 'kyc-status-contracts/twin'");
    });

    it("runs its tests with vitest: twins, client, a transition, faults, the journal against the contract", () => {
      const run = spawnSync(process.execPath, [path.join(consumer, "node_modules", "vitest", "vitest.mjs"), "run"], { cwd: example, encoding: "utf8", env: innerVitestEnv() });
      const output = stripVTControlCharacters(run.stdout + run.stderr);
      expect(output).toMatch(/Tests\s+8 passed \(8\)/);
      expect(run.status, output).toBe(0);
    }, 120_000);
  });

  it("starts and stops every provider's mock through kyc-status-contracts/mock", () => {
    writeFileSync(
      path.join(consumer, "mocks.mjs"),
      `import { startMocks, exampleRequest } from "kyc-status-contracts/mock";
import { loadSpec, providerSlugs } from "kyc-status-contracts";
const mocks = await startMocks();
const statuses = {};
for (const slug of providerSlugs) {
  const request = exampleRequest(await loadSpec(slug));
  statuses[slug] = (await fetch(mocks.urls[slug] + request.path, { headers: request.headers })).status;
}
await mocks.stop();
console.log(JSON.stringify({ statuses, pids: Object.values(mocks.pids) }));`,
    );
    const out = JSON.parse(exec(process.execPath, ["mocks.mjs"])) as { statuses: Record<string, number>; pids: number[] };
    expect(out.statuses).toEqual({ proof: 200, "btc-direct": 200, "nyota-imara": 200, myaza: 200 });
    expect(out.pids).toHaveLength(4);
    expect(prismProcessesUnder(consumer)).toEqual([]);
  }, 120_000);

  it("runs the conformance suite from the installed package against the mocks it starts", () => {
    const bin = path.join(consumer, "node_modules", ".bin", "kyc-contracts");
    const out = exec(bin, ["conform", "--provider", "myaza"]);
    expect(out).toMatch(/Conformance: \d+ passed, 0 failed, 4 skipped/);
    expect(out).toContain("Coverage: myaza 7/7 documented statuses");
    expect(prismProcessesUnder(consumer)).toEqual([]);
  }, 120_000);

  it("runs the conformance suite against the twins from the installed package, nothing skipped", () => {
    const bin = path.join(consumer, "node_modules", ".bin", "kyc-contracts");
    const out = exec(bin, ["conform", "--provider", "myaza", "--engine", "twin"]);
    expect(out).toMatch(/Conformance: \d+ passed, 0 failed, 0 skipped/);
  }, 120_000);

  it("builds the docs with the installed Redocly CLI: kyc-contracts docs --out DIR", () => {
    const bin = path.join(consumer, "node_modules", ".bin", "kyc-contracts");
    const out = path.join(consumer, "site");
    expect(exec(bin, ["docs", "--out", out])).toContain("Wrote 9 files");
    const pages = ["proof", "btc-direct", "nyota-imara", "myaza"].flatMap((slug) => [`${slug}.html`, `${slug}.yaml`]);
    expect(readdirSync(out).sort()).toEqual([...pages, "index.html"].sort());
    expect(readFileSync(path.join(out, "btc-direct.html"), "utf8")).toContain("ER801");
  }, 120_000);
});

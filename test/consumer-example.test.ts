/**
 * examples/consumer, read as files (test/package-tools.test.ts type-checks and runs it on the packed
 * package): an ESM project depending on this version, vitest in its peer range, a tsconfig that
 * resolves `exports`, fixtures that pass the checks, and a workflow whose steps name scripts and
 * kyc-contracts options that exist.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { checkFixtures } from "../src/twin/index.js";
import { FIXTURES_SCHEMA_LINE, parseDocBlocks, shellProblems } from "./support/doc-blocks.js";
import { brokenLinks } from "./support/doc-links.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const example = (file: string): string => readFileSync(path.join(root, "examples", "consumer", file), "utf8");
const json = <T>(text: string): T => JSON.parse(text) as T;

interface Pkg {
  type?: string;
  version: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}
const pkg = json<Pkg>(readFileSync(path.join(root, "package.json"), "utf8"));
const consumer = json<Pkg>(example("package.json"));

describe("examples/consumer", () => {
  it("is an ES module project depending on this version of the package and on vitest in its peer range", () => {
    expect(consumer.type).toBe("module");
    expect(consumer.devDependencies["kyc-status-contracts"]).toBe(`^${pkg.version}`);
    expect(consumer.devDependencies.vitest).toBe(pkg.peerDependencies.vitest);
    expect(Object.keys(consumer.scripts).sort()).toEqual(["contract", "test", "typecheck"]);
  });

  it("resolves the package through exports (NodeNext) and loads the matcher in a setup file its tsconfig includes", () => {
    const tsconfig = json<{ compilerOptions: Record<string, unknown>; include: string[] }>(example("tsconfig.json"));
    expect(tsconfig.compilerOptions).toMatchObject({ module: "NodeNext", moduleResolution: "NodeNext", strict: true });
    expect(tsconfig.include).toContain("test");
    expect(example("vitest.config.ts")).toContain('setupFiles: ["test/setup.ts"]');
    expect(example("test/setup.ts")).toContain('import "kyc-status-contracts/vitest";');
  });

  it("has fixtures that pass the checks, with the schema line pointing at the installed schema", () => {
    const text = example("test/kyc-fixtures.yaml");
    expect(text.split("\n")[0]).toBe(FIXTURES_SCHEMA_LINE.replace("$schema=node_modules", "$schema=../node_modules"));
    const checked = checkFixtures(parse(text) as never);
    expect(checked.ok ? "ok" : checked.problem.message).toBe("ok");
  });

  it("has a workflow whose run steps use the example's scripts and real kyc-contracts options", () => {
    const workflow = parse(example(".github/workflows/contract.yml")) as { jobs: Record<string, { steps: { run?: string }[] }> };
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run] : [])));
    expect(runs).toEqual(expect.arrayContaining(["npm ci", "npm test", "npm run typecheck", "npm run contract"]));
    expect(runs.flatMap((r) => shellProblems(r, consumer.scripts))).toEqual([]);
    expect(shellProblems(consumer.scripts.contract ?? "", consumer.scripts)).toEqual([]);
  });

  it("has a README whose links exist and whose commands are the example's scripts", () => {
    expect(brokenLinks(root, ["examples/consumer/README.md"])).toEqual([]);
    const { blocks, problems } = parseDocBlocks(example("README.md"), "examples/consumer/README.md");
    expect(problems).toEqual([]);
    expect(blocks.filter((b) => b.runner === "cli").flatMap((b) => shellProblems(b.code, consumer.scripts))).toEqual([]);
  });
});

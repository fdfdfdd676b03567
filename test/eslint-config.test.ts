/**
 * `npm run lint:code` (eslint.config.js) catches what it is there for: type-aware rules report
 * real mistakes in project files, so a config that silently lints nothing fails here.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** One ESLint for the file: its type-aware setup (the TypeScript project service) is made once. */
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe("ESLint config", () => {
  it("reports type-aware mistakes in a source file (floating promise, unsafe any, unnecessary condition)", async () => {
    const code = [
      "export async function later(): Promise<number> { return Promise.resolve(1); }",
      "export function call(): void { later(); }",
      "export function parse(text: string): number { const value = JSON.parse(text); return value; }",
      "export function always(n: number): number { return n ?? 0; }",
      "",
    ].join("\n");
    const ids = await ruleIds(code, "src/polling.ts");
    expect(ids).toEqual(
      expect.arrayContaining(["@typescript-eslint/no-floating-promises", "@typescript-eslint/no-unsafe-return", "@typescript-eslint/no-unnecessary-condition"]),
    );
  }, 120_000);

  it("passes clean code in the same file", async () => {
    expect(await ruleIds("export const double = (n: number): number => n * 2;\n", "src/polling.ts")).toEqual([]);
  }, 120_000);

  it("is not told to ignore the folders it must lint", async () => {
    for (const file of ["src/index.ts", "scripts/lint.ts", "bench/run.ts", "test/polling.test.ts", "conformance/proof.test.ts"]) {
      expect(await eslint.isPathIgnored(path.join(root, file)), file).toBe(false);
    }
    expect(await eslint.isPathIgnored(path.join(root, "dist/src/index.js"))).toBe(true);
  });
});

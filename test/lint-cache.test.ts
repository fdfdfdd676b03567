/**
 * scripts/lint-code.ts: ESLint is skipped only when a clean run covered exactly the same tree.
 * The linter is injected (a counter with a chosen exit code), so each case is about the cache.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lintWithCache, treeKey } from "../scripts/lint-code.js";

let dir: string;
let root: string;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kyc-lint-cache-"));
  root = path.join(dir, "repo");
  cacheDir = path.join(dir, "cache");
  mkdirSync(path.join(root, "src"), { recursive: true });
  writeFileSync(path.join(root, "src", "a.ts"), "export const a = 1;\n");
  writeFileSync(path.join(root, "tsconfig.json"), "{}\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A linter that counts its runs and exits with `code`. */
function linter(code = 0): { runs: number; lint: () => number } {
  const l = { runs: 0, lint: () => (l.runs++, code) };
  return l;
}
const run = (l: { lint: () => number }, env: Record<string, string> = {}) => lintWithCache({ root, cacheDir, lint: l.lint, env, log: () => undefined });

describe("lintWithCache", () => {
  it("skips a second run over the same tree, and runs again when any file changes, appears or is renamed", () => {
    const l = linter();
    expect(run(l)).toEqual({ code: 0, skipped: false });
    expect(run(l)).toEqual({ code: 0, skipped: true });
    expect(l.runs).toBe(1);
    // assert: a changed byte in a file the type-aware rules read (not only the linted one)
    writeFileSync(path.join(root, "tsconfig.json"), "{ }\n");
    expect(run(l).skipped).toBe(false);
    writeFileSync(path.join(root, "src", "b.ts"), "export const b = 2;\n");
    expect(run(l).skipped).toBe(false);
    rmSync(path.join(root, "src", "b.ts"));
    writeFileSync(path.join(root, "src", "c.ts"), "export const b = 2;\n");
    expect(run(l).skipped).toBe(false);
    expect(l.runs).toBe(4);
    expect(run(l).skipped).toBe(true);
  });

  it("never records a failed run: the next run lints again and fails again", () => {
    const failing = linter(1);
    expect(run(failing)).toEqual({ code: 1, skipped: false });
    expect(run(failing)).toEqual({ code: 1, skipped: false });
    expect(failing.runs).toBe(2);
  });

  it("ignores what ESLint ignores (node_modules, dist, reports, .git) and lints anyway with KYC_NO_LINT_CACHE=1", () => {
    const l = linter();
    run(l);
    for (const d of ["node_modules", "dist", "reports", ".git"]) {
      mkdirSync(path.join(root, d), { recursive: true });
      writeFileSync(path.join(root, d, "x.js"), "x");
    }
    expect(run(l).skipped).toBe(true);
    expect(run(l, { KYC_NO_LINT_CACHE: "1" }).skipped).toBe(false);
    expect(l.runs).toBe(2);
  });

  it("treeKey depends on paths as well as bytes, and on the extra parts", () => {
    const before = treeKey(root);
    expect(treeKey(root)).toBe(before);
    expect(treeKey(root, ["v20"])).not.toBe(before);
    rmSync(path.join(root, "src", "a.ts"));
    writeFileSync(path.join(root, "src", "a2.ts"), "export const a = 1;\n");
    expect(treeKey(root)).not.toBe(before);
  });
});

/**
 * scripts/clean-run-cache.ts: a gate of `npm test` is skipped only when a clean run covered exactly
 * the same tree. The gate is injected (a counter with a chosen exit code), so each case is about
 * the cache; the tree is a throw-away git checkout.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runUnlessClean, treeKey } from "../scripts/clean-run-cache.js";

let dir: string;
let root: string;
let cacheDir: string;
const git = (...args: string[]): string => execFileSync("git", args, { cwd: root, encoding: "utf8" });
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kyc-clean-runs-"));
  root = path.join(dir, "repo");
  cacheDir = path.join(dir, "cache");
  mkdirSync(path.join(root, "src"), { recursive: true });
  writeFileSync(path.join(root, "src", "a.ts"), "export const a = 1;\n");
  writeFileSync(path.join(root, "tsconfig.json"), "{}\n");
  writeFileSync(path.join(root, ".gitignore"), "dist/\nnode_modules/\n");
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A gate that counts its runs and exits with `code`. */
function gate(code = 0): { runs: number; run: () => number } {
  const g = { runs: 0, run: () => (g.runs++, code) };
  return g;
}
const check = (g: { run: () => number }, options: { env?: Record<string, string>; git?: boolean; key?: string[] } = {}) =>
  runUnlessClean({ root, cacheDir, key: options.key ?? ["tsc --noEmit"], run: g.run, env: options.env ?? {}, log: () => undefined, ...(options.git ? { git: true } : {}) });

describe("runUnlessClean", () => {
  it("skips a second run over the same tree, and runs again when a file changes, appears, is renamed or deleted", () => {
    const g = gate();
    expect(check(g)).toEqual({ code: 0, skipped: false });
    expect(check(g)).toEqual({ code: 0, skipped: true });
    expect(g.runs).toBe(1);
    // assert: a changed byte in a file the gate may read (not only the ones it lints)
    writeFileSync(path.join(root, "tsconfig.json"), "{ }\n");
    expect(check(g).skipped).toBe(false);
    writeFileSync(path.join(root, "src", "b.ts"), "export const b = 2;\n"); // untracked, not ignored
    expect(check(g).skipped).toBe(false);
    rmSync(path.join(root, "src", "b.ts"));
    writeFileSync(path.join(root, "src", "c.ts"), "export const b = 2;\n");
    expect(check(g).skipped).toBe(false);
    rmSync(path.join(root, "src", "a.ts")); // tracked, deleted
    expect(check(g).skipped).toBe(false);
    expect(g.runs).toBe(5);
    expect(check(g).skipped).toBe(true);
  });

  it("never records a failed run: the next run checks again and fails again", () => {
    const failing = gate(1);
    expect(check(failing)).toEqual({ code: 1, skipped: false });
    expect(check(failing)).toEqual({ code: 1, skipped: false });
    expect(failing.runs).toBe(2);
  });

  it("ignores what git ignores, keys each command apart, and runs anyway with KYC_NO_GATE_CACHE=1", () => {
    const g = gate();
    check(g);
    mkdirSync(path.join(root, "dist"), { recursive: true });
    writeFileSync(path.join(root, "dist", "x.js"), "x");
    expect(check(g).skipped).toBe(true);
    expect(check(g, { key: ["eslint ."] }).skipped).toBe(false);
    expect(check(g, { env: { KYC_NO_GATE_CACHE: "1" } }).skipped).toBe(false);
    expect(g.runs).toBe(3);
  });

  it("with git: a new commit of the same tree is a new key (the drift check compares with what is committed)", () => {
    const g = gate();
    check(g, { git: true });
    expect(check(g, { git: true }).skipped).toBe(true);
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "next");
    expect(check(g, { git: true }).skipped).toBe(false);
    expect(check(g).skipped).toBe(false);
    expect(check(g).skipped).toBe(true);
  });

  it("always runs outside a git checkout", () => {
    rmSync(path.join(root, ".git"), { recursive: true, force: true });
    expect(treeKey(root)).toBeUndefined();
    const g = gate();
    check(g);
    check(g);
    expect(g.runs).toBe(2);
  });
});

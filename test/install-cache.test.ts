/** The test caches: test/support/install-cache.ts (what the package tests restore instead of running npm install again) and the docs build key of test/support/built-docs.ts. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedInstall, installKey } from "./support/install-cache.js";
import { docsKey } from "./support/built-docs.js";

const dirs: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), "kyc-install-cache-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fake install: writes a manifest, a package and a .bin symlink, counts its runs. */
function fakeInstall(project: string, runs: { count: number }, version = "1"): () => string {
  return () => {
    runs.count++;
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ dependencies: { pkg: version } }));
    mkdirSync(path.join(project, "node_modules", "pkg"), { recursive: true });
    mkdirSync(path.join(project, "node_modules", ".bin"), { recursive: true });
    writeFileSync(path.join(project, "node_modules", "pkg", "index.js"), `export const version = "${version}";\n`);
    rmSync(path.join(project, "node_modules", ".bin", "pkg"), { force: true });
    symlinkSync("../pkg/index.js", path.join(project, "node_modules", ".bin", "pkg"));
    return `added 1 package (${version})\n`;
  };
}

describe("cachedInstall", () => {
  it("runs the install once; the same key restores the tree and npm's output into another project without running it", () => {
    const cacheRoot = temp();
    const runs = { count: 0 };
    const first = temp();
    const miss = cachedInstall({ cacheRoot, name: "tarball", key: "k1", project: first, install: fakeInstall(first, runs), env: {} });
    expect([runs.count, miss.restoredFrom, miss.output]).toEqual([1, undefined, "added 1 package (1)\n"]);
    const second = temp();
    writeFileSync(path.join(second, "own-file.ts"), "kept");
    const hit = cachedInstall({ cacheRoot, name: "tarball", key: "k1", project: second, install: fakeInstall(second, runs), env: {} });
    // assert nothing ran, and the project got the tree as the install left it (symlinks kept), its own files untouched
    expect(runs.count).toBe(1);
    expect(hit.restoredFrom).toBe(path.join(cacheRoot, "tarball-k1"));
    expect(hit.output).toBe("added 1 package (1)\n");
    expect(readFileSync(path.join(second, "node_modules", ".bin", "pkg"), "utf8")).toBe('export const version = "1";\n');
    expect(readFileSync(path.join(second, "package.json"), "utf8")).toContain('"pkg":"1"');
    expect(readFileSync(path.join(second, "own-file.ts"), "utf8")).toBe("kept");
  });

  it("a different key installs again and replaces the older entry of the same name; other names stay", () => {
    const cacheRoot = temp();
    const runs = { count: 0 };
    const a = temp();
    cachedInstall({ cacheRoot, name: "tarball", key: "old", project: a, install: fakeInstall(a, runs), env: {} });
    cachedInstall({ cacheRoot, name: "tools", key: "t", project: a, install: fakeInstall(a, runs), env: {} });
    const b = temp();
    const r = cachedInstall({ cacheRoot, name: "tarball", key: "new", project: b, install: fakeInstall(b, runs, "2"), env: {} });
    expect([runs.count, r.restoredFrom]).toEqual([3, undefined]);
    expect(readdirSync(cacheRoot).sort()).toEqual(["tarball-new", "tools-t"]);
  });

  it("an entry without its completion mark is not used; KYC_NO_INSTALL_CACHE=1 always installs", () => {
    const cacheRoot = temp();
    mkdirSync(path.join(cacheRoot, "tarball-k", "tree"), { recursive: true });
    const runs = { count: 0 };
    const p = temp();
    expect(cachedInstall({ cacheRoot, name: "tarball", key: "k", project: p, install: fakeInstall(p, runs), env: {} }).restoredFrom).toBeUndefined();
    const q = temp();
    expect(cachedInstall({ cacheRoot, name: "x", key: "k", project: q, install: fakeInstall(q, runs), env: { KYC_NO_INSTALL_CACHE: "1" } }).restoredFrom).toBeUndefined();
    expect(runs.count).toBe(2);
    expect(existsSync(path.join(cacheRoot, "x-k"))).toBe(false);
  });
});

describe("cachedInstall when an entry cannot be restored", () => {
  it("installs instead (an entry removed while it was copied)", () => {
    const cacheRoot = temp();
    const runs = { count: 0 };
    // a completion mark without a tree: what a half-removed entry looks like
    mkdirSync(path.join(cacheRoot, "tarball-k"), { recursive: true });
    writeFileSync(path.join(cacheRoot, "tarball-k", "complete"), "");
    const p = temp();
    const r = cachedInstall({ cacheRoot, name: "tarball", key: "k", project: p, install: fakeInstall(p, runs), env: {} });
    expect([runs.count, r.restoredFrom, r.output]).toEqual([1, undefined, "added 1 package (1)\n"]);
  });
});

describe("installKey", () => {
  it("changes with any part and with their order", () => {
    const key = installKey([Buffer.from("tarball"), "lock", "11.0.0"]);
    expect(key).toMatch(/^[0-9a-f]{24}$/);
    expect(installKey([Buffer.from("tarball"), "lock", "11.0.0"])).toBe(key);
    for (const other of [[Buffer.from("tarbal1"), "lock", "11.0.0"], [Buffer.from("tarball"), "lock2", "11.0.0"], ["lock", Buffer.from("tarball"), "11.0.0"]]) expect(installKey(other)).not.toBe(key);
  });
});

describe("docsKey (test/support/built-docs.ts): the cached docs are rebuilt when anything they are built from changes", () => {
  it("changes with a source file, a bundled spec or the lockfile, and not otherwise", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kyc-docs-key-"));
    try {
      for (const [file, text] of [["src/docs/build.ts", "a"], ["dist/specs/myaza.yaml", "openapi: 3.1.0"], ["package.json", "{}"], ["package-lock.json", "{}"], ["README.md", "r"]] as const) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      const base = docsKey(dir);
      expect(docsKey(dir)).toBe(base);
      writeFileSync(path.join(dir, "README.md"), "not read by the build");
      expect(docsKey(dir)).toBe(base);
      const keys = [["src/docs/build.ts", "b"], ["dist/specs/myaza.yaml", "openapi: 3.1.1"], ["package-lock.json", "{ }"]].map(([file, text]) => {
        writeFileSync(path.join(dir, file!), text!);
        return docsKey(dir);
      });
      expect(new Set([base, ...keys]).size).toBe(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

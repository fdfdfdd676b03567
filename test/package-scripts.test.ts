/**
 * package.json's lifecycle scripts: a consumer's install of the package runs (and npm announces)
 * none, while a clone still builds where it needs dist/ (pack, start, twin). The install itself is
 * checked in test/package.test.ts; this is the quick check of the scripts that decide it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("package.json lifecycle scripts", () => {
  it("has none that runs when a consumer installs the package (npm warns about each: install-scripts)", () => {
    // assert preinstall, install, postinstall and prepare (which runs on a git install, and which npm announces) are absent
    for (const name of ["preinstall", "install", "postinstall", "prepare"]) expect(scripts[name], `scripts.${name}`).toBeUndefined();
  });
  it("builds dist/ before packing and before the commands that run it on a fresh clone (npm ci && npm start)", () => {
    for (const name of ["prepack", "prestart", "pretwin"]) expect(scripts[name], `scripts.${name}`).toBe("npm run build --silent");
  });
});

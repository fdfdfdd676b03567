/** The optional tools (Prism, Redocly CLI, vitest): package.json agrees with src/optional-tools.ts; lookups and their messages. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findTool, installCommand, optionalTools, peerRange, requireTools, satisfiesCaret, type OptionalTool } from "../src/optional-tools.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
const tools = Object.keys(optionalTools) as OptionalTool[];
const dir = mkdtempSync(path.join(tmpdir(), "optional-tools-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project folder whose node_modules holds `manifests` (package name → package.json); returns a file to resolve from. */
function project(name: string, manifests: Record<string, object>): string {
  const base = path.join(dir, name);
  for (const [pkgName, manifest] of Object.entries(manifests)) {
    mkdirSync(path.join(base, "node_modules", pkgName), { recursive: true });
    writeFileSync(path.join(base, "node_modules", pkgName, "package.json"), JSON.stringify({ name: pkgName, ...manifest }));
  }
  mkdirSync(base, { recursive: true });
  return path.join(base, "index.js");
}

describe("package.json and optional-tools.ts agree", () => {
  it.each(tools)("%s: an optional peer dependency with the peer range, pinned in devDependencies, not a dependency", (tool) => {
    const { package: name, version } = optionalTools[tool];
    expect(pkg.peerDependencies[name]).toBe(peerRange(tool));
    expect(pkg.peerDependenciesMeta[name]).toEqual({ optional: true });
    expect(pkg.devDependencies[name]).toBe(version);
    expect(pkg.dependencies[name]).toBeUndefined();
  });

  it("lists every peer dependency as a tool", () => {
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(tools.map((t) => optionalTools[t].package).sort());
  });

  it("the runtime dependencies are only what the clients, twins, catalogue, webhooks and the streaming HAR reader import", () => {
    // (check-har and suggest read recordings of any size with their own byte scanner: src/conformance/har-scan.ts)
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["ajv", "ajv-formats", "openapi-fetch", "yaml"]);
  });
});

describe("the README's Install section", () => {
  it("gives each tool's install command, all three at once, and the peer ranges", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    for (const tool of tools) {
      expect(readme).toContain(`\`${installCommand([tool])}\``);
      expect(readme).toContain(`\`${peerRange(tool)}\``);
    }
    expect(readme).toContain(`\`${installCommand(["prism", "redocly", "vitest"])}\``);
  });
});

describe("installCommand", () => {
  it("pins the tested versions, one command for several tools", () => {
    expect(installCommand(["prism"])).toBe("npm install --save-dev @stoplight/prism-cli@5.14.2");
    expect(installCommand(["vitest", "prism"])).toBe("npm install --save-dev vitest@4.1.12 @stoplight/prism-cli@5.14.2");
  });
});

describe("satisfiesCaret", () => {
  it.each([
    ["5.14.2", "5.14.2", true],
    ["5.14.3", "5.14.2", true],
    ["5.20.0", "5.14.2", true],
    ["5.14.1", "5.14.2", false],
    ["5.13.9", "5.14.2", false],
    ["6.0.0", "5.14.2", false],
    ["4.99.0", "5.14.2", false],
    ["5.15.0-beta.1", "5.14.2", false],
    ["", "5.14.2", false],
    ["0.3.0", "0.3.0", false],
  ] as const)("%s against ^%s → %s", (version, floor, expected) => {
    expect(satisfiesCaret(version, floor)).toBe(expected);
  });
});

describe("findTool / requireTools", () => {
  it.each(tools)("finds %s in this repo (a dev dependency) with its bin", (tool) => {
    const lookup = findTool(tool);
    expect(lookup.ok).toBe(true);
    if (lookup.ok) {
      expect(lookup.found.version).toBe(optionalTools[tool].version);
      expect(readFileSync(lookup.found.entry, "utf8").length).toBeGreaterThan(0);
    }
  });

  it("a project without the tools: missing, and one message with one install command for all", () => {
    const from = project("empty", {});
    expect(findTool("prism", from)).toMatchObject({ ok: false, reason: "missing" });
    const check = requireTools("kyc-contracts conform --engine prism", ["vitest", "prism"], from);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.tools).toEqual(["vitest", "prism"]);
      expect(check.message).toBe(
        "kyc-contracts conform --engine prism needs vitest (runs the conformance suite) and @stoplight/prism-cli (serves the Prism mocks), optional peer dependencies of kyc-status-contracts that are not installed.\n" +
          "Install them in your project:\n  npm install --save-dev vitest@4.1.12 @stoplight/prism-cli@5.14.2",
      );
    }
  });

  it("an installed version outside the peer range is not used: the message names the version found and the one needed", () => {
    const from = project("old-prism", { "@stoplight/prism-cli": { version: "4.10.5", bin: { prism: "cli.js" } } });
    const check = requireTools("kyc-contracts mock --engine prism", ["prism"], from);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.message).toContain(`@stoplight/prism-cli 4.10.5 is installed at ${path.join(path.dirname(from), "node_modules", "@stoplight", "prism-cli")}, but kyc-status-contracts needs ^5.14.2.`);
      expect(check.message).toContain("\n  npm install --save-dev @stoplight/prism-cli@5.14.2");
    }
  });

  it("a package without the expected bin is reported as broken; one with it is found", () => {
    const broken = project("no-bin", { "@redocly/cli": { version: "2.77.0", bin: { openapi: "bin/cli.js" } } });
    expect(findTool("redocly", broken)).toMatchObject({ ok: false, reason: "broken" });
    const good = project("good", { "@redocly/cli": { version: "2.80.1", bin: { redocly: "bin/cli.js" } } });
    expect(findTool("redocly", good)).toEqual({
      ok: true,
      found: { tool: "redocly", version: "2.80.1", dir: path.join(path.dirname(good), "node_modules", "@redocly", "cli"), entry: path.join(path.dirname(good), "node_modules", "@redocly", "cli", "bin", "cli.js") },
    });
  });
});

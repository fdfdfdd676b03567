import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { commands } from "../src/cli/main.js";
import { bundledSpecPath } from "../src/spec/paths.js";

const run = runCli;

describe("kyc-contracts", () => {
  it("prints help listing every command, and exits 2 with no command", async () => {
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/scenarios\s+List/);
    expect(help.out).toMatch(/spec\s+Print/);
    const none = await run();
    expect(none.code).toBe(2);
  });

  it.each(commands.map((c) => [c.name]))("prints `%s --help` (and -h) with exit 0, starting nothing", async (name) => {
    const command = commands.find((c) => c.name === name)!;
    for (const flag of ["--help", "-h"]) {
      const r = await run(name, flag);
      expect(r.code).toBe(0);
      expect(r.out).toBe(command.help);
      expect(r.out).toMatch(new RegExp(`^Usage: kyc-contracts ${name}`));
    }
  });

  it("rejects an unknown command with exit 2 and a pointer to --help", async () => {
    const r = await run("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
    expect(r.err).toContain("--help");
  });

  it("prints the version from package.json", async () => {
    const r = await run("--version");
    expect(r.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("kyc-contracts scenarios", () => {
  it("lists every BTC Direct error code as a Prefer scenario", async () => {
    const r = await run("scenarios", "--provider", "btc-direct");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Prefer: code=400, example=er801_token_expired");
    expect(r.out.match(/example=er\d{3}_/g)).toHaveLength(17);
  });

  it("prints JSON keyed by provider", async () => {
    const r = await run("scenarios", "--json", "--provider", "proof,myaza");
    const parsed = JSON.parse(r.out) as Record<string, { prefer: string }[]>;
    expect(Object.keys(parsed)).toEqual(["proof", "myaza"]);
    expect(parsed.proof?.map((s) => s.prefer)).toContain("code=502, example=upstream_invalid_response");
  });

  it.each([
    [["scenarios", "--provider", "paypal"], 'unknown provider "paypal"'],
    [["scenarios", "--bogus"], "Unknown option '--bogus'"],
  ])("exits 2 on %j", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});

describe("kyc-contracts spec", () => {
  it("prints the bundled spec, or its path", async () => {
    const body = await run("spec", "myaza");
    expect(body.code).toBe(0);
    expect(body.out).toContain("openapi: 3.1.0");
    expect(body.out).toContain("/api/kyc/status/{verificationId}");
    const p = await run("spec", "myaza", "--path");
    expect(p.out.trim()).toBe(bundledSpecPath("myaza"));
  });

  it.each([[["spec"]], [["spec", "stripe"]], [["spec", "proof", "myaza"]], [["spec", "proof", "--source"]]])("exits 2 on %j", async (argv) => {
    expect((await run(...argv)).code).toBe(2);
  });
});

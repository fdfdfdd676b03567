/**
 * The package as a consumer gets it, without the optional tools: `npm pack`, install the tarball
 * into an empty project (test/support/packed-install.ts), then measure what it added to
 * node_modules, lint the tarball (publint, attw), import by name (JS and types through
 * `exports`), run the `kyc-contracts` bin, read the specs. Prism, Redocly CLI and vitest are
 * optional peer dependencies: the commands that need them must say how to install them (exit 2)
 * while the twins work without. test/package-tools.test.ts installs them with the command the CLI
 * prints and runs what needs them.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installCommand, optionalTools } from "../src/optional-tools.js";
import { freePortRange, isListening } from "./support/processes.js";
import { ALL_TOOLS, NO_COLOR_ENV, packAndInstall, root, type PackedInstall } from "./support/packed-install.js";
import { typecheckProject } from "./support/typecheck.js";

let install: PackedInstall | undefined;
/** What installing the tarball added to the empty project's node_modules, measured right after the install. */
let footprint: { packages: string[]; bytes: number };
const consumerDir = (): string => theInstall().consumer;
const installed = (): string => path.join(consumerDir(), "node_modules", "kyc-status-contracts");
/** The install of beforeAll (a test that runs without one is a bug of this file). */
const theInstall = (): PackedInstall => install ?? expect.unreachable("beforeAll did not install the package");
const exec = (file: string, args: string[], cwd?: string): string => theInstall().exec(file, args, cwd);

/** Size budget of a plain `npm install kyc-status-contracts` (issue 12): packages and bytes added to node_modules. */
const MAX_PACKAGES = 15;
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Every installed package under a node_modules folder (a folder with a package.json, scoped ones
 * and nested node_modules included; symlinks not followed) and the bytes of every file in it.
 */
function measureNodeModules(dir: string): { packages: string[]; bytes: number } {
  const packages: string[] = [];
  const visitPackages = (nodeModules: string): void => {
    if (!existsSync(nodeModules)) return;
    for (const name of readdirSync(nodeModules)) {
      if (name.startsWith(".")) continue;
      const full = path.join(nodeModules, name);
      const dirs = name.startsWith("@") ? readdirSync(full).map((n) => path.join(full, n)) : [full];
      for (const d of dirs) {
        if (!lstatSync(d).isDirectory()) continue;
        if (existsSync(path.join(d, "package.json"))) packages.push(path.relative(dir, d));
        visitPackages(path.join(d, "node_modules"));
      }
    }
  };
  const bytesUnder = (p: string): number => {
    const stat = lstatSync(p);
    return stat.isDirectory() ? readdirSync(p).reduce((sum, name) => sum + bytesUnder(path.join(p, name)), 0) : stat.size;
  };
  visitPackages(dir);
  return { packages: packages.sort(), bytes: bytesUnder(dir) };
}

/** Runs the installed bin; never throws, returns what it printed and its exit code. */
const runBin = (args: string[]): { code: number | null; out: string; err: string } => {
  const r = spawnSync(path.join(consumerDir(), "node_modules", ".bin", "kyc-contracts"), args, { cwd: consumerDir(), encoding: "utf8", env: NO_COLOR_ENV });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** publint on a tarball, strict (warnings fail too). */
const publint = (file: string): { code: number | null; output: string } => {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "publint", "src", "cli.js"), "run", "--strict", file], { encoding: "utf8", env: NO_COLOR_ENV });
  return { code: r.status, output: r.stdout + r.stderr };
};
/**
 * @arethetypeswrong/cli on a tarball. The package is ESM-only ("type": "module", exports without
 * a "require" condition), so the esm-only profile leaves out the node10 and node16-from-CJS
 * resolutions: a require() of it is expected to fail. attw does not discover wildcard exports;
 * `entrypoints` adds them.
 */
const attw = (file: string, entrypoints: string[]): { code: number | null; output: string } => {
  const cli = path.join(root, "node_modules", "@arethetypeswrong", "cli", "dist", "index.js");
  const r = spawnSync(process.execPath, [cli, file, "--profile", "esm-only", "--format", "ascii", ...(entrypoints.length > 0 ? ["--include-entrypoints", ...entrypoints] : [])], { encoding: "utf8", env: NO_COLOR_ENV });
  return { code: r.status, output: r.stdout + r.stderr };
};

describe("installed from its npm pack tarball", () => {
  beforeAll(() => {
    install = packAndInstall({ tools: false });
    footprint = measureNodeModules(path.join(install.consumer, "node_modules"));
  }, 300_000);
  afterAll(() => {
    if (install) rmSync(install.consumer, { recursive: true, force: true });
  });

  it(`adds at most ${MAX_PACKAGES} packages and ${MAX_BYTES / 1024 / 1024} MB to an empty project's node_modules`, () => {
    const mb = (footprint.bytes / 1024 / 1024).toFixed(2);
    console.log(`npm install <tarball> into an empty project: ${footprint.packages.length} packages, ${footprint.bytes} bytes (${mb} MB) in node_modules, Node ${process.version}\n  ${footprint.packages.join(", ")}`);
    // assert the optional tools are not pulled in, and both budgets hold
    for (const tool of ALL_TOOLS) expect(footprint.packages, `${optionalTools[tool].package} must stay an optional peer dependency`).not.toContain(optionalTools[tool].package);
    expect(footprint.packages.length, `installing the tarball added ${footprint.packages.length} packages (budget ${MAX_PACKAGES}): ${footprint.packages.join(", ")}`).toBeLessThanOrEqual(MAX_PACKAGES);
    expect(footprint.bytes, `installing the tarball added ${mb} MB to node_modules (budget ${MAX_BYTES / 1024 / 1024} MB)`).toBeLessThanOrEqual(MAX_BYTES);
  });

  it("installs without running or announcing a lifecycle script (no install-scripts warning)", () => {
    const manifest = JSON.parse(readFileSync(path.join(installed(), "package.json"), "utf8")) as { scripts?: Record<string, string> };
    for (const name of ["preinstall", "install", "postinstall", "prepare"]) expect(manifest.scripts?.[name], `the published package.json has scripts.${name}`).toBeUndefined();
    expect(theInstall().installOutput).not.toMatch(/install-scripts|lifecycle/i);
  });

  it("passes publint on the packed tarball", () => {
    const r = publint(theInstall().tarball);
    expect(r.code, `publint found problems in the packed package.json / files (fix exports, types or files):\n${r.output}`).toBe(0);
  });

  it("passes @arethetypeswrong/cli on the packed tarball (ESM-only: CommonJS and node10 resolution are not offered)", () => {
    // Wildcard exports are not discovered by attw: each generated module is listed.
    const generated = readdirSync(path.join(installed(), "dist", "generated")).filter((f) => f.endsWith(".d.ts")).map((f) => `./generated/${f.slice(0, -".d.ts".length)}`);
    expect(generated.length).toBeGreaterThan(4);
    const r = attw(theInstall().tarball, generated);
    expect(r.code, `@arethetypeswrong/cli found type resolution problems in the packed package (each entry point's row names the resolution that failed):\n${r.output}`).toBe(0);
    expect(r.output).toContain('"kyc-status-contracts/generated/myaza"');
  });

  it("publint and attw, run this way, fail on a broken package (an entry point whose types file is missing)", () => {
    const broken = path.join(consumerDir(), "broken-pkg");
    mkdirSync(broken);
    // (a package whose root entry has no types at all is "untyped" to attw, not an error: the root is typed here)
    writeFileSync(path.join(broken, "package.json"), JSON.stringify({ name: "broken-pkg", version: "1.0.0", type: "module", exports: { ".": { types: "./index.d.ts", default: "./index.js" }, "./sub": { types: "./missing.d.ts", default: "./sub.js" } } }));
    writeFileSync(path.join(broken, "index.js"), "export const x = 1;\n");
    writeFileSync(path.join(broken, "index.d.ts"), "export declare const x: number;\n");
    writeFileSync(path.join(broken, "sub.js"), "export const y = 1;\n");
    exec("npm", ["pack", "--silent", "--pack-destination", broken], broken);
    const brokenTarball = path.join(broken, "broken-pkg-1.0.0.tgz");
    const lint = publint(brokenTarball);
    expect(lint.code).toBe(1);
    expect(lint.output).toContain('pkg.exports["./sub"].types is ./missing.d.ts but the file does not exist');
    const types = attw(brokenTarball, []);
    expect(types.code).toBe(1);
    expect(types.output).toMatch(/"broken-pkg\/sub"\s+node16 \(from ESM\): ❌ No types/);
  });

  describe("without the optional tools (Prism, Redocly CLI, vitest)", () => {
    it("kyc-contracts mock (--engine prism, the default) exits 2 naming the install command", () => {
      for (const args of [["mock"], ["mock", "--engine", "prism", "--providers", "myaza"]]) {
        const r = runBin(args);
        expect(r.code, r.err).toBe(2);
        expect(r.err).toContain("@stoplight/prism-cli (serves the Prism mocks), an optional peer dependency of kyc-status-contracts that is not installed.");
        expect(r.err).toContain(`  ${installCommand(["prism"])}\n`);
        expect(r.err).toContain("kyc-contracts mock --engine twin");
      }
    });

    it("kyc-contracts docs and conform exit 2 naming their install commands; nothing is written", () => {
      const docs = runBin(["docs", "--out", "site-missing"]);
      expect(docs.code, docs.err).toBe(2);
      expect(docs.err).toContain(`kyc-contracts docs needs @redocly/cli (builds the API reference)`);
      expect(docs.err).toContain(`  ${installCommand(["redocly"])}\n`);
      expect(existsSync(path.join(consumerDir(), "site-missing"))).toBe(false);
      const conform = runBin(["conform", "--provider", "myaza"]);
      expect(conform.code, conform.err).toBe(2);
      expect(conform.err).toContain(`  ${installCommand(["vitest", "prism"])}\n`);
      const twin = runBin(["conform", "--provider", "myaza", "--engine", "twin"]);
      expect(twin.code, twin.err).toBe(2);
      expect(twin.err).toContain(`  ${installCommand(["vitest"])}\n`);
    });

    it("startMocks() rejects with MockError prism-missing and buildDocs() returns the failure, each naming the install command", () => {
      writeFileSync(
        path.join(consumerDir(), "missing-tools.mjs"),
        `import { startMocks } from "kyc-status-contracts/mock";
import { createRequire } from "node:module";
// buildDocs from its own entry where the package has one, else from the root
const { exports } = createRequire(import.meta.url)("kyc-status-contracts/package.json");
const { buildDocs } = await import("./docs" in exports ? "kyc-status-contracts/docs" : "kyc-status-contracts");
let mock;
try { await startMocks({ providers: ["myaza"] }); } catch (error) { mock = { name: error.name, code: error.code, message: error.message }; }
const docs = await buildDocs({ outDir: "docs-missing" });
console.log(JSON.stringify({ mock, docs }));`,
      );
      const out = JSON.parse(exec(process.execPath, ["missing-tools.mjs"])) as { mock?: { name: string; code: string; message: string }; docs: { ok: boolean; message?: string } };
      expect(out.mock).toMatchObject({ name: "MockError", code: "prism-missing" });
      expect(out.mock?.message).toContain(installCommand(["prism"]));
      expect(out.docs.ok).toBe(false);
      expect(out.docs.message).toContain(installCommand(["redocly"]));
    });

    it("kyc-contracts mock --engine twin serves without Prism and stops on SIGTERM", async () => {
      const port = await freePortRange(1);
      const child = spawn(path.join(consumerDir(), "node_modules", ".bin", "kyc-contracts"), ["mock", "--engine", "twin", "--providers", "myaza", "--port", `myaza=${port}`], { cwd: consumerDir(), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      try {
        // wait on the real condition: the ready banner, or the process ending first
        const ready = await Promise.race([
          new Promise<true>((resolve) => child.stdout.on("data", () => out.includes("Press Ctrl+C to stop.") && resolve(true))),
          exited.then(() => false as const),
        ]);
        expect(ready, out).toBe(true);
        const response = await fetch(`http://127.0.0.1:${port}/api/kyc/status/ver_twin_verified`, { headers: { Authorization: "Bearer pk_test_twin0acme0000000000000000000001" } });
        expect(response.status).toBe(200);
        expect(((await response.json()) as { status: string }).status).toBe("verified");
        child.kill("SIGTERM");
        expect(await exited, out).toBe(0);
        expect(out).toContain(`Stopped 1 twin; port ${port} free again.`);
        expect(isListening(port)).toBe(false);
      } finally {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGKILL");
          await exited;
        }
      }
    }, 60_000);
  });

  it("imports by name and reads the shipped specs", () => {
    writeFileSync(
      path.join(consumerDir(), "use.mjs"),
      `import { providerSlugs, loadSpec, listScenarios, btcDirectErrorCatalogue } from "kyc-status-contracts";
const counts = {};
for (const slug of providerSlugs) counts[slug] = listScenarios(await loadSpec(slug)).length;
console.log(JSON.stringify({ counts, er801: btcDirectErrorCatalogue.ER801.httpStatus }));`,
    );
    const out = JSON.parse(exec(process.execPath, ["use.mjs"])) as { counts: Record<string, number>; er801: number };
    expect(out.er801).toBe(400);
    for (const n of Object.values(out.counts)) expect(n).toBeGreaterThan(4);
    expect(Object.keys(out.counts)).toEqual(["proof", "btc-direct", "nyota-imara", "myaza"]);
  });

  it("ships the split source specs and the bundled specs", () => {
    expect(existsSync(path.join(installed(), "CHANGELOG.md")), "CHANGELOG.md").toBe(true);
    for (const slug of ["proof", "btc-direct", "nyota-imara", "myaza"]) {
      expect(existsSync(path.join(installed(), "openapi", slug, "openapi.yaml")), slug).toBe(true);
      expect(existsSync(path.join(installed(), "dist", "specs", `${slug}.yaml`)), slug).toBe(true);
    }
  });

  it("type-checks a consumer through exports, with real (not any) types", () => {
    writeFileSync(
      path.join(consumerDir(), "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: false, types: [] }, files: ["consumer.ts"] }),
    );
    writeFileSync(
      path.join(consumerDir(), "consumer.ts"),
      `import { btcDirectErrorCatalogue, type BtcDirectErrorCode, type ProviderSlug, type MyazaApi } from "kyc-status-contracts";
const code: BtcDirectErrorCode = "ER801";
const status: 400 = btcDirectErrorCatalogue[code].httpStatus;
const slug: ProviderSlug = "myaza";
type Body = MyazaApi.components["schemas"]["VerificationStatusResponse"];
const body: Body = { verificationId: "ver_1", status: "pending", createdAt: "2026-01-01T00:00:00Z" };
// @ts-expect-error ER804 is not a documented code
const bad: BtcDirectErrorCode = "ER804";
// @ts-expect-error "approved" is not a Myaza status
const wrong: Body = { verificationId: "ver_1", status: "approved", createdAt: "x" };
export { status, slug, body, bad, wrong };
`,
    );
    const r = typecheckProject(path.join(consumerDir(), "tsconfig.json"));
    expect(r.ok, r.output).toBe(true);
  });

  it("calls every provider's client by name against a local server, type-checked", () => {
    writeFileSync(
      path.join(consumerDir(), "clients.ts"),
      `import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createBtcDirectClient, createMyazaClient, createNyotaImaraClient, createProofClient, pollUntilSettled, type KycState, type MyazaKycStatusResult } from "kyc-status-contracts";

const url = "https://storage.example.com/doc?X-Amz-Expires=900";
const bodies: Record<string, unknown> = {
  "/widget/users/u%2F1/kyc-status": { partner_user_id: "u/1", status: "verified" },
  "/api/v2/user/verification-status": [{ name: "idDocument", status: "missing" }],
  "/v1/kyc/me": { success: true, data: { userId: "usr_1", userInfo: { email: "a@example.com", name: "A" }, idNumber: "1", status: "pending", documents: { idFrontUrl: url, idBackUrl: url, passportPhotoUrl: url }, verifiedAt: null, rejectionReason: null, submittedAt: "2025-04-20T08:30:00.000Z" } },
  "/api/kyc/status/ver_1": { verificationId: "ver_1", status: "failed", reason: "Selfie mismatch.", reasonCode: "selfie_mismatch", createdAt: "2026-04-27T12:00:00.000Z", completedAt: "2026-04-27T12:00:05.000Z" },
};
const server = createServer((req, res) => {
  const body = bodies[req.url ?? ""];
  res.writeHead(body === undefined ? 404 : 200, { "content-type": "application/json" }).end(JSON.stringify(body ?? { error: "Verification not found" }));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = \`http://127.0.0.1:\${(server.address() as AddressInfo).port}\`;
try {
  const myaza = createMyazaClient({ baseUrl, apiKey: "sk_test_0123456789abcdef0123456789abcdef" });
  const nyota = await createNyotaImaraClient({ baseUrl, token: "jwt" }).getKycStatus("me");
  const results = [
    await createProofClient({ baseUrl, clientToken: "ct" }).getKycStatus("u/1"),
    await createBtcDirectClient({ baseUrl, apiKey: "key", userIdentifier: "user-identifier-0123456789-0123456789" }).getKycStatus(),
    nyota,
    await pollUntilSettled((o) => myaza.getKycStatus("ver_1", o)),
  ];
  const states: (KycState | string)[] = results.map((r) => (r.ok ? r.kyc.state : r.error.kind));
  const missing: MyazaKycStatusResult = await myaza.getKycStatus("ver_2");
  const expires: Date | undefined = nyota.ok ? nyota.documentsExpireAt : undefined;
  console.log(JSON.stringify({ states, missing: missing.ok ? null : [missing.error.kind, missing.error.httpStatus, missing.error.retryable], expires: expires instanceof Date }));
} finally {
  server.close();
}

// type-only checks (never run)
export const typeChecks = () => [
  // @ts-expect-error apiKey is required
  createMyazaClient({ baseUrl }),
  // @ts-expect-error BTC Direct needs one user credential, not both
  createBtcDirectClient({ baseUrl, apiKey: "k", userIdentifier: "i", userToken: "t" }),
];
`,
    );
    writeFileSync(
      path.join(consumerDir(), "tsconfig.clients.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, types: ["node"], typeRoots: [path.join(root, "node_modules", "@types")] }, files: ["clients.ts"] }),
    );
    const checked = typecheckProject(path.join(consumerDir(), "tsconfig.clients.json"));
    expect(checked.ok, checked.output).toBe(true);
    const out = JSON.parse(exec(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "clients.ts"])) as { states: string[]; missing: unknown; expires: boolean };
    // assert each provider's documented result shape, from the installed package
    expect(out.states).toEqual(["approved", "action_required", "pending", "rejected"]);
    expect(out.missing).toEqual(["http", 404, false]);
    expect(out.expires).toBe(true);
  });

  it("starts twins from a fixtures file through kyc-status-contracts/twin, and exports the fixtures schema", () => {
    writeFileSync(
      path.join(consumerDir(), "kyc.yaml"),
      "# yaml-language-server: $schema=node_modules/kyc-status-contracts/generated/twin-fixtures.schema.json\nmyaza:\n  keys: { sk_test_acme: acme }\n  records:\n    ver_b: { organization: acme, status: pending, then: [{ afterCalls: 1, status: verified }] }\n",
    );
    writeFileSync(
      path.join(consumerDir(), "twins.mjs"),
      `import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { startTwins } from "kyc-status-contracts/twin";
const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("kyc-status-contracts/twin/fixtures.schema.json"), "utf8"));
const twins = await startTwins({ fixtures: "kyc.yaml", providers: ["myaza"] });
const statuses = [];
try {
  for (let i = 0; i < 2; i++) {
    const r = await fetch(twins.urls.myaza + "/api/kyc/status/ver_b", { headers: { Authorization: "Bearer sk_test_acme" } });
    statuses.push((await r.json()).status);
  }
} finally {
  await twins.stop();
}
console.log(JSON.stringify({ title: schema.title, statuses }));`,
    );
    const out = JSON.parse(exec(process.execPath, ["twins.mjs"])) as { title: string; statuses: string[] };
    expect(out).toEqual({ title: "kyc-status-contracts twin fixtures", statuses: ["pending", "verified"] });
  });

  it("runs the kyc-contracts bin", () => {
    const bin = path.join(consumerDir(), "node_modules", ".bin", "kyc-contracts");
    expect(exec(bin, ["--help"])).toContain("Usage: kyc-contracts <command>");
    expect(exec(bin, ["scenarios", "--provider", "nyota-imara"])).toContain("example=kyc_record_not_found");
    expect(exec(bin, ["mock", "--help"])).toContain("--port-base <n>");
  });

  it("diffs released spec versions offline from the installed package, bin and kyc-status-contracts/evolution", () => {
    const bin = path.join(consumerDir(), "node_modules", ".bin", "kyc-contracts");
    // assert every released version ships, and the bin compares one with the current spec
    expect(exec(bin, ["diff", "myaza@1.0.0", "myaza@current"])).toContain("myaza 1.0.0 → 1.0.0: no change");
    writeFileSync(
      path.join(consumerDir(), "evolution.mjs"),
      `import { diffSpecs, listReleasedVersions, loadReleasedSpec } from "kyc-status-contracts/evolution";
const old = loadReleasedSpec("btc-direct@latest");
if (!old.ok) throw new Error(old.message);
const diff = diffSpecs(old.spec.document, old.spec.document, { provider: "btc-direct" });
console.log(JSON.stringify({ versions: listReleasedVersions("btc-direct"), changes: diff.changes.length, bump: diff.recommendedBump }));`,
    );
    expect(JSON.parse(exec(process.execPath, ["evolution.mjs"]))).toEqual({ versions: ["2.0.0"], changes: 0, bump: "none" });
  });

});

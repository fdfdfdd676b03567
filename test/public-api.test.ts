/**
 * The public API, pinned. Each entry point is imported from the BUILT package by name, through
 * package.json `exports` (Node resolves a package's own name from inside it), as a consumer
 * would, and its runtime names must equal the list below; the type names are pinned in
 * test/public-api.types.ts, compiled here against `dist/` the same way. Adding, removing or
 * renaming an export is a change to the package's API: update the list and CHANGELOG.md.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const UPDATE = "If this change is intended, update the list in test/public-api.test.ts and record it in CHANGELOG.md.";

/** package.json `exports`: module entries, files and patterns. */
const pinnedExports = [
  ".",
  "./conformance",
  "./conformance/suite",
  "./docs",
  "./evolution",
  "./generated/*",
  "./mock",
  "./openapi/*",
  "./package.json",
  "./releases/*",
  "./specs/*",
  "./twin",
  "./twin/fixtures.schema.json",
  "./vitest",
  "./webhooks",
];

/** The runtime names of every module a consumer can import, sorted. */
const pinnedNames: Record<string, readonly string[]> = {
  "kyc-status-contracts": [
    "btcDirectErrorCatalogue",
    "btcDirectErrorCodes",
    "bundledSpecPath",
    "clientErrorKinds",
    "createBtcDirectClient",
    "createMyazaClient",
    "createNyotaImaraClient",
    "createProofClient",
    "isBtcDirectErrorCode",
    "isProviderSlug",
    "kycStates",
    "listScenarios",
    "loadSpec",
    "normalizeBtcDirectStatus",
    "normalizeMyazaStatus",
    "normalizeNyotaImaraStatus",
    "normalizeProofStatus",
    "pollUntilSettled",
    "providerSlugs",
    "providers",
    "stateOf",
  ],
  "kyc-status-contracts/conformance": ["createConformanceChecker", "createProxyHandler", "createSpecValidator", "createTrafficChecker", "parseHar", "serveNodeHttp"],
  "kyc-status-contracts/conformance/suite": ["SUITE_ENV", "defineConformanceSuite"],
  "kyc-status-contracts/docs": ["buildDocs", "normalizedStatusTable", "specStatusTable"],
  "kyc-status-contracts/evolution": ["diffRules", "diffSpecs", "listReleasedVersions", "loadReleasedSpec", "summarizeDiffs"],
  "kyc-status-contracts/mock": ["MockError", "exampleRequest", "startMocks", "toCurl"],
  "kyc-status-contracts/twin": [
    "DEFAULT_CREDENTIALS",
    "DEFAULT_IDS",
    "DEFAULT_TWIN_CORS",
    "TwinError",
    "TwinFixturesError",
    "checkFixtures",
    "createTwin",
    "createTwins",
    "defaultFixtures",
    "fixturesSchema",
    "loadFixturesFile",
    "serveTwin",
    "startTwins",
  ],
  "kyc-status-contracts/vitest": ["toSatisfyContract"],
  "kyc-status-contracts/webhooks": [
    "DEFAULT_MAX_BODY_BYTES",
    "MASKED",
    "MYAZA_WEBHOOK_USER_AGENT",
    "createDeliveryIdMemory",
    "createMyazaWebhookReceiver",
    "isMyazaWebhookEventName",
    "maskPersonalData",
    "myazaSignature",
    "myazaWebhookEvents",
    "signMyazaWebhook",
    "verifyMyazaWebhook",
  ],
  // `./generated/*`: one module per generated file (types only where the list is empty)
  "kyc-status-contracts/generated/btc-direct": [],
  "kyc-status-contracts/generated/btc-direct-client": ["btcDirectClientContract"],
  "kyc-status-contracts/generated/btc-direct-errors": ["btcDirectErrorCatalogue", "btcDirectErrorCodes", "isBtcDirectErrorCode"],
  "kyc-status-contracts/generated/btc-direct-spec": ["default"],
  "kyc-status-contracts/generated/myaza": [],
  "kyc-status-contracts/generated/myaza-client": ["myazaClientContract"],
  "kyc-status-contracts/generated/myaza-spec": ["default"],
  "kyc-status-contracts/generated/myaza-webhooks": ["myazaWebhookEvents", "myazaWebhookValidators"],
  "kyc-status-contracts/generated/nyota-imara": [],
  "kyc-status-contracts/generated/nyota-imara-client": ["nyotaImaraClientContract"],
  "kyc-status-contracts/generated/nyota-imara-spec": ["default"],
  "kyc-status-contracts/generated/proof": [],
  "kyc-status-contracts/generated/proof-client": ["proofClientContract"],
  "kyc-status-contracts/generated/proof-spec": ["default"],
  "kyc-status-contracts/generated/validator-types": [],
};

interface PackageJson {
  name: string;
  exports: Record<string, string | { types: string; default: string }>;
}
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as PackageJson;
const moduleEntries = Object.entries(pkg.exports).flatMap(([key, target]) => (typeof target === "string" ? [] : [[key, target] as const]));

/** The importable module specifiers the exports map offers today, `./generated/*` expanded over dist/generated. */
function specifiers(): string[] {
  return moduleEntries
    .flatMap(([key, target]) => {
      if (!key.includes("*")) return [path.posix.join(pkg.name, key)];
      const dir = path.join(root, path.dirname(target.default));
      const suffix = path.basename(target.default).replace("*", "");
      return readdirSync(dir)
        .filter((f) => f.endsWith(suffix) && !f.endsWith(".map"))
        .map((f) => path.posix.join(pkg.name, key.replace("*", f.slice(0, -suffix.length))));
    })
    .sort();
}

describe("the public API", () => {
  beforeAll(() => {
    if (!existsSync(path.join(root, "dist", "src", "index.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  });

  it("offers exactly the pinned entry points in package.json exports", () => {
    expect(Object.keys(pkg.exports).sort(), `package.json exports changed. ${UPDATE}`).toEqual(pinnedExports);
    expect(specifiers(), `the importable modules changed. ${UPDATE}`).toEqual(Object.keys(pinnedNames).sort());
  });

  it("exports exactly the pinned runtime names from each built entry point, imported by package name", () => {
    // A child process: Node resolves the package's own name through `exports` to dist/, as for a consumer.
    const script = `const out = {};
for (const s of ${JSON.stringify(specifiers())}) out[s] = Object.keys(await import(s)).sort();
console.log(JSON.stringify(out));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    const actual = JSON.parse(out) as Record<string, string[]>;
    for (const [specifier, names] of Object.entries(pinnedNames)) {
      const added = actual[specifier]?.filter((n) => !names.includes(n)) ?? [];
      const removed = names.filter((n) => !actual[specifier]?.includes(n));
      expect(actual[specifier], `${specifier}: added ${JSON.stringify(added)}, removed ${JSON.stringify(removed)}. ${UPDATE}`).toEqual(names);
    }
  });

  it("maps each entry to its source in tsconfig.json paths, so test/public-api.types.ts type-checks without a build", () => {
    const tsconfig = JSON.parse(readFileSync(path.join(root, "tsconfig.json"), "utf8")) as { compilerOptions: { paths: Record<string, string[]> } };
    // dist/src/x/index.d.ts → ./src/x/index.ts; dist/generated/*.d.ts → ./generated/*.ts
    const fromExports = Object.fromEntries(moduleEntries.map(([key, target]) => [path.posix.join(pkg.name, key), [target.types.replace("./dist/", "./").replace(/\.d\.ts$/, ".ts")]]));
    expect(tsconfig.compilerOptions.paths).toEqual(fromExports);
  });

  it("has every pinned type name in the built declarations, through exports (and a missing one fails to compile)", () => {
    // Inside the package (self-reference resolves to dist/ there); dist/ is build output, ignored by git and not packed.
    const dir = mkdtempSync(path.join(root, "dist", ".public-api-"));
    try {
      const missing = path.join(dir, "missing.ts");
      writeFileSync(missing, 'export type { KycState, NoSuchExport } from "kyc-status-contracts";\n');
      writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: true, types: [] },
          files: [path.join(root, "test", "public-api.types.ts"), missing],
        }),
      );
      const run = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir, "--pretty", "false"], { cwd: root, encoding: "utf8" });
      const errors = run.stdout.split("\n").filter((l) => l.includes("error TS"));
      // assert: the pinned types all resolve from dist; the one made-up name is the only error
      expect(errors.map((l) => l.replace(path.relative(root, dir), "<dir>")), `${run.stdout}${run.stderr}\n${UPDATE}`).toEqual([expect.stringMatching(/^<dir>\/missing\.ts\(1,\d+\): error TS2305: Module '"kyc-status-contracts"' has no exported member 'NoSuchExport'\.$/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

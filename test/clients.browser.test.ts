/**
 * The clients outside Node: a consumer that imports `createMyazaClient` from the package's built
 * root entry (dist, through the package's `exports`) is bundled by esbuild for
 * `platform: "browser"`; the bundle must hold no Node built-in, no Ajv compiler and no YAML
 * parser, and run in headless Chromium under a CSP without 'unsafe-eval', calling a local Myaza
 * twin on another origin over CORS.
 *
 * No browser: outside CI the browser part is skipped and says why; in CI (CI=true) it fails.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIALS, DEFAULT_IDS } from "../src/twin/defaults.js";
import { startTwins, type RunningTwins } from "../src/twin/index.js";
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type ChromiumSession } from "./helpers/chromium.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const inCi = Boolean(process.env.CI) && process.env.CI !== "false";
const missing = !chromiumInstalled();
const skip = missing && !inCi;
const SKIP_REASON = `${CHROMIUM_PATH} is missing: install it with scripts/install-chromium.sh (needs root) to run this test`;
if (skip) console.warn(`[clients.browser.test] browser part SKIPPED: ${SKIP_REASON}. In CI (CI=true) a missing browser fails instead.`);

/** The consumer: reads the twin's URL, key and ids from the page's query, calls the client, leaves the results on `window.kycResults`. */
const CONSUMER = `import { createMyazaClient } from "kyc-status-contracts";

const query = new URLSearchParams(location.search);
const client = createMyazaClient({ baseUrl: query.get("baseUrl"), apiKey: query.get("apiKey") });
const results = [];
for (const id of query.getAll("id")) {
  const result = await client.getKycStatus(id);
  results.push(JSON.parse(JSON.stringify(result)));
}
window.kycResults = results;
`;

/** Node built-ins as esbuild names them (with or without the node: prefix). */
const NODE_BUILTIN = /^(node:|(assert|buffer|child_process|crypto|events|fs|http|https|module|net|os|path|process|stream|url|util|worker_threads|zlib)(\/|$))/;

let dir: string;
let bundle: { code: string; metafile: Metafile };

beforeAll(async () => {
  if (!existsSync(path.join(root, "dist", "src", "index.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  dir = mkdtempSync(path.join(tmpdir(), "kyc-browser-consumer-"));
  // The consumer resolves the package by name, through its package.json `exports`, as an application would.
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(root, path.join(dir, "node_modules", "kyc-status-contracts"), "dir");
  writeFileSync(path.join(dir, "consumer.js"), CONSUMER);
  const result = await build({
    entryPoints: [path.join(dir, "consumer.js")],
    absWorkingDir: dir,
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    metafile: true,
    write: false,
    outfile: path.join(dir, "bundle.js"),
    logLevel: "silent",
  }).catch((error: unknown) => {
    const errors = (error as { errors?: { text: string; location?: { file: string } | null }[] }).errors ?? [];
    const where = errors.map((e) => `${e.location?.file ?? "?"}: ${e.text}`).join("\n  ");
    throw new Error(`esbuild cannot bundle the root entry for a browser:\n  ${where || String(error)}\nEverything the root entry imports must be portable: Node-only tools (conformance, docs) belong in their own entry points.`);
  });
  bundle = { code: result.outputFiles[0]!.text, metafile: result.metafile };
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a browser bundle of createMyazaClient from the package's root entry", () => {
  it("holds no Node built-in, no Ajv compiler, no YAML parser and no spec file reader", () => {
    // What ships: the modules that contribute code to the bundle (esbuild also parses, then drops, unused ones).
    const output = Object.values(bundle.metafile.outputs)[0]!;
    const inputs = Object.entries(output.inputs).flatMap(([file, { bytesInOutput }]) => (bytesInOutput > 0 ? [file] : []));
    // Every import esbuild resolved, shipped or not: a Node built-in anywhere fails a browser build.
    const imports = Object.values(bundle.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    // assert the bundle really is the package's built entry and the client
    expect(Object.keys(bundle.metafile.inputs).some((p) => p.endsWith("dist/src/index.js"))).toBe(true);
    expect(inputs.some((p) => p.endsWith("dist/src/clients/myaza.js"))).toBe(true);
    expect(inputs.some((p) => p.endsWith("dist/generated/myaza-client.js"))).toBe(true);
    // assert nothing Node-only or compiling at run time
    expect(imports.filter((p) => NODE_BUILTIN.test(p))).toEqual([]);
    expect(inputs.filter((p) => /ajv\/dist\/(compile|core|2020|ajv)\b/.test(p))).toEqual([]);
    expect(inputs.filter((p) => /node_modules\/yaml\//.test(p))).toEqual([]);
    expect(bundle.code).not.toMatch(/\bnew Function\(|\beval\(/);
  });
});

describe.skipIf(skip)(`the bundle in headless Chromium against a Myaza twin over CORS${skip ? ` — SKIPPED: ${SKIP_REASON}` : ""}`, () => {
  let page: Server | undefined;
  let pageOrigin = "";
  let twins: RunningTwins<"myaza"> | undefined;
  let browser: ChromiumSession | undefined;

  beforeAll(async () => {
    if (missing) throw new Error(`${CHROMIUM_PATH} is missing in CI. .ci/run installs it with scripts/install-chromium.sh; check that step's output.`);
    twins = await startTwins({ providers: ["myaza"] });
    const twinOrigin = twins.urls.myaza;
    // The page may run its own scripts only (no eval) and connect to the twin only.
    const csp = `default-src 'none'; script-src 'self'; connect-src ${twinOrigin}; img-src data:`;
    const html = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>consumer</title><script type="module" src="/bundle.js"></script>`;
    page = createServer((req, res) => {
      const file = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      if (file === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": csp }).end(html);
      else if (file === "/bundle.js") res.writeHead(200, { "content-type": "text/javascript", "content-security-policy": csp }).end(bundle.code);
      else res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    });
    await new Promise<void>((resolve, reject) => {
      page!.once("error", reject);
      page!.listen(0, "127.0.0.1", () => resolve());
    });
    pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    expect(pageOrigin).not.toBe(twinOrigin);
    browser = await launchChromium(pageOrigin, twinOrigin);
  }, 120_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      try {
        await twins?.stop();
      } finally {
        if (page) await new Promise<void>((resolve) => page!.close(() => resolve()));
      }
    }
  });

  it("calls the twin from the page and reads a normalized status and an HTTP error", async () => {
    const tab = await browser!.context.newPage();
    const problems: string[] = [];
    tab.on("console", (m) => {
      if (m.type() === "error") problems.push(`console error: ${m.text()}`);
    });
    tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    const query = new URLSearchParams([
      ["baseUrl", twins!.urls.myaza],
      ["apiKey", DEFAULT_CREDENTIALS.myaza.publishableKey],
      ["id", DEFAULT_IDS.myaza.verified],
      ["id", "ver_01jzzzzzzzzzzzzzzzzzzzzzzz"],
    ]);
    await tab.goto(`${pageOrigin}/?${query.toString()}`);
    // Wait for the page's own calls to finish (or for it to fail: then the problems say why).
    await tab.waitForFunction(() => "kycResults" in window, undefined, { timeout: 60_000 }).catch((error: unknown) => {
      throw new Error(`the page left no results (${problems.join("; ") || String(error)})`);
    });
    const [verified, unknown] = (await tab.evaluate(() => (window as unknown as { kycResults: unknown[] }).kycResults)) as Record<string, unknown>[];
    // assert no page error, no CSP refusal: the one console error is Chromium logging the twin's 404 (the unknown id)
    const notFound = "console error: Failed to load resource: the server responded with a status of 404 (Not Found)";
    expect(problems).toEqual([notFound]);
    // assert the success: raw body, HTTP status, no warnings, and the normalized status (whatever the result names it)
    expect(verified).toMatchObject({ ok: true, httpStatus: 200, warnings: [], data: { verificationId: DEFAULT_IDS.myaza.verified, status: "verified" } });
    expect(Object.values(verified!)).toContainEqual(expect.objectContaining({ state: "approved", rawStatus: "verified" }));
    // assert an error answer is readable across origins too (status and body)
    expect(unknown).toMatchObject({ ok: false, error: { kind: "http", httpStatus: 404, provider: "myaza" } });
    // assert the twin saw both calls, from the page's origin (preflights are not journaled)
    expect(twins!.twins.myaza.requests().map((r) => [r.method, r.status])).toEqual([
      ["GET", 200],
      ["GET", 404],
    ]);
  });
});

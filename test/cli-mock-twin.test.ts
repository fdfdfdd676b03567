/** `kyc-contracts mock --engine twin` through `main()` with an injected io (and `npm run twin` is the same command). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runUntilStopped } from "./helpers/cli.js";
import { DEFAULT_CREDENTIALS as C, DEFAULT_IDS as I } from "../src/twin/index.js";
import { freePortRange, isListening } from "./support/processes.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(tmpdir(), "twin-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runUntilStopped;

describe("kyc-contracts mock --engine twin", () => {
  it("npm run twin is this command", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.twin).toBe("exec node dist/src/cli.js mock --engine twin");
  });

  it("serves the default fixtures on the usual ports layout, prints credentials, ids and a working curl line, stops on the signal", async () => {
    const base = await freePortRange(4);
    let answers: number[] = [];
    const r = await run(["mock", "--engine", "twin", "--port-base", String(base)], async () => {
      for (let i = 0; i < 4; i++) expect(isListening(base + i)).toBe(true);
      answers = [
        (await fetch(`http://127.0.0.1:${base + 3}/api/kyc/status/${I.myaza.failed}`, { headers: { Authorization: `Bearer ${C.myaza.publishableKey}` } })).status,
        (await fetch(`http://127.0.0.1:${base + 3}/api/kyc/status/${I.myaza.failed}`, { headers: { Authorization: `Bearer ${C.myaza.otherOrganizationKey}` } })).status,
      ];
      return "SIGINT";
    });
    expect(r.code).toBe(0);
    expect(answers).toEqual([200, 404]);
    // assert the table and the fixtures listing
    expect(r.out).toMatch(new RegExp(`Myaza\\s+http://127\\.0\\.0\\.1:${base + 3}\\s+curl "http://127\\.0\\.0\\.1:${base + 3}/api/kyc/status/ver_twin_pending" -H "Authorization: Bearer ${C.myaza.publishableKey}"`));
    for (const text of [C.proof.clientToken, C["btc-direct"].apiKey, C["nyota-imara"].adminToken, I.myaza.otherOrganization, "user-becomes-verified  pending → verified after 2 call(s)", "/__twin/requests"]) expect(r.out).toContain(text);
    // assert the Control line lists every control endpoint, Myaza's webhook ones included
    expect(r.out).toContain("Control: GET /__twin/requests, POST /__twin/reset, PUT /__twin/records/{id} on each URL; Myaza's also GET /__twin/webhooks, POST /__twin/webhooks/{id}.");
    expect(r.out).toContain("SIGINT: stopping the twins");
    expect(r.out).toContain(`Stopped 4 twins; ports ${base}, ${base + 1}, ${base + 2}, ${base + 3} free again.`);
    for (let i = 0; i < 4; i++) expect(isListening(base + i)).toBe(false);
  });

  it("--fixtures FILE replaces a provider's fixtures; --verbose prints each request", async () => {
    const file = path.join(dir, "fixtures.yaml");
    writeFileSync(file, "myaza:\n  keys: { sk_test_mine: mine }\n  records:\n    ver_mine: { organization: mine, status: error }\n");
    const [port] = [await freePortRange(1)];
    let body: unknown;
    const r = await run(["mock", "--engine", "twin", "--fixtures", file, "--providers", "myaza", "--port", `myaza=${port}`, "--verbose"], async () => {
      body = await (await fetch(`http://127.0.0.1:${port}/api/kyc/status/ver_mine`, { headers: { Authorization: "Bearer sk_test_mine" } })).json();
      return "SIGTERM";
    });
    expect(r.code).toBe(0);
    expect(body).toMatchObject({ verificationId: "ver_mine", status: "error" });
    expect(r.out).toContain(`with ${file}`);
    expect(r.out).toContain("ver_mine  error (mine)");
    expect(r.out).toContain("[myaza] GET /api/kyc/status/ver_mine → 200 (error)");
    expect(isListening(port)).toBe(false);
  });

  it.each([
    [["--engine", "wiremock"], 'unknown engine "wiremock"'],
    [["--engine", "twin", "--dynamic"], "--dynamic is a Prism option"],
    [["--fixtures", "f.yaml"], "--fixtures goes with --engine twin"],
  ])("usage error %j → exit 2", async (args, message) => {
    const r = await run(["mock", ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it("a bad fixtures file → exit 2 with one error naming the field; nothing listens", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ proof: { tokens: ["t"], records: { u: { status: "approved" } } } }));
    const base = await freePortRange(4);
    const r = await run(["mock", "--engine", "twin", "--fixtures", file, "--port-base", String(base)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Invalid twin fixtures (${file}): proof.records.u.status must be one of`);
    for (let i = 0; i < 4; i++) expect(isListening(base + i)).toBe(false);
  });

  it("documents the engine and the fixtures in --help", async () => {
    const r = await run(["mock", "--help"]);
    for (const text of ["--engine <name>", "--fixtures FILE", "/__twin/requests", "fixtures.schema.json"]) expect(r.out).toContain(text);
  });
});

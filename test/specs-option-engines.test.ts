/**
 * `--specs DIR` on `mock` (Prism and twins) and `conform`: the servers answer from, and the
 * checker judges against, the specs in DIR, not the bundled ones. DIR is a copy of openapi/
 * edited the way a team edits it: a new status value with its named example, or a documented
 * status removed.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { DEFAULT_CREDENTIALS as C } from "../src/twin/index.js";
import { runCli, runUntilStopped } from "./helpers/cli.js";
import { copySpecs, repoRoot } from "./helpers/drifted-traffic.js";
import { freePortRange, isListening } from "./support/processes.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const PROOF_PATH = "proof/paths/widget_users_{partner_user_id}_kyc-status.yaml";

/** A copy of the specs where Proof documents `on_hold`, with a named example of it. */
function specsWithOnHold(): string {
  const specs = copySpecs("kyc-specs-option-");
  made.push(path.dirname(specs));
  const statusFile = path.join(specs, "proof/components/schemas/KycStatus.yaml");
  const status = parseDocument(readFileSync(statusFile, "utf8"));
  status.addIn(["enum"], "on_hold");
  status.addIn(["x-lifecycle", "transitions"], status.createNode({ from: "on_hold", to: ["pending", "verified", "failed"], source: "test" }));
  writeFileSync(statusFile, String(status));
  const pathFile = path.join(specs, PROOF_PATH);
  const doc = parseDocument(readFileSync(pathFile, "utf8"));
  doc.setIn(["get", "responses", "200", "content", "application/json", "examples", "on_hold"], doc.createNode({ summary: "Held for review", value: { partner_user_id: "user-123", status: "on_hold" } }));
  writeFileSync(pathFile, String(doc));
  return specs;
}

const proofRequest = (base: string, example: string) =>
  fetch(`${base}/widget/users/user-123/kyc-status`, { headers: { Authorization: `Bearer ${C.proof.clientToken}`, Prefer: `example=${example}` } });

describe("mock --specs DIR", () => {
  it("the twins answer from the specs in DIR (a named example only they have)", async () => {
    const specs = specsWithOnHold();
    const [port] = [await freePortRange(1)];
    let answer: { status: number; body: unknown } | undefined;
    const r = await runUntilStopped(["mock", "--engine", "twin", "--providers", "proof", "--port", `proof=${port}`, "--specs", specs], async () => {
      const res = await proofRequest(`http://127.0.0.1:${port}`, "on_hold");
      answer = { status: res.status, body: await res.json() };
      return "SIGINT";
    });
    expect(r.code, r.err).toBe(0);
    // assert the example exists only in DIR's spec, and the twin served it
    expect(answer).toEqual({ status: 200, body: { partner_user_id: "user-123", status: "on_hold" } });
    expect(isListening(port)).toBe(false);
  });

  it("Prism serves the split sources in DIR", async () => {
    const specs = specsWithOnHold();
    const [port] = [await freePortRange(1)];
    let answer: { status: number; body: unknown } | undefined;
    const r = await runUntilStopped(["mock", "--providers", "proof", "--port", `proof=${port}`, "--specs", specs], async () => {
      const res = await proofRequest(`http://127.0.0.1:${port}`, "on_hold");
      answer = { status: res.status, body: await res.json() };
      return "SIGINT";
    });
    expect(r.code, r.err).toBe(0);
    expect(answer).toEqual({ status: 200, body: { partner_user_id: "user-123", status: "on_hold" } });
  });

  it("a folder without the provider's spec is a usage error naming the file expected (exit 2)", async () => {
    const specs = specsWithOnHold();
    rmSync(path.join(specs, "myaza"), { recursive: true });
    const r = await runCli("mock", "--engine", "twin", "--providers", "myaza", "--specs", specs);
    expect(r.code).toBe(2);
    expect(r.err).toContain(path.join(specs, "myaza", "openapi.yaml").split(path.sep).join("/"));
  });
});

/** The built CLI, as a user runs it (conform runs vitest, which needs the package's files). */
function conform(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "dist", "src", "cli.js"), "conform", ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

describe("conform --specs DIR", () => {
  it("checks the twin against DIR's spec: its cases and statuses, not the bundled ones", async () => {
    const specs = specsWithOnHold();
    const ok = await conform(["--provider", "proof", "--engine", "twin", "--specs", specs]);
    // assert the case for the example only DIR has ran and passed
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain("on_hold");
    // assert removing the documented 404 from DIR changes both sides: the twin (built from DIR) has
    // no not-found answer left, and the checker (reading DIR) fails the unknown-id case
    const pathFile = path.join(specs, PROOF_PATH);
    const doc = parseDocument(readFileSync(pathFile, "utf8"));
    doc.deleteIn(["get", "responses", "404"]);
    writeFileSync(pathFile, String(doc));
    const failed = await conform(["--provider", "proof", "--engine", "twin", "--specs", specs]);
    expect(failed.code, failed.out).toBe(1);
    expect(failed.out).toContain("[not-found]: expected 404");
  });
});

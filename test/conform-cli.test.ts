/**
 * `kyc-contracts conform` (the built CLI, as a user runs it) against an in-repo Myaza server that
 * breaks the contract one way at a time: each must exit 1 naming the right check; the correct
 * variant must exit 0. Also: reporters, usage errors, and that the API key never leaks.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/command.js";
import { main } from "../src/cli/main.js";
import { startTwins, DEFAULT_CREDENTIALS as C, DEFAULT_IDS as I } from "../src/twin/index.js";
import { planSuite, type CaseOutcome } from "../src/conformance/suite-plan.js";
import { loadSpec } from "../src/spec/load.js";
import { breakages, noticeBreakages, startBrokenMyaza, type Breakage, type BrokenServer } from "./fixtures/broken-myaza.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const API_KEY = "sk_test_SECRETdistinctive0123456789abcdef";
const KNOWN_ID = "ver_01J9X2M4K7P8Q3R5S6T9V0W1Y2";
const liveEnv = { MYAZA_API_KEY: API_KEY, MYAZA_VERIFICATION_ID: KNOWN_ID };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function conform(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "dist", "src", "cli.js"), "conform", ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), "kyc-conform-test-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function against<T = Run>(breakage: Breakage, run: (server: BrokenServer) => Promise<T>): Promise<T> {
  const server = await startBrokenMyaza(breakage, API_KEY, KNOWN_ID);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

/**
 * Each case below is its own CLI process (and server): independent, so they run at once; the
 * time of the file is then its slowest few cases, not their sum (most of it is waiting for
 * processes to start).
 */
describe.concurrent("kyc-contracts conform as a process", () => {
  describe("kyc-contracts conform against the mocks", () => {
    it("--provider all passes against the Prism mocks it starts, covering every documented status and example", async () => {
      const r = await conform(["--provider", "all"]);
      expect(r.stdout).toMatch(/Conformance: \d+ passed, 0 failed, 16 skipped/);
      // assert the coverage line: every documented status and named example was exercised
      const coverage = /Coverage: (.*)/.exec(r.stdout)?.[1] ?? "";
      for (const slug of ["proof", "btc-direct", "nyota-imara", "myaza"]) expect(coverage).toMatch(new RegExp(`${slug} (\\d+)/\\1 documented statuses, (\\d+)/\\2 named examples`));
      expect(r.code).toBe(0);
    }, 180_000); // four Prism processes on a shared, loaded machine
  });

  describe("kyc-contracts conform --engine twin", () => {
    it("runs every case against the twins it starts, none skipped, covering every documented status and example", async () => {
      const out = path.join(tmp, "twin.json");
      const r = await conform(["--provider", "all", "--engine", "twin", "--reporter", "json", "--output", out]);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(readFileSync(out, "utf8")) as { numTotalTests: number; numPassedTests: number; numPendingTests: number; numTodoTests: number };
      // assert nothing was skipped: the wrong-credential, unknown-id and malformed-id cases ran too
      expect(report.numPendingTests + report.numTodoTests).toBe(0);
      expect(report.numPassedTests).toBe(report.numTotalTests);
      expect(report.numTotalTests).toBeGreaterThan(80);
      const coverage = /Coverage: (.*)/.exec(r.stderr)?.[1] ?? "";
      for (const slug of ["proof", "btc-direct", "nyota-imara", "myaza"]) expect(coverage).toMatch(new RegExp(`${slug} (\\d+)/\\1 documented statuses, (\\d+)/\\2 named examples`));
    }, 180_000);
  });

  describe("kyc-contracts conform when the mocks cannot start", () => {
    it("says Prism is not installed and how to install it, exits 2 before running anything", async () => {
      const hidePrism = path.join(root, "test", "fixtures", "hide-prism.cjs");
      const r = await conform(["--provider", "proof"], { NODE_OPTIONS: `--require ${hidePrism}` });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("kyc-contracts conform --engine prism needs @stoplight/prism-cli (serves the Prism mocks), an optional peer dependency of kyc-status-contracts that is not installed.");
      expect(r.stderr).toContain("\n  npm install --save-dev @stoplight/prism-cli@5.14.2\n");
      expect(r.stderr).toContain("kyc-contracts conform --engine twin");
      expect(r.stdout).not.toContain("Conformance:");
    });
  });

  describe("kyc-contracts conform against a live target", () => {
    it("passes a correct Myaza endpoint (exit 0) and skips the mock-only cases with a reason", async () => {
      const r = await against("none", (s) => conform(["--provider", "myaza", "--base-url", s.url], liveEnv));
      expect(r.stdout).toMatch(/Conformance: \d+ passed, 0 failed, \d+ skipped/);
      expect(r.stdout).toContain("live targets ignore Prism's Prefer header");
      expect(r.stdout).toMatch(/Coverage: myaza \d+\/7 documented statuses/);
      expect(r.code).toBe(0);
    });

    it("fails (exit 1) on a broken target with the JSON reporter, naming the check; the API key the server echoes reaches no output", async () => {
      const out = path.join(tmp, "leaks-key-in-body.json");
      const r = await against("leaks-key-in-body", (s) => conform(["--provider", "myaza", "--base-url", s.url, "--reporter", "json", "--output", out], liveEnv));
      expect(r.code).toBe(1);
      const report = readFileSync(out, "utf8");
      const messages = (JSON.parse(report) as { testResults: { assertionResults: { status: string; failureMessages: string[] }[] }[] }).testResults
        .flatMap((f) => f.assertionResults)
        .filter((a) => a.status === "failed")
        .flatMap((a) => a.failureMessages);
      expect(messages.join("\n")).toContain(`[${breakages["leaks-key-in-body"]}]`);
      for (const text of [r.stdout, r.stderr, report]) expect(text).not.toContain(API_KEY);
    });

    it("lists every failed check in human output, then a summary", async () => {
      const r = await against("wrong-enum", (s) => conform(["--provider", "myaza", "--base-url", s.url], liveEnv));
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("Failed checks:");
      expect(r.stdout).toContain('✗ [body-schema] at /status: expected one of ["pending","verified","failed","not_found","error"]');
      expect(r.stdout).toMatch(/Conformance: \d+ passed, [1-9]\d* failed/);
    });

    it("writes JUnit XML with vitest's reporter", async () => {
      const out = path.join(tmp, "junit.xml");
      const r = await against("missing-header", (s) => conform(["--provider", "myaza", "--base-url", s.url, "--reporter", "junit", "--output", out], liveEnv));
      expect(r.code).toBe(1);
      const xml = readFileSync(out, "utf8");
      expect(xml).toMatch(/^<\?xml/);
      expect(xml).toContain("<testsuites");
      expect(xml).toContain("[header-present]");
      // assert each case carries the names of the checks its response went through
      expect(xml).toMatch(/<property name="checks" value="operation-documented, status-documented, [^"]*body-schema, id-echo, myaza-completed-at, myaza-reason, myaza-reason-code-known, lifecycle-transition">/);
    });

    it("reports an unknown reasonCode as a warning: exit 0, the warning shown", async () => {
      const r = await against("unknown-reason-code", (s) => conform(["--provider", "myaza", "--base-url", s.url], liveEnv));
      expect(r.stdout).toMatch(/Conformance: \d+ passed, 0 failed/);
      expect(r.stdout).toContain(`⚠ warning: ✗ [${noticeBreakages["unknown-reason-code"]}] at /reasonCode`);
      expect(r.stdout).toMatch(/1 warning\(s\)/);
      expect(r.code).toBe(0);
    });

    it("--max-response-ms fails a slow target [response-time]; without it the same target passes", async () => {
      const [slow, unbounded] = await against("slow", (s) =>
        Promise.all([conform(["--provider", "myaza", "--base-url", s.url, "--max-response-ms", "1000"], liveEnv), conform(["--provider", "myaza", "--base-url", s.url], liveEnv)]),
      );
      expect(slow.stdout).toMatch(/✗ \[response-time\] at \(response\): expected at most 1000 ms, got \d+ ms/);
      expect(slow.code).toBe(1);
      expect(unbounded.code).toBe(0);
    });

    it("--reporter github prints one ::error annotation per failed check, titled with the check", async () => {
      const r = await against("id-not-echoed", (s) => conform(["--provider", "myaza", "--base-url", s.url, "--reporter", "github"], liveEnv));
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^::error title=id-echo%3A .*::HTTP 200 from GET .*%0A✗ \[id-echo\] at \/verificationId/m);
      expect(r.stdout).toMatch(/Conformance: \d+ passed, 1 failed/);
      expect(r.stdout).not.toContain(API_KEY);
    });

    it("reports an unreachable target as a failure that says what to check", async () => {
      const r = await conform(["--provider", "myaza", "--base-url", "http://127.0.0.1:9"], liveEnv);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("Could not reach http://127.0.0.1:9");
    });
  });

  describe("kyc-contracts conform --base-url slug=URL,slug=URL", () => {
    it("checks several running servers in one run, each provider against its own URL", async () => {
      const running = await startTwins({ providers: ["proof", "myaza"], ports: { proof: 0, myaza: 0 } });
      try {
        const env = { PROOF_CLIENT_TOKEN: C.proof.clientToken, PROOF_USER_ID: I.proof.verified, MYAZA_API_KEY: C.myaza.secretKey, MYAZA_VERIFICATION_ID: I.myaza.verified };
        const r = await conform(["--base-url", `proof=${running.urls.proof},myaza=${running.urls.myaza}`], env);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stderr).toContain(`proof, myaza against proof=${running.urls.proof}, myaza=${running.urls.myaza}`);
        const coverage = /Coverage: (.*)/.exec(r.stdout)?.[1] ?? "";
        for (const slug of ["proof", "myaza"]) expect(coverage).toMatch(new RegExp(`${slug} \\d+/\\d+ documented statuses`));
        // assert each suite went to its own server
        expect(running.twins.proof.requests().length).toBeGreaterThan(0);
        expect(running.twins.myaza.requests().length).toBeGreaterThan(0);
        expect(running.twins.proof.requests().every((e) => e.path.startsWith("/widget/"))).toBe(true);
      } finally {
        await running.stop();
      }
    });
  });
});

/**
 * Every breakage of the broken Myaza server, against the suite the CLI runs (its cases, checker
 * and redaction: src/conformance/suite-plan.ts, which conformance/<slug>.test.ts turns into vitest
 * tests) in this process: a server per breakage, no vitest start per case. The CLI's own handling
 * of a failing run (exit 1, reporters, the key kept out) is the process tests above.
 */
/** Every case of Myaza's suite against `url` as a live target, in order. */
async function runSuite(url: string): Promise<CaseOutcome[]> {
  const plan = planSuite("myaza", await loadSpec("myaza"), "live", liveEnv);
  const outcomes: CaseOutcome[] = [];
  for (const { cases } of plan.operations) for (const c of cases) outcomes.push(await plan.run(url, c));
  return outcomes;
}

describe.concurrent("the conformance suite against a live target that breaks the contract one way", () => {
  it.each(Object.entries(breakages))("fails on %s, naming the check [%s]; the API key is in no message", async (breakage, check) => {
    const outcomes = await against(breakage as Breakage, (s) => runSuite(s.url));
    const failures = outcomes.flatMap((o) => (o.kind === "failed" ? [o.message] : []));
    expect(failures.join("\n")).toContain(`[${check}]`);
    // assert the API key never reaches a message or annotation, even when the server echoes it
    for (const o of outcomes) expect(JSON.stringify(o)).not.toContain(API_KEY);
  });

  it("passes every case of a correct target (the table above is not failing on everything)", async () => {
    const outcomes = await against("none", (s) => runSuite(s.url));
    expect(outcomes.filter((o) => o.kind === "failed")).toEqual([]);
    expect(outcomes.filter((o) => o.kind === "passed").length).toBeGreaterThan(3);
  });
});

/**
 * The usage errors below exit 2 before anything starts: run in-process through `main()` (the
 * same command code as the built bin, without a process start per case).
 */
async function conformUsage(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env };
  const code = await main(["conform", ...args], io);
  return { code, stdout, stderr };
}

describe("kyc-contracts conform never prints the user:password of a --base-url", () => {
  it.each([
    ["http://user:s3cretPW@127.0.0.1:1/base", "--base-url http://127.0.0.1:1/base must not carry user:password@"],
    ["http://user:s3cretPW@exa mple/base", '--base-url "http://exa mple/base" is not a URL'],
  ])("%s: exit 2, the URL shown without it", async (url, message) => {
    const r = await conformUsage(["--provider", "myaza", "--base-url", url], liveEnv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(`${r.stdout}${r.stderr}`).not.toContain("s3cretPW");
  });
});

describe("kyc-contracts conform usage errors (exit 2)", () => {
  it.each([
    [["--provider", "myaza", "--base-url", "http://127.0.0.1:1"], {}, "MYAZA_API_KEY, MYAZA_VERIFICATION_ID"],
    [["--provider", "all", "--base-url", "http://127.0.0.1:1"], liveEnv, "one --base-url for 4 providers would check them all against one host; give each its own: --base-url proof=URL,myaza=URL"],
    [["--base-url", "http://127.0.0.1:1"], liveEnv, "one --base-url for 4 providers"],
    [["--base-url", "proof=http://127.0.0.1:1,myaza=http://127.0.0.1:2"], liveEnv, "PROOF_CLIENT_TOKEN"],
    [["--base-url", "paypal=http://127.0.0.1:1"], liveEnv, 'unknown provider "paypal" in --base-url'],
    [["--base-url", "myaza=http://127.0.0.1:1,myaza=http://127.0.0.1:2"], liveEnv, "--base-url names myaza twice"],
    [["--base-url", "myaza=not a url"], liveEnv, '--base-url myaza="not a url" is not a URL'],
    [["--provider", "proof", "--base-url", "myaza=http://127.0.0.1:1"], liveEnv, "--provider proof but --base-url names myaza"],
    [["--provider", "paypal"], {}, 'unknown provider "paypal"'],
    [["--reporter", "tap"], {}, 'unknown reporter "tap"'],
    [["--base-url", "not a url"], {}, "is not a URL"],
    [["--output", "x.json"], {}, "--output goes with --reporter junit or json"],
    [["--max-body-bytes", "1.5"], {}, '--max-body-bytes must be a whole number of bytes ≥ 1, not "1.5"'],
    [["--max-body-bytes", "0"], {}, '--max-body-bytes must be a whole number of bytes ≥ 1, not "0"'],
    [["--engine", "wiremock"], {}, 'unknown engine "wiremock"'],
    [["--engine", "twin", "--base-url", "http://127.0.0.1:1"], liveEnv, "with --base-url nothing is started"],
    [["--reporter", "github", "--output", "x.json"], {}, "--output goes with --reporter junit or json"],
    [["--max-response-ms", "soon"], {}, "--max-response-ms must be a positive whole number"],
    [["--max-response-ms", "0"], {}, "--max-response-ms must be a positive whole number"],
  ] as [string[], Record<string, string>, string][])("%j", async (args, env, message) => {
    const r = await conformUsage(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

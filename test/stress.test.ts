/**
 * scripts/stress.ts (`npm run test:stress`) with a stand-in for `npm test`: it stops at the first
 * failing run, names the run and the failed test, and leaves no CPU hog behind. Its pure parts
 * (the report reader) with literal reports.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { failedTests, formatDuration } from "../scripts/stress-report.js";
import { processesWithEnv, waitFor } from "./support/processes.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const scratch = mkdtempSync(path.join(tmpdir(), "kyc-stress-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function stress(args: string[]): Promise<{ code: number | null; out: string; pid: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "stress.ts"), ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("close", (code) => resolve({ code, out, pid: child.pid! }));
  });
}

const fake = (name: string, failOn: number): string => `${JSON.stringify(process.execPath)} test/fixtures/stress-fake-test.mjs ${JSON.stringify(path.join(scratch, name))} ${failOn}`;

describe("npm run test:stress", () => {
  it("stops at the first failing run, naming the run and the test, and stops its CPU hog", async () => {
    const r = await stress(["--runs", "4", "--command", fake("fails-second", 2), "--out", path.join(scratch, "out1")]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("test:stress: 4 runs of");
    expect(r.out).toMatch(/run 1\/4: passed/);
    expect(r.out).toMatch(/run 2\/4: FAILED \(exit 1/);
    expect(r.out).toContain("✗ test/flaky.test.ts > a flaky test waits on time");
    expect(r.out).toContain("stopped at run 2 of 4");
    expect(r.out).not.toContain("run 3/4");
    await waitFor("the CPU hog to be gone", () => processesWithEnv("KYC_STRESS_HOG", String(r.pid)).length === 0);
  });

  it("reports every run passed, and stops its hog then too", async () => {
    const r = await stress(["--runs", "2", "--command", fake("passes", 0), "--out", path.join(scratch, "out2")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/run 2\/2: passed/);
    expect(r.out).toContain("all 2 runs passed");
    await waitFor("the CPU hog to be gone", () => processesWithEnv("KYC_STRESS_HOG", String(r.pid)).length === 0);
  });

  it("shows the end of the output when a run fails before vitest", async () => {
    const r = await stress(["--runs", "3", "--hogs", "0", "--command", `${JSON.stringify(process.execPath)} -e "console.log('tsc: error TS2322 somewhere'); process.exit(2)"`, "--out", path.join(scratch, "out3")]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/run 1\/3: FAILED \(exit 2/);
    expect(r.out).toContain("the run failed before or outside vitest");
    expect(r.out).toContain("tsc: error TS2322 somewhere");
  });

  it("refuses a bad --runs", async () => {
    const r = await stress(["--runs", "0"]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("--runs must be a whole number ≥ 1");
  });
});

describe("stress report reading", () => {
  it("lists failed tests as file > name, and a file that failed outside its tests by its message", () => {
    const report = {
      testResults: [
        { name: "/repo/test/a.test.ts", assertionResults: [{ status: "passed", fullName: "fine" }, { status: "failed", fullName: "suite waits on a port" }] },
        { name: "/repo/test/b.test.ts", message: "Hook timed out in 120000ms\nat …", assertionResults: [{ status: "skipped", fullName: "x" }] },
        { name: "/repo/test/c.test.ts", assertionResults: [{ status: "passed", fullName: "ok" }] },
      ],
    };
    expect(failedTests(report, "/repo")).toEqual(["test/a.test.ts > suite waits on a port", "test/b.test.ts > Hook timed out in 120000ms"]);
    expect(failedTests(undefined, "/repo")).toEqual([]);
  });

  it("formats durations", () => {
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(245_000)).toBe("4 min 05 s");
  });
});

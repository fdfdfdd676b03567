/**
 * `kyc-contracts webhook-receiver`: usage and configuration errors (exit 2), a run in-process
 * with deliveries over real HTTP (exit 0 / 1, per-delivery lines, summary), masking of personal
 * data and the secret in every output, and the built CLI stopped by a real SIGINT.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/command.js";
import { main } from "../src/cli/main.js";
import { signMyazaWebhook, type MyazaWebhookEventOf } from "../src/webhooks/index.js";
import { loadSpec } from "../src/spec/load.js";
import { listWebhooks } from "../src/spec/walk.js";
import { waitFor } from "./support/processes.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECRET = "whsec_cli_test_0a1b2c3d4e5f6a7b8c9d";
const PII = { idNumber: "55512345678", firstName: "Oluwaseun" };

const spec = await loadSpec("myaza");
const example = listWebhooks(spec).find((w) => w.name === "verification.completed")!.requestBody[0]!.examples[0]!.value as MyazaWebhookEventOf<"verification.completed">;
const completed: MyazaWebhookEventOf<"verification.completed"> = { ...example, data: { ...example.data, idNumber: PII.idNumber, userData: { firstName: PII.firstName } } };

interface Session {
  out: () => string;
  err: () => string;
  stop: (signal?: string) => void;
  exited: Promise<number>;
}

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) {
    s.stop();
    await s.exited;
  }
});

/** Runs the command in-process; `stop()` plays the user's Ctrl+C. */
function startCli(argv: string[], env: Record<string, string> = { MYAZA_SECRET: SECRET }): Session {
  let out = "";
  let err = "";
  let stop: (signal: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env, waitForStop: () => stopped };
  const session = { out: () => out, err: () => err, stop: (signal = "SIGINT") => stop(signal), exited: main(["webhook-receiver", ...argv], io) };
  sessions.push(session);
  return session;
}

async function listening(session: Session): Promise<string> {
  await waitFor("the receiver's URL", () => /at http:\/\/\S+\//.test(session.out()) || session.err() !== "", 30_000);
  const url = /at (http:\/\/\S+)\//.exec(session.out())?.[1];
  if (!url) throw new Error(`the receiver did not start:\n${session.err()}`);
  return url;
}

async function post(url: string, payload: Parameters<typeof signMyazaWebhook>[0]["payload"], change: (h: Record<string, string>) => void = () => {}): Promise<number> {
  const signed = await signMyazaWebhook({ payload, secret: SECRET });
  change(signed.headers);
  return (await fetch(`${url}/webhooks/myaza`, { method: "POST", headers: signed.headers, body: signed.body })).status;
}

const expectNoPersonalData = (text: string): void => {
  for (const value of [PII.idNumber, PII.firstName, SECRET]) expect(text).not.toContain(value);
};

describe("usage and configuration errors (exit 2)", () => {
  it.each([
    [[], /--provider is required/],
    [["--provider", "acme", "--secret-env", "MYAZA_SECRET"], /unknown provider "acme"/],
    [["--provider", "proof", "--secret-env", "MYAZA_SECRET"], /Proof's spec documents no webhooks/],
    [["--provider", "myaza"], /--secret-env NAME is required/],
    [["--provider", "myaza", "--secret-env", "NOT_SET_ANYWHERE"], /NOT_SET_ANYWHERE is not set/],
    [["--provider", "myaza", "--secret-env", "MYAZA_SECRET", "--port", "http"], /--port must be a number/],
    [["--provider", "myaza", "--secret-env", "MYAZA_SECRET", "--verbose"], /Unknown option '--verbose'/],
  ] as const)("%j → %s", async (argv, message) => {
    const session = startCli([...argv]);
    expect(await session.exited).toBe(2);
    expect(session.err()).toMatch(message);
    expect(session.err()).toContain("kyc-contracts webhook-receiver --help");
    expect(session.out()).toBe("");
  });

  it("an empty secret variable is a configuration error", async () => {
    const session = startCli(["--provider", "myaza", "--secret-env", "MYAZA_SECRET"], { MYAZA_SECRET: "" });
    expect(await session.exited).toBe(2);
    expect(session.err()).toMatch(/MYAZA_SECRET is empty/);
  });

  it("a port in use → exit 2, naming the port", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      const session = startCli(["--provider", "myaza", "--secret-env", "MYAZA_SECRET", "--port", String(port)]);
      expect(await session.exited).toBe(2);
      expect(session.err()).toContain(`Port ${port} on 127.0.0.1 is not available`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe("checking deliveries", () => {
  it("conformant deliveries only → ✓ lines, a summary on Ctrl+C and exit 0", async () => {
    const session = startCli(["--provider", "myaza", "--secret-env", "MYAZA_SECRET", "--port", "0"]);
    const url = await listening(session);
    expect(await post(url, completed, (h) => (h["X-Myaza-Delivery"] = "dlv_first"))).toBe(200);
    expect(await post(url, { id: "evt_01j9x2m4k7p8q3r5s6t9v0w1za", event: "credits.low", createdAt: "2026-04-27T12:00:05.000Z", data: {} })).toBe(200);
    await waitFor("two delivery lines", () => (session.out().match(/^✓ /gm) ?? []).length === 2);
    session.stop();
    expect(await session.exited).toBe(0);
    expect(session.out()).toMatch(/^✓ #1 POST \/webhooks\/myaza {2}verification\.completed {2}delivery dlv_first {2}ver_\S+ {2}→ 200$/m);
    expect(session.out()).toContain("SIGINT: stopped.\n2 deliveries: 2 conformant, 0 with violations.");
    expectNoPersonalData(session.out() + session.err());
  });

  it("violations are printed as they arrive, counted by check, and make the exit code 1", async () => {
    const session = startCli(["--provider", "myaza", "--secret-env", "MYAZA_SECRET", "--port", "0"]);
    const url = await listening(session);
    const signed = await signMyazaWebhook({ payload: completed, secret: SECRET });
    const send = () => fetch(`${url}/`, { method: "POST", headers: signed.headers, body: signed.body });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(400); // the same delivery id again
    await waitFor("the duplicate reported", () => session.out().includes("duplicate-delivery:"));
    const failed = { ...completed, data: { ...completed.data, status: "failed" } };
    expect(await post(url, JSON.stringify(failed), (h) => (h["X-Myaza-Event"] = "verification.completed"))).toBe(400);
    expect(await post(url, completed, (h) => (h["X-Myaza-Signature"] = `sha1=${"c".repeat(40)}`))).toBe(401);
    await waitFor("four delivery lines", () => (session.out().match(/^[✓✗] #/gm) ?? []).length === 4);
    session.stop("SIGTERM");
    expect(await session.exited).toBe(1);
    const out = session.out();
    expect(out).toMatch(/^✗ #2 .*→ 400\n {4}duplicate-delivery: X-Myaza-Delivery \S+ repeats delivery #1/m);
    expect(out).toMatch(/^✗ #3 .*\n {4}event-status: verification\.completed must carry data\.status "verified", but it is "failed"\./m);
    expect(out).toMatch(/^✗ #4 .*→ 401\n {4}signature: wrong_algorithm: /m);
    expect(out).toContain("4 deliveries: 1 conformant, 3 with violations.\nViolations by check:\n  duplicate-delivery  1\n  event-status        1\n  signature           1\n");
    // assert the personal data and the secret appear in no output
    expectNoPersonalData(out + session.err());
  });

  it("no delivery at all → says so, exit 0", async () => {
    const session = startCli(["--provider", "myaza", "--secret-env", "MYAZA_SECRET", "--port", "0"]);
    await listening(session);
    session.stop();
    expect(await session.exited).toBe(0);
    expect(session.out()).toContain("No deliveries received.");
  });
});

describe("the built CLI", () => {
  const cli = path.join(root, "dist", "src", "cli.js");
  it.runIf(existsSync(cli))("prints the summary and exits 1 when stopped by a real SIGINT after a bad delivery", async () => {
    const child = spawn(process.execPath, [cli, "webhook-receiver", "--provider", "myaza", "--secret-env", "KYC_TEST_SECRET", "--port", "0"], {
      cwd: root,
      env: { ...process.env, KYC_TEST_SECRET: SECRET },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    try {
      await waitFor("the receiver's URL", () => /at http:\/\/\S+\//.test(out), 30_000);
      const url = /at (http:\/\/\S+)\//.exec(out)![1]!;
      expect(await post(url, completed, (h) => delete h["X-Myaza-Delivery"])).toBe(400);
      await waitFor("the delivery line", () => out.includes("✗ #1"));
      child.kill("SIGINT");
      expect(await exited).toBe(1);
      expect(out).toContain("SIGINT: stopped.\n1 delivery: 0 conformant, 1 with violations.");
      expectNoPersonalData(out);
    } finally {
      child.kill("SIGKILL");
    }
  });
});

/**
 * `kyc-contracts proxy` as a user runs it (the built CLI, a real process): forwards to an upstream
 * on 127.0.0.1, prints violations live, records a HAR, prints the summary on Ctrl+C (SIGINT) and
 * exits 1 when anything failed. Masking: every artefact the test makes (stdout, stderr, the HAR,
 * the JSON report) is grepped for the credential and the personal data of the response.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { serveNodeHttp } from "../src/conformance/node-transport.js";
import { listScenarios, loadSpec } from "../src/spec/index.js";
import { runCli } from "./helpers/cli.js";
import { waitFor } from "./support/processes.js";
import { copySpecWithEdit } from "./support/spec-copy.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tmp = mkdtempSync(path.join(tmpdir(), "kyc-proxy-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.SECRETproxytoken0123456789";
const SIGNATURE = "5e1f0c0ffee5ca1ab1e0decafbad0123456789abcdef";
const USER = "usr_01j9zproxy";

/** Nyota Imara's `pending` example about USER, with a signed document URL: full of personal data. */
async function nyotaRecord(status = "pending"): Promise<Record<string, unknown>> {
  const example = listScenarios(await loadSpec("nyota-imara")).find((s) => s.status === "200" && s.example === "pending")!;
  const body = structuredClone(example.value) as { data: Record<string, unknown> };
  body.data.userId = USER;
  body.data.status = status;
  (body.data.documents as Record<string, string>).idFrontUrl = `https://storage.example.com/id-front?X-Amz-Expires=900&X-Amz-Signature=${SIGNATURE}`;
  return body;
}
const personal = (body: Record<string, unknown>): string[] => {
  const d = body.data as { userInfo: { email: string; name: string }; idNumber: string };
  return [d.userInfo.email, d.userInfo.name, d.idNumber, SIGNATURE];
};

interface ProxyRun {
  code: number | null;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the proxy CLI, waits until it listens, runs `traffic` against it, then Ctrl+C (or `stop`). */
function runProxy(args: string[], traffic: (url: string) => Promise<void>, stop: NodeJS.Signals = "SIGINT"): Promise<ProxyRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "dist", "src", "cli.js"), "proxy", ...args], { cwd: tmp, env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let started = false;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      const url = /kyc-contracts proxy: (http:\/\/127\.0\.0\.1:\d+) →/.exec(stderr)?.[1];
      if (url && !started) {
        started = true;
        traffic(url)
          .then(() => child.kill(stop))
          .catch((e: unknown) => {
            child.kill("SIGKILL");
            reject(e);
          });
      }
    });
    // A proxy that never starts must not outlive the test.
    const guard = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe("kyc-contracts proxy", () => {
  it("forwards unchanged, reports live, records a masked HAR, summarises on Ctrl+C and exits 1 on a violation", async () => {
    const records = [await nyotaRecord("rejected"), await nyotaRecord("pending"), { ...(await nyotaRecord("verified")) }];
    // the third answer is about another user: an id-echo violation
    (records[2]!.data as Record<string, unknown>).userId = "usr_someoneelse";
    let turn = 0;
    const seenAuth: string[] = [];
    const upstream = await serveNodeHttp((req) => {
      seenAuth.push(req.headers.get("authorization") ?? "");
      return Promise.resolve(Response.json(records[Math.min(turn++, records.length - 1)], { headers: { "x-upstream": "yes" } }));
    });
    const har = path.join(tmp, "session.har");
    const report = path.join(tmp, "report.json");
    const bodies: string[] = [];
    let run: ProxyRun;
    try {
      run = await runProxy(["--provider", "nyota-imara", "--upstream", upstream.url, "--record", har, "--reporter", "json", "--output", report], async (url) => {
        for (let i = 0; i < 3; i++) {
          const r = await fetch(`${url}/v1/kyc/${USER}?trace=1`, { headers: { Authorization: `Bearer ${TOKEN}` } });
          expect(r.headers.get("x-upstream")).toBe("yes");
          bodies.push(await r.text());
        }
      });
    } finally {
      await upstream.close();
    }
    // assert the request reached the upstream with its credentials, and the response came back unchanged
    expect(seenAuth).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(bodies.map((b) => JSON.parse(b) as unknown)).toEqual(records);
    expect(run.code).toBe(1);
    const json = JSON.parse(readFileSync(report, "utf8")) as { summary: { checked: number; failed: number }; exchanges: { violations: { check: string }[] }[] };
    expect(json.summary).toMatchObject({ checked: 3, failed: 1 });
    expect(json.exchanges.map((e) => e.violations.map((v) => v.check))).toEqual([[], [], ["id-echo"]]);
    const recorded = JSON.parse(readFileSync(har, "utf8")) as { log: { entries: { request: { headers: { name: string; value: string }[] } }[] } };
    expect(recorded.log.entries).toHaveLength(3);
    expect(recorded.log.entries[0]!.request.headers.find((h) => h.name.toLowerCase() === "authorization")?.value).toBe("[redacted]");
    // assert no artefact holds the credential or any personal value
    const artefacts = [run.stdout, run.stderr, ...readdirSync(tmp).filter((f) => f === "session.har" || f === "report.json").map((f) => readFileSync(path.join(tmp, f), "utf8"))];
    expect(artefacts).toHaveLength(4);
    for (const text of artefacts) {
      expect(text).not.toContain(TOKEN);
      for (const value of personal(records[0]!)) expect(text).not.toContain(value);
    }
    // assert the masked recording still checks (masked emails stay emails) and keeps the violation
    const again = await runCli("check-har", har);
    expect(again.out).toContain("Checked 3 of 3 exchange(s) (nyota-imara 3): 2 passed, 1 failed");
    expect(again.out).toContain("✗ [id-echo] at /data/userId");
  });

  it("prints each violation live (human), and --no-mask-pii keeps personal data but never the credential", async () => {
    const body = await nyotaRecord();
    (body.data as Record<string, unknown>).userId = "usr_other";
    const upstream = await serveNodeHttp(() => Promise.resolve(Response.json(body)));
    const har = path.join(tmp, "unmasked.har");
    let run: ProxyRun;
    try {
      run = await runProxy(["--provider", "nyota-imara", "--upstream", upstream.url, "--record", har, "--no-mask-pii"], async (url) => {
        await (await fetch(`${url}/v1/kyc/${USER}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
      });
    } finally {
      await upstream.close();
    }
    expect(run.stdout).toContain(`  ✗ #1 GET /v1/kyc/${USER} → 200 (nyota-imara)`);
    expect(run.stdout).toContain("✗ [id-echo] at /data/userId");
    expect(run.stdout).toContain("Checked 1 of 1 exchange(s) (nyota-imara 1): 0 passed, 1 failed");
    expect(run.stderr).toContain("SIGINT: proxy stopped.");
    expect(run.code).toBe(1);
    const text = readFileSync(har, "utf8");
    for (const value of personal(body)) expect(text).toContain(value);
    for (const t of [text, run.stdout, run.stderr]) expect(t).not.toContain(TOKEN);
  });

  it("exits 0 when every exchange conformed; an unreachable upstream is reported and exits 1", async () => {
    const body = await nyotaRecord();
    const upstream = await serveNodeHttp(() => Promise.resolve(Response.json(body)));
    let ok: ProxyRun;
    try {
      ok = await runProxy(["--provider", "nyota-imara", "--upstream", upstream.url], async (url) => {
        await (await fetch(`${url}/v1/kyc/${USER}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
        await (await fetch(`${url}/favicon.ico`)).text();
      });
    } finally {
      await upstream.close();
    }
    expect(ok.stdout).toContain("? #2 GET /favicon.ico → 200: matches no provider operation (not checked)");
    expect(ok.stdout).toContain("Checked 1 of 2 exchange(s) (nyota-imara 1): 1 passed, 0 failed");
    expect(ok.code).toBe(0);
    const down = await runProxy(["--provider", "nyota-imara", "--upstream", "http://127.0.0.1:9"], async (url) => {
      const r = await fetch(`${url}/v1/kyc/${USER}`);
      expect(r.status).toBe(502);
    });
    expect(down.stderr).toContain("Could not reach the upstream http://127.0.0.1:9");
    expect(down.code).toBe(1);
  });
});

describe("kyc-contracts proxy: long sessions", () => {
  const call = async (url: string, n: number): Promise<void> => {
    for (let i = 0; i < n; i++) await (await fetch(`${url}/v1/kyc/${USER}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
  };
  const entriesIn = (file: string): number => (readFileSync(file, "utf8").match(/"startedDateTime"/g) ?? []).length;

  it("--segment N: the recording rolls over to FILE-2.har, … (each printed as it starts); the folder checks as one session", async () => {
    const body = await nyotaRecord();
    const upstream = await serveNodeHttp(() => Promise.resolve(Response.json(body)));
    const dir = path.join(tmp, "rolling");
    mkdirSync(dir);
    let run: ProxyRun;
    try {
      run = await runProxy(["--provider", "nyota-imara", "--upstream", upstream.url, "--record", path.join(dir, "day.har"), "--segment", "3"], (url) => call(url, 8));
    } finally {
      await upstream.close();
    }
    // assert three segments of 3, 3 and 2 entries, each a complete HAR, each announced
    expect(readdirSync(dir).sort()).toEqual(["day-2.har", "day-3.har", "day.har"]);
    expect(["day.har", "day-2.har", "day-3.har"].map((f) => (JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { log: { entries: unknown[] } }).log.entries.length)).toEqual([3, 3, 2]);
    expect(run.stderr).toContain(`recording to ${path.join(dir, "day.har")}`);
    expect(run.stderr).toContain(`recording (segment 2) to ${path.join(dir, "day-2.har")}`);
    expect(run.stderr).toContain(`recording (segment 3) to ${path.join(dir, "day-3.har")}`);
    expect(run.stderr).toContain("recorded 8 exchange(s) to 3 files (day.har … day-3.har)");
    const again = await runCli("check-har", dir);
    expect(again.out).toContain("Checked 8 of 8 exchange(s) (nyota-imara 8): 8 passed, 0 failed");
    expect(again.code).toBe(0);
  });

  it("a SIGKILLed proxy's recording: every exchange written before the kill checks, the file reported as cut off", async () => {
    const body = await nyotaRecord();
    const upstream = await serveNodeHttp(() => Promise.resolve(Response.json(body)));
    const har = path.join(tmp, "killed.har");
    let run: ProxyRun;
    try {
      run = await runProxy(
        ["--provider", "nyota-imara", "--upstream", upstream.url, "--record", har],
        async (url) => {
          await call(url, 5);
          // the recorder writes within about a second; wait for the file to hold all five, then kill
          await waitFor(() => `5 entries in ${har}, found ${entriesIn(har)}`, () => entriesIn(har) === 5);
        },
        "SIGKILL",
      );
    } finally {
      await upstream.close();
    }
    expect(run.signal).toBe("SIGKILL");
    // assert the file was never closed, and check-har reads all five with a warning, exit 0
    expect(readFileSync(har, "utf8").trimEnd().endsWith("]}}")).toBe(false);
    const again = await runCli("check-har", har);
    expect(again.out).toContain("Checked 5 of 5 exchange(s) (nyota-imara 5): 5 passed, 0 failed");
    expect(again.err).toContain(`warning: ${har} ends after 5 complete entries`);
    expect(again.code).toBe(0);
  });
});

describe("kyc-contracts proxy --specs DIR", () => {
  it("checks against the specs in DIR: a lifecycle rule made stricter there is reported", async () => {
    const specs = copySpecWithEdit(path.join(tmp, "specs"), "nyota-imara", { file: "components/schemas/KycStatus.yaml", from: "to: [verified, rejected]", to: "to: [rejected]" });
    const records = [await nyotaRecord("pending"), await nyotaRecord("verified")];
    let turn = 0;
    const upstream = await serveNodeHttp(() => Promise.resolve(Response.json(records[Math.min(turn++, 1)])));
    const send = async (url: string): Promise<void> => {
      for (let i = 0; i < 2; i++) await (await fetch(`${url}/v1/kyc/${USER}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
    };
    let bundled: ProxyRun;
    let edited: ProxyRun;
    try {
      bundled = await runProxy(["--provider", "nyota-imara", "--upstream", upstream.url], send);
      turn = 0;
      edited = await runProxy(["--provider", "nyota-imara", "--upstream", upstream.url, "--specs", specs], send);
    } finally {
      await upstream.close();
    }
    // assert pending → verified passes the bundled spec and fails the edited one
    expect(bundled.stdout).toContain("2 passed, 0 failed");
    expect(bundled.code).toBe(0);
    expect(edited.stdout).toContain("✗ [lifecycle-transition] at /data/status");
    expect(edited.code).toBe(1);
  });
});

describe("kyc-contracts proxy usage errors (exit 2)", () => {
  it.each([
    [["--upstream", "http://127.0.0.1:1"], "--provider is required"],
    [["--provider", "myaza"], "--upstream is required"],
    [["--provider", "paypal", "--upstream", "http://127.0.0.1:1"], 'unknown provider "paypal"'],
    [["--provider", "myaza", "--upstream", "not a url"], "is not a URL"],
    [["--provider", "myaza", "--upstream", "ftp://x"], "must be http or https"],
    [["--provider", "myaza", "--upstream", "http://127.0.0.1:1", "--port", "http"], "--port must be a port number"],
    [["--provider", "myaza", "--upstream", "http://127.0.0.1:1", "--reporter", "tap"], 'unknown reporter "tap"'],
    [["--provider", "myaza", "--upstream", "http://127.0.0.1:1", "--max-body-bytes", "0"], "--max-body-bytes must be a positive number"],
    [["--provider", "myaza", "--upstream", "http://127.0.0.1:1", "stray"], "Unexpected argument 'stray'"],
    [["--provider", "myaza", "--upstream", "http://127.0.0.1:1", "--segment", "10"], "--segment goes with --record FILE.har"],
    [["--provider", "myaza", "--upstream", "http://127.0.0.1:1", "--record", "x.har", "--segment", "0"], '--segment must be a whole number of at least 1, not "0"'],
    // a path below a file can be neither created nor written, even by root
    [["--provider", "myaza", "--upstream", "http://127.0.0.1:1", "--record", "package.json/x.har"], "package.json/x.har: part of its folder path is a file, not a folder. Choose a path in a folder."],
    [["--provider", "myaza", "--upstream", "http://127.0.0.1:1", "--specs", "/nonexistent-specs"], "--specs: "],
    [["--provider", "myaza", "--upstream", "http://127.0.0.1:1", "--lifecycle-ids", "0"], '--lifecycle-ids must be a whole number of at least 1, not "0"'],
  ])("%j", async (args, message) => {
    const r = await runCli("proxy", ...args);
    expect(r.err).toContain(message);
    expect(r.code).toBe(2);
  });

  it("--help", async () => {
    const r = await runCli("proxy", "--help");
    expect(r.out).toContain("Usage: kyc-contracts proxy --provider <slug> --upstream URL");
    expect(r.code).toBe(0);
  });
});

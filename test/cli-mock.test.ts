/** `kyc-contracts mock` through `main()` with an injected io (the real binary: mock-process.test.ts). */
import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { runUntilStopped } from "./helpers/cli.js";
import { exampleRequest, toCurl } from "../src/mock/example-request.js";
import { providers, providerSlugs } from "../src/providers.js";
import { loadSpec } from "../src/spec/load.js";
import { listScenarios } from "../src/spec/scenarios.js";
import { freePortRange, isAlive, isListening, prismChildren } from "./support/processes.js";

/** Runs `kyc-contracts …`; `whileRunning` is called once the mocks are up, in place of waiting for a signal. */
const run = runUntilStopped;

function occupy(port = 0): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port }, () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

describe("kyc-contracts mock --help", () => {
  it("documents every option and the default ports, from the provider registry", async () => {
    const r = await run(["mock", "--help"]);
    expect(r.code).toBe(0);
    for (const option of ["--providers", "--port-base", "--port", "--host", "--dynamic", "--verbose"]) expect(r.out).toContain(option);
    for (const slug of providerSlugs) expect(r.out).toContain(`${slug} ${providers[slug].defaultMockPort}`);
    expect((await run(["--help"])).out).toMatch(/mock\s+Serve every provider/);
  });
});

describe("kyc-contracts mock usage errors", () => {
  it.each([
    [["--providers", "paypal"], 'unknown provider "paypal"'],
    [["--port-base", "abc"], '--port-base must be a port from 1 to 65532, not "abc"'],
    [["--port-base", "65534"], "--port-base must be a port from 1 to 65532"],
    [["--port", "proof"], '--port takes <provider>=<port> with a port from 1 to 65535, not "proof"'],
    [["--port", "proof=0"], "not \"proof=0\""],
    [["--port", "paypal=5000"], '--port names unknown provider "paypal"'],
    [["--providers", "proof", "--port", "myaza=5000"], "--port gives a port to myaza, which is not among --providers (proof)"],
    [["--providers", "proof,myaza", "--port", "proof=5000,myaza=5000"], "Port 5000 is given to both proof and myaza"],
    [["extra"], "Unexpected argument 'extra'"],
    [["--bogus"], "Unknown option '--bogus'"],
  ])("exits 2 on %j, starting nothing", async (args, message) => {
    const r = await run(["mock", ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(prismChildren(process.pid)).toEqual([]);
  });
});

describe("kyc-contracts mock with a port in use", () => {
  it("exits 2 naming the port and the provider, and starts nothing", async () => {
    const { server, port } = await occupy();
    try {
      const r = await run(["mock", "--providers", "proof,nyota-imara", "--port", `nyota-imara=${port}`]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`port ${port} (nyota-imara) is already in use`);
      expect(r.err).toContain("--port-base");
      expect(prismChildren(process.pid)).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe("kyc-contracts mock, running", () => {
  it("prints provider, URL and a working curl line, then stops on the signal and says so", async () => {
    const port = await freePortRange(1);
    const url = `http://127.0.0.1:${port}`;
    let pids: number[] = [];
    let status = 0;
    const r = await run(["mock", "--providers", "myaza", "--port", `myaza=${port}`], async () => {
      pids = prismChildren(process.pid);
      expect(isListening(port)).toBe(true);
      const request = exampleRequest(await loadSpec("myaza"));
      status = (await fetch(`${url}${request.path}`, { headers: request.headers })).status;
      return "SIGTERM";
    });
    expect(r.code).toBe(0);
    // assert the table: name, URL, and the spec-derived curl line
    expect(r.out).toMatch(new RegExp(`Myaza\\s+${url.replace(/\./g, "\\.")}\\s+curl`));
    expect(r.out).toContain(toCurl(url, exampleRequest(await loadSpec("myaza"))));
    expect(r.out).toContain(`Prefer: ${listScenarios(await loadSpec("myaza")).find((s) => !s.status.startsWith("2"))!.prefer}`);
    expect(status).toBe(200);
    // assert the stop is reported and real
    expect(r.out).toContain("SIGTERM: stopping the mocks");
    expect(r.out).toContain(`Stopped 1 mock; port ${port} free again.`);
    expect(pids).toHaveLength(1);
    expect(pids.filter(isAlive)).toEqual([]);
    expect(isListening(port)).toBe(false);
  });

  it("exits 1 when a mock dies while serving, naming it", async () => {
    const r = await run(["mock", "--providers", "proof", "--port", `proof=${await freePortRange(1)}`], async () => {
      for (const pid of prismChildren(process.pid)) process.kill(pid, "SIGKILL");
      return new Promise<string>(() => undefined); // no signal comes: the crash ends the command
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/The proof mock \(Prism, http:\/\/127\.0\.0\.1:\d+\) was killed by SIGKILL/);
    expect(prismChildren(process.pid)).toEqual([]);
  });
});

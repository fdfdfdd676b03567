/**
 * How `startMocks()` fails and stops: every failure is a `MockError` naming what to fix, and
 * after every one of them no Prism process of this test is left running.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { exampleRequest, MockError, startMocks, type RunningMocks } from "../src/mock/index.js";
import { summarizePrismOutput } from "../src/mock/prism-process.js";
import { freePort } from "../src/mock/ports.js";
import { tryStartMocks, type StartMocksOptions } from "../src/mock/start-mocks.js";
import type { ProviderSlug } from "../src/providers.js";
import { createSpecValidator, listOperations, listResponses, loadSpec } from "../src/spec/index.js";
import { bundledSpecPath } from "../src/spec/paths.js";
import { childrenOf, isAlive, isListening, listenerPids, prismChildren } from "./support/processes.js";

let scratch: string;
const running: Pick<RunningMocks, "stop">[] = [];

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "kyc-mock-lifecycle-"));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.stop()));
  // assert no test leaves a Prism behind
  expect(prismChildren(process.pid)).toEqual([]);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<MockError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MockError);
  return error as MockError;
}

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

describe("a port in use", () => {
  it("rejects naming the port and the provider, and starts nothing", async () => {
    const { server, port } = await occupy();
    try {
      const error = await rejection(startMocks({ providers: ["proof", "myaza"], ports: { myaza: port } }));
      // assert the error says which port, whose, and that nothing started
      expect(error.code).toBe("port-unavailable");
      expect(error.provider).toBe("myaza");
      expect(error.port).toBe(port);
      expect(error.message).toContain(`port ${port} (myaza) is already in use on 127.0.0.1`);
      expect(error.message).toContain("Nothing was started");
      expect(prismChildren(process.pid)).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe("invalid options", () => {
  it.each<[string, StartMocksOptions<ProviderSlug>, string]>([
    ["the same port twice", { providers: ["proof", "myaza"], ports: { proof: 45_001, myaza: 45_001 } }, "Port 45001 is given to both proof and myaza"],
    ["a port for a provider not started", { providers: ["proof"], ports: { myaza: 45_002 } }, 'A port is given for "myaza"'],
    ["a port out of range", { providers: ["proof"], ports: { proof: 70_000 } }, "integer from 1 to 65535"],
    ["no providers", { providers: [] }, "No providers to mock"],
    ["a provider twice", { providers: ["proof", "proof"] }, "listed twice"],
    ["an unknown provider", { providers: ["paypal" as ProviderSlug] }, 'Unknown provider "paypal"'],
  ])("rejects %s without starting anything", async (_, options, message) => {
    const error = await rejection(startMocks(options));
    expect(error.code).toBe("invalid-options");
    expect(error.message).toContain(message);
    expect(prismChildren(process.pid)).toEqual([]);
  });
});

describe("a failed start", () => {
  it("stops the mocks that did start, and reports Prism's own message", async () => {
    const broken = path.join(scratch, "broken.yaml");
    writeFileSync(broken, "openapi: 3.1.0\ninfo: [unterminated\n");
    const result = await tryStartMocks({ providers: ["proof", "nyota-imara", "myaza"] }, { specPath: (slug) => (slug === "myaza" ? broken : bundledSpecPath(slug)) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // assert the failing provider, and Prism's parse error rather than a generic message
    expect(result.error.code).toBe("prism-exited");
    expect(result.error.provider).toBe("myaza");
    expect(result.error.message).toContain("exited with code 1 during start-up");
    expect(result.error.message).toContain(`Error parsing ${broken}`);
    expect(result.error.message).toContain("The other mocks were stopped");
    // assert Prism's usage text and stack frames are left out of the message
    expect(result.error.message).not.toContain("--json-schema-faker-fillProperties");
    expect(result.error.message).not.toMatch(/^\s+at |stack:/m);
    expect(result.error.prismOutput).toContain("Error parsing");
    expect(prismChildren(process.pid)).toEqual([]);
  });

  it("reports a missing bundled spec before starting anything", async () => {
    const missing = path.join(scratch, "missing.yaml");
    const result = await tryStartMocks({ providers: ["proof", "myaza"] }, { specPath: (slug) => (slug === "myaza" ? missing : bundledSpecPath(slug)) });
    expect(result.ok ? undefined : result.error.code).toBe("spec-missing");
    expect(result.ok ? "" : result.error.message).toContain("npm run build");
    expect(prismChildren(process.pid)).toEqual([]);
  });

  it("gives up on a Prism that does not answer in time, and stops it", async () => {
    const error = await rejection(startMocks({ providers: ["proof"], readyTimeoutMs: 1 }));
    expect(error.code).toBe("not-ready");
    expect(error.message).toContain("did not answer within 1 ms and was stopped");
    expect(error.message).toContain("readyTimeoutMs");
    expect(prismChildren(process.pid)).toEqual([]);
  });
});

describe("a mock that dies while running", () => {
  it("settles `crashed` with a MockError naming it; stop() still ends the others", async () => {
    const mocks = await startMocks({ providers: ["proof", "myaza"] });
    running.push(mocks);
    process.kill(mocks.pids.myaza, "SIGKILL");
    const error = await mocks.crashed;
    expect(error.code).toBe("prism-exited");
    expect(error.provider).toBe("myaza");
    expect(error.message).toContain("was killed by SIGKILL");
    await mocks.stop();
    expect(isAlive(mocks.pids.proof)).toBe(false);
    expect(isListening(mocks.ports.proof)).toBe(false);
  });
});

describe("a free port taken by another program before Prism listens on it", () => {
  it("is not mistaken for the mock: Prism's EADDRINUSE is retried on another port, and the mock is the Prism started", async () => {
    // a squatter that answers every HTTP request with 200, on the port handed out first
    const squatter = createHttpServer((_, res) => res.end("not prism"));
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const taken = (squatter.address() as AddressInfo).port;
    const handedOut: number[] = [];
    try {
      const result = await tryStartMocks(
        { providers: ["proof"] },
        {
          specPath: bundledSpecPath,
          freePort: async (host) => {
            const port = handedOut.length === 0 ? taken : await freePort(host);
            handedOut.push(port);
            return port;
          },
        },
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      running.push(result.mocks);
      // assert a second port was tried, and the mock is the listed Prism on it
      expect(handedOut).toHaveLength(2);
      expect(handedOut[0]).toBe(taken);
      expect(result.mocks.ports.proof).toBe(handedOut[1]);
      expect(listenerPids(result.mocks.ports.proof)).toEqual([result.mocks.pids.proof]);
      const doc = await loadSpec("proof");
      const [operation] = listOperations(doc);
      if (!operation) throw new Error("the proof spec has no operation");
      const request = exampleRequest(doc, operation);
      expect((await fetch(`${result.mocks.urls.proof}${request.path}`, { headers: request.headers })).status).toBe(200);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});

describe("a parent with NODE_ENV=production", () => {
  it("still runs each mock as one process: no cluster worker outside `pids`", async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = "production"; // Prism's --multiprocess defaults to true under it
    let mocks: RunningMocks<"proof">;
    try {
      mocks = await startMocks({ providers: ["proof"] });
    } finally {
      process.env.NODE_ENV = saved;
    }
    running.push(mocks);
    // assert the listed Prism has no child of its own, and is what serves the port
    expect(childrenOf(mocks.pids.proof)).toEqual([]);
    expect(listenerPids(mocks.ports.proof)).toEqual([mocks.pids.proof]);
    await mocks.stop();
    expect(isListening(mocks.ports.proof)).toBe(false);
  });
});

describe("dynamic: true, with onLog", () => {
  it("serves schema-valid generated data instead of the examples, and passes on Prism's request log", async () => {
    const lines: string[] = [];
    const mocks = await startMocks({ providers: ["proof"], dynamic: true, onLog: (provider, line) => lines.push(`${provider} ${line}`) });
    running.push(mocks);
    const doc = await loadSpec("proof");
    const op = listOperations(doc)[0]!;
    const request = exampleRequest(doc, op);
    const body: unknown = await (await fetch(`${mocks.urls.proof}${request.path}`, { headers: request.headers })).json();
    const ok = listResponses(doc, op).find((r) => r.status === "200")!.media[0]!;
    // assert a body valid against the schema that is none of the named examples
    expect(createSpecValidator(doc).validate(ok.schemaPointer!, body)).toEqual({ valid: true });
    expect(ok.examples.map((e) => e.value)).not.toContainEqual(body);
    // assert Prism's log reached onLog, tagged with the provider
    expect(lines.some((l) => l.startsWith("proof ") && l.includes(op.path.split("{")[0]!))).toBe(true);
  });
});

describe("summarizePrismOutput", () => {
  it("keeps Prism's message and drops colours, its usage text and stack frames", () => {
    const output = [
      "\u001b[90m[1:00:00 PM]\u001b[39m › [CLI] …  awaiting  Starting Prism…",
      "[1:00:00 PM] › [CLI] ✖  fatal     Error opening file",
      "prism mock <document>",
      "",
      "Options:",
      "      --seed     Provide a seed  [string]",
      "{",
      "  stack: 'ResolverError: Error opening file\\n' +",
      "    '    at ReadFileContext.callback (file.js:52:20)',",
      "  code: 'ERESOLVER',",
      "}",
      "listen EADDRINUSE: address already in use 127.0.0.1:4010",
      "    at Server.setupListenHandle (node:net:1817:16)",
    ].join("\n");
    expect(summarizePrismOutput(output)).toBe(
      [
        "[1:00:00 PM] › [CLI] …  awaiting  Starting Prism…",
        "[1:00:00 PM] › [CLI] ✖  fatal     Error opening file",
        "listen EADDRINUSE: address already in use 127.0.0.1:4010",
      ].join("\n"),
    );
  });
});

describe("types", () => {
  it("keys urls, ports and pids by the providers asked for", () => {
    type Started = Awaited<ReturnType<typeof startMocks<"proof" | "myaza">>>;
    expectTypeOf<Started["urls"]>().toEqualTypeOf<Readonly<Record<"proof" | "myaza", string>>>();
    expectTypeOf<Awaited<ReturnType<typeof startMocks>>["urls"]>().toEqualTypeOf<Readonly<Record<ProviderSlug, string>>>();
    // Never called: these lines are checked by tsc (npm run typecheck covers test/), where a
    // missing error fails the build; at run time there is nothing to assert about them.
    const typeOnly = async (): Promise<void> => {
      const mocks = await startMocks({ providers: ["proof"] });
      // @ts-expect-error myaza was not started
      void mocks.urls.myaza;
      // @ts-expect-error "paypal" is not a provider
      await startMocks({ providers: ["paypal"] });
      // @ts-expect-error a port for a provider that is not started
      await startMocks({ providers: ["proof"], ports: { myaza: 1 } });
    };
    void typeOnly;
  });
});

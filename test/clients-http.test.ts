/**
 * The clients with their default transport (globalThis.fetch) against a real HTTP server on
 * 127.0.0.1 (a free port): what arrives on the wire, and what real sockets can do (resets,
 * truncation, silence, refusal).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMyazaClient, loadSpec, pollUntilSettled, providerSlugs } from "../src/index.js";
import { listOperations, listResponses } from "../src/spec/index.js";
import type { ProviderSlug } from "../src/providers.js";
import { harnesses, TOKEN, type AnyResult } from "./helpers/clients.js";

// A bound for the stalled-body tests, not a timing assertion: a client that does not abort the
// read hangs, and this makes that a prompt failure instead of a wait for the global test timeout.
const STALL_BOUND_MS = 20_000;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handle: Handler;
const seen: { url: string; headers: IncomingMessage["headers"] }[] = [];

// A server per test: a request a timed-out call of an earlier test sent, which a loaded machine
// may deliver only after that test ended, goes to that test's closed server, never into this
// test's `seen` or handler.
beforeEach(async () => {
  seen.length = 0;
  handle = (_req, res) => res.writeHead(500).end();
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? "", headers: req.headers });
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
};

async function firstSuccessExample(slug: ProviderSlug): Promise<unknown> {
  const doc = await loadSpec(slug);
  const ok = listResponses(doc, listOperations(doc)[0]!).find((r) => r.status === "200")!;
  return ok.media[0]!.examples[0]!.value;
}

const call = (slug: ProviderSlug, id = "rec_1", timeoutMs?: number): Promise<AnyResult> =>
  harnesses[slug].create({ baseUrl, ...(timeoutMs ? { timeoutMs } : {}) })(id);

describe.each(providerSlugs)("%s over HTTP", (slug) => {
  it("sends the credentials and an encoded id, and reads the documented body", async () => {
    const example = await firstSuccessExample(slug);
    handle = json(200, example);
    const result = await call(slug, "../admin?x=1#top");
    // assert what arrived on the wire
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(harnesses[slug].path(harnesses[slug].takesId ? "..%2Fadmin%3Fx%3D1%23top" : ""));
    for (const [name, value] of Object.entries(harnesses[slug].headers)) expect(seen[0]!.headers[name], name).toBe(value);
    // assert the result
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).toEqual(example);
  });

  it("a gateway's HTML 502 page is a retryable http error", async () => {
    handle = (_req, res) => res.writeHead(502, { "content-type": "text/html" }).end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    const result = await call(slug);
    expect(!result.ok && result.error).toMatchObject({ kind: "http", httpStatus: 502, retryable: true });
  });

  it("a body cut short by a chunked end is an invalid_response", async () => {
    handle = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"status": "pend');
    };
    const result = await call(slug);
    expect(!result.ok && result.error).toMatchObject({ kind: "invalid_response", httpStatus: 200 });
  });

  it("a connection dropped mid-body is a network error", async () => {
    handle = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "400" });
      res.write('{"status":');
      setImmediate(() => res.socket?.destroy());
    };
    const result = await call(slug);
    expect(!result.ok && result.error).toMatchObject({ kind: "network", retryable: true });
  });

  it("a connection reset before any answer is a network error", async () => {
    handle = (req) => req.socket.destroy();
    const result = await call(slug);
    expect(!result.ok && result.error).toMatchObject({ kind: "network", retryable: true });
  });

  it("a server that never answers is a timeout", async () => {
    handle = () => undefined;
    const result = await call(slug, "rec_1", 50);
    expect(!result.ok && result.error).toMatchObject({ kind: "timeout", retryable: true });
  });

  it("a body that stalls after the headers is a timeout (the built-in fetch aborts the read)", async () => {
    handle = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"status":');
    };
    const result = await call(slug, "rec_1", 50);
    expect(!result.ok && result.error).toMatchObject({ kind: "timeout", retryable: true });
  }, STALL_BOUND_MS);

  it("does not follow a redirect: one request, an http error", async () => {
    const example = await firstSuccessExample(slug);
    handle = (req, res) => (req.url === "/moved" ? json(200, example)(req, res) : res.writeHead(302, { location: `${baseUrl}/moved` }).end());
    const result = await call(slug);
    expect(seen.map((r) => r.url)).toEqual([harnesses[slug].path(harnesses[slug].takesId ? "rec_1" : "")]);
    expect(!result.ok && result.error).toMatchObject({ kind: "http", httpStatus: 302 });
  });

  it("429 with Retry-After tells how long to wait", async () => {
    handle = json(429, { error: "Too many requests, please try again later." }, { "retry-after": "30" });
    const result = await call(slug);
    expect(!result.ok && result.error).toMatchObject({ kind: "http", httpStatus: 429, retryable: true, retryAfterMs: 30_000 });
  });
});

describe("cancellation", () => {
  it("a timed-out call is cancelled on the wire: the server sees its connection close", async () => {
    // One provider: the signal plumbing is the shared core's. The timeout leaves the server
    // (same event loop) ample time to see the request even on a loaded machine.
    let closed: Promise<void> | undefined;
    handle = (req) => {
      closed = new Promise<void>((resolve) => req.socket.once("close", () => resolve()));
    };
    const result = await call("myaza", "ver_1", 2_000);
    expect(!result.ok && result.error).toMatchObject({ kind: "timeout" });
    expect(seen).toHaveLength(1);
    // a transport that did not get the call's signal would keep the connection open (the test times out)
    await closed;
  });

  it("a call timed out while its body is read is cancelled on the wire too", async () => {
    let closed: Promise<void> | undefined;
    handle = (req, res) => {
      closed = new Promise<void>((resolve) => req.socket.once("close", () => resolve()));
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"status":');
    };
    const result = await call("myaza", "ver_1", 2_000);
    expect(!result.ok && result.error).toMatchObject({ kind: "timeout" });
    await closed;
  }, STALL_BOUND_MS);
});

describe("connection refused", () => {
  it("is a retryable network error naming ECONNREFUSED", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await createMyazaClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: TOKEN }).getKycStatus("ver_1");
    expect(!result.ok && result.error).toMatchObject({ kind: "network", retryable: true, message: expect.stringContaining("ECONNREFUSED") });
  });
});

describe("pollUntilSettled over HTTP", () => {
  it("polls a pending verification until it settles", async () => {
    const statuses = ["pending", "pending", "verified"];
    handle = (req, res) => {
      const status = statuses.shift() ?? "verified";
      json(200, { verificationId: "ver_01", status, createdAt: "2026-04-27T12:00:00.000Z", ...(status === "pending" ? {} : { completedAt: "2026-04-27T12:00:05.000Z" }) })(req, res);
    };
    const myaza = createMyazaClient({ baseUrl, apiKey: TOKEN });
    const result = await pollUntilSettled((o) => myaza.getKycStatus("ver_01", o), { intervalMs: 1, maxIntervalMs: 2 });
    expect(result.ok && result.kyc.state).toBe("approved");
    expect(seen).toHaveLength(3);
  });
});

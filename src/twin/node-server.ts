/**
 * The node:http transport (the project's only one): a server that hands each request to a twin's
 * engine (`answer`, the plain-data form of `handle`: no `Request`/`Response` objects per call) and
 * writes the answer back; `null` drops the connection. `serveFetchHandler` serves a web-standard
 * handler (the webhook receiver check) through it. No behaviour lives here. `close()` also ends
 * keep-alive and hung connections.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { TwinAnswer, TwinRequestLike } from "./engine.js";

export interface TwinServer {
  readonly url: string;
  readonly port: number;
  /** Stops listening, ends every open connection and resolves once the port is free. Idempotent. */
  close(): Promise<void>;
}

export interface ServeOptions {
  host?: string;
  /** 0 (default): a free port from the OS. */
  port?: number;
  /** Called when the server is closed (the twins release their hung responses). */
  onClose?: () => void;
}

/** Request bodies above this are refused with 413 before reaching the handler. */
const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Serves `answer` (a twin's plain-data engine) on node:http. */
export function serveHandler(answer: (request: TwinRequestLike) => Promise<TwinAnswer | null>, options: ServeOptions = {}): Promise<TwinServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    void respond(answer, req, res);
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port: options.port ?? 0, exclusive: true }, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(":") ? `[${host}]` : host;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${urlHost}:${port}`,
        port,
        close() {
          closing ??= new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
            options.onClose?.();
          });
          return closing;
        },
      });
    });
  });
}

/**
 * Serves a web-standard handler (`(Request) => Promise<Response>`, e.g. the webhook receiver
 * check) through the same transport: each request becomes a `Request` (body streamed), each
 * `Response` is read as text. A port that cannot be listened on rejects (the error's `code`:
 * `EADDRINUSE`, `EACCES`, …).
 */
export function serveFetchHandler(handler: (request: Request) => Promise<Response>, options: ServeOptions = {}): Promise<TwinServer> {
  const host = options.host ?? "127.0.0.1";
  const origin = `http://${host.includes(":") ? `[${host}]` : host}`;
  return serveHandler(async (incoming) => {
    const headers = new Headers();
    incoming.headers.forEach((value, name) => headers.append(name, value));
    const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
    const request = new Request(new URL(incoming.url, origin), { method: incoming.method, headers, ...(hasBody ? { body: incoming.body ?? null, duplex: "half" } : {}) });
    const response = await handler(request);
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  }, options);
}

const headerValue = (value: string | string[] | undefined): string | null => (value === undefined ? null : Array.isArray(value) ? value.join(", ") : value);

/** The incoming message's headers as the engine reads them: looked up in node's own object, nothing copied. */
class NodeRequestHeaders {
  constructor(private readonly req: IncomingMessage) {}
  get(name: string): string | null {
    return headerValue(this.req.headers[name.toLowerCase()]);
  }
  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of Object.entries(this.req.headers)) {
      const v = headerValue(value);
      if (v !== null) callback(v, name);
    }
  }
}

/**
 * The incoming message as the engine reads it: a signal and a body stream only when asked for.
 * A class, not an object literal with getters: V8 gives such a literal a map of its own per
 * request, which made every property read in the engine slow (about 30 µs a request, measured).
 */
class NodeRequestView implements TwinRequestLike {
  readonly method: string;
  readonly url: string;
  readonly headers: NodeRequestHeaders;
  private controller: AbortController | undefined;
  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    this.method = req.method ?? "GET";
    this.url = req.url ?? "/";
    this.headers = new NodeRequestHeaders(req);
  }
  get signal(): AbortSignal {
    if (!this.controller) {
      const c = new AbortController();
      this.controller = c;
      if (this.res.destroyed || this.res.writableFinished) c.abort(new Error("The client closed the connection."));
      else this.res.once("close", () => c.abort(new Error("The client closed the connection.")));
    }
    return this.controller.signal;
  }
  get body(): ReadableStream<Uint8Array> | null {
    return this.req.method === "GET" || this.req.method === "HEAD" ? null : (Readable.toWeb(this.req) as ReadableStream<Uint8Array>);
  }
}

async function respond(answer: (request: TwinRequestLike) => Promise<TwinAnswer | null>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > MAX_REQUEST_BODY_BYTES) {
    res.writeHead(413, { "Content-Type": "text/plain", Connection: "close" }).end(`Request body over ${MAX_REQUEST_BODY_BYTES} bytes.`);
    return;
  }
  let result: TwinAnswer | null;
  try {
    result = await answer(new NodeRequestView(req, res));
  } catch (error) {
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" }).end(`Twin failure (a bug): ${(error as Error).message}`);
    return;
  }
  if (result === null) {
    req.socket.destroy();
    return;
  }
  if (res.destroyed) return;
  // Raw header pairs and a Buffer body: node's cheapest path (no header object to store, no string
  // to encode inside writev), which a twin under load spends a large share of its time in.
  const body = Buffer.from(result.body);
  const head: string[] = [];
  for (const name in result.headers) if (name.toLowerCase() !== "content-length") head.push(name, result.headers[name]!);
  head.push("Content-Length", String(body.length));
  res.writeHead(result.status, head);
  res.end(body);
}

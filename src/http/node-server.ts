/**
 * A `(Request) => Promise<Response>` handler served over node:http: the thin transport around
 * the web-standard cores (the webhook receiver check). No behaviour lives here.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface ServedHandler {
  /** `http://host:port` (no trailing slash). */
  url: string;
  port: number;
  /** Stops listening and ends open connections. */
  close(): Promise<void>;
}

export type ServeResult = { ok: true; server: ServedHandler } | { ok: false; code: "port-unavailable" | "listen-failed"; message: string };

/** Listens on `host:port` (port 0: a free one). A port in use is a value, not an exception. */
export function serveFetchHandler(handler: FetchHandler, options: { host?: string; port?: number } = {}): Promise<ServeResult> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => void respond(handler, host, req, res));
  return new Promise((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const inUse = error.code === "EADDRINUSE" || error.code === "EACCES";
      resolve({
        ok: false,
        code: inUse ? "port-unavailable" : "listen-failed",
        message: inUse ? `Port ${options.port ?? 0} on ${host} is not available (${error.code}). Pick another with --port.` : `Cannot listen on ${host}:${options.port ?? 0}: ${error.message}`,
      });
    });
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        ok: true,
        server: {
          url: `http://${shownHost}:${port}`,
          port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
        },
      });
    });
  });
}

async function respond(handler: FetchHandler, host: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    const method = req.method ?? "GET";
    const hasBody = method !== "GET" && method !== "HEAD";
    const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? host}`), {
      method,
      headers,
      ...(hasBody ? { body: Readable.toWeb(req), duplex: "half" } : {}),
    } as RequestInit);
    const response = await handler(request);
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(body);
  } catch (error) {
    // A handler that throws has a bug; answer 500 rather than leave the sender hanging.
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end(`Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

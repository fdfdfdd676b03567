/**
 * The node:http transport: a server that turns each request into a web `Request`, calls
 * `handle`, and writes the `Response` back (a `Response.error()` drops the connection). No
 * behaviour lives here. `close()` also ends keep-alive and hung connections.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { twinResponseText } from "./respond.js";

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

export function serveHandler(handle: (request: Request) => Promise<Response>, options: ServeOptions = {}): Promise<TwinServer> {
  const host = options.host ?? "127.0.0.1";
  let origin = "";
  const server = createServer((req, res) => {
    void answer(handle, origin, req, res);
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port: options.port ?? 0, exclusive: true }, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(":") ? `[${host}]` : host;
      origin = `http://${urlHost}:${port}`;
      let closing: Promise<void> | undefined;
      resolve({
        url: origin,
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

async function answer(handle: (request: Request) => Promise<Response>, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > MAX_REQUEST_BODY_BYTES) {
    res.writeHead(413, { "Content-Type": "text/plain", Connection: "close" }).end(`Request body over ${MAX_REQUEST_BODY_BYTES} bytes.`);
    return;
  }
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort(new Error("The client closed the connection."));
  });
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  let response: Response;
  try {
    const request = new Request(origin + (req.url ?? "/"), {
      method,
      headers,
      signal: controller.signal,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
    } as RequestInit);
    response = await handle(request);
  } catch (error) {
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" }).end(`Twin failure (a bug): ${(error as Error).message}`);
    return;
  }
  if (response.type === "error") {
    req.socket.destroy();
    return;
  }
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  const text = twinResponseText(response);
  const body = text !== undefined ? text : Buffer.from(await response.arrayBuffer());
  if (res.destroyed) return;
  res.writeHead(response.status, out);
  res.end(body);
}

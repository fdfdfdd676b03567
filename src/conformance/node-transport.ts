/**
 * node:http around a `(request: Request) => Promise<Response>` handler (the proxy core): no
 * behaviour lives here, only the conversion between Node's messages and Fetch's.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export interface NodeServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req), duplex: "half" } : {}),
  } as RequestInit);
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of response.headers) {
    if (k === "set-cookie") continue;
    headers[k] = v;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
  res.writeHead(response.status, response.statusText || undefined, body ? { ...headers, "content-length": String(body.byteLength) } : headers);
  res.end(body);
}

/** Serves `handler` on 127.0.0.1 (port 0 → a free port). A handler that throws gives a 500 and is reported. */
export async function serveNodeHttp(handler: (request: Request) => Promise<Response>, options: { port?: number; host?: string; onError?: (error: Error) => void } = {}): Promise<NodeServer> {
  const host = options.host ?? "127.0.0.1";
  let origin = "";
  const server = createServer((req, res) => {
    handler(toRequest(req, origin))
      .then((response) => writeResponse(res, response))
      .catch((error: unknown) => {
        options.onError?.(error as Error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("kyc-contracts proxy: internal error (a bug; please report it).");
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;
  return {
    url: origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

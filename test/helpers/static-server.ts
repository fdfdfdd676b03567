/**
 * A static file server on 127.0.0.1 and a free port, as a static host would serve the built
 * docs. Records every request path it answers. Only files inside `root` are served.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".json": "application/json",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Request paths answered, in order, with their status. */
  served: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  const served: StaticServer["served"] = [];
  const base = path.resolve(root);
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.resolve(base, `.${urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath}`);
    const answer = (status: number): void => void served.push({ path: urlPath, status });
    if (file !== base && !file.startsWith(`${base}${path.sep}`)) {
      answer(403);
      res.writeHead(403).end();
      return;
    }
    const notFound = (): void => {
      answer(404);
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    };
    stat(file).then((s) => {
      if (!s.isFile()) return notFound();
      answer(200);
      res.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", "content-length": s.size });
      createReadStream(file).pipe(res);
    }, notFound);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

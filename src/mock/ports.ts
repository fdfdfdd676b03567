import { createServer } from "node:net";

export type PortCheck = { free: true } | { free: false; reason: string };

const REASONS: Readonly<Record<string, string>> = {
  EADDRINUSE: "is already in use",
  EACCES: "needs privileges this process does not have",
  EADDRNOTAVAIL: "is not available: the host is not an address of this machine",
};

/** Whether `host:port` can be listened on right now (listens, then closes at once). */
export function checkPort(host: string, port: number): Promise<PortCheck> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      resolve({ free: false, reason: REASONS[error.code ?? ""] ?? `cannot be listened on (${error.code ?? error.message})` });
    });
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => resolve({ free: true }));
    });
  });
}

/** A port the OS reports free on `host` (port 0), released again for the caller to use. */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error(`The OS gave no free port on ${host}.`))));
    });
  });
}

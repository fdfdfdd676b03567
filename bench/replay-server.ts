/**
 * Child process: a raw `node:http` server answering every request with one fixed response (the
 * bytes captured from Prism, or built from the spec), the floor Prism is compared with. Started
 * by replay.ts over IPC; exits when the IPC channel closes, i.e. when the bench process is gone.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ReplayMessage } from "./replay.js";

if (!process.send) throw new Error("replay-server.ts is started by bench/replay.ts (with an IPC channel), not directly.");

process.once("message", (message: ReplayMessage) => {
  const body = Buffer.from(message.bodyBase64, "base64");
  const headers = message.headers.flat();
  const server = createServer((_req, res) => {
    res.writeHead(message.status, headers);
    res.end(body);
  });
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as AddressInfo).port }));
});
process.on("disconnect", () => process.exit(0));

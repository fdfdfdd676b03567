/**
 * Captured HTTP responses and the raw replay server (replay-server.ts, its own process, like
 * Prism) that serves the same status, headers and body bytes.
 */
import { fork } from "node:child_process";
import { request } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Cleanup } from "./cleanup.js";

export interface CapturedResponse {
  status: number;
  /** In the order received, without the hop-by-hop and per-response headers node:http writes itself. */
  headers: [string, string][];
  body: Buffer;
}

export interface ReplayMessage {
  status: number;
  headers: [string, string][];
  bodyBase64: string;
}

/** Written by node:http on every response (or describing the connection), so neither captured nor compared. */
const NOT_REPLAYED = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

/** One GET as raw as node:http gives it. */
export function captureResponse(url: string, headers: Readonly<Record<string, string>>): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!;
          if (!NOT_REPLAYED.has(name.toLowerCase())) pairs.push([name, res.rawHeaders[i + 1]!]);
        }
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.on("error", (error) => reject(new Error(`GET ${url} failed: ${error.message}. Is the server running?`)));
    req.end();
  });
}

/** How `b` differs from `a` (status, each header by case-insensitive name and order, body bytes); empty when the same. */
export function responseDifferences(a: CapturedResponse, b: CapturedResponse): string[] {
  const out: string[] = [];
  if (a.status !== b.status) out.push(`status ${a.status} vs ${b.status}`);
  const norm = (h: [string, string][]): string[] => h.map(([k, v]) => `${k.toLowerCase()}: ${v}`);
  const [ha, hb] = [norm(a.headers), norm(b.headers)];
  for (const h of ha) if (!hb.includes(h)) out.push(`header "${h}" missing`);
  for (const h of hb) if (!ha.includes(h)) out.push(`header "${h}" extra`);
  if (!a.body.equals(b.body)) out.push(`body differs (${a.body.length} vs ${b.body.length} bytes)`);
  return out;
}

export interface ReplayServer {
  url: string;
  stop(): Promise<void>;
}

const serverFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "replay-server.ts");

/** Starts replay-server.ts (through tsx) serving `response`; registered with `cleanup` until stopped. */
export function startReplayServer(response: CapturedResponse, cleanup: Cleanup): Promise<ReplayServer> {
  const child = fork(serverFile, [], { execArgv: ["--import", "tsx"], cwd: path.dirname(serverFile), stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const unregister = cleanup.add(`replay server (pid ${child.pid})`, stop);
  return new Promise((resolve, reject) => {
    child.once("message", (m: { port: number }) =>
      resolve({
        url: `http://127.0.0.1:${m.port}`,
        stop: async () => {
          await stop();
          unregister();
        },
      }),
    );
    child.once("exit", (code, signal) => reject(new Error(`The replay server exited before listening (code ${code}, signal ${signal}); see its output above.`)));
    child.send({ status: response.status, headers: response.headers, bodyBase64: response.body.toString("base64") } satisfies ReplayMessage);
  });
}

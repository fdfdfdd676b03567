/**
 * The validating proxy's core: `(request: Request) => forward → check → Response`. It forwards
 * every request unchanged to the upstream (same method, path, query, headers and body; only
 * hop-by-hop headers are dropped, as any proxy must), checks the exchange with every check, and
 * returns the upstream's response unchanged. Transports (node:http in node-transport.ts) are a
 * few lines around it.
 *
 * Bounded: request and response bodies over `maxBodyBytes` are refused (413 / 502 with a
 * message saying so), and an upstream that does not answer within `timeoutMs` gets a 504.
 */
import type { ObservedExchange } from "./traffic.js";

export interface ProxyCoreOptions {
  /** Upstream base URL; its path (if any) prefixes every forwarded path. */
  upstream: URL;
  /** Called with each completed exchange, before the response is returned. */
  onExchange: (exchange: ObservedExchange) => void;
  /** Called when the proxy itself answered (upstream unreachable, body too large). */
  onProxyError?(message: string): void;
  fetch?: typeof fetch;
  /** Largest request or response body handled (default 10 MiB). */
  maxBodyBytes?: number;
  /** Longest wait for the upstream (default 60 s). */
  timeoutMs?: number;
  now?: () => number;
}

export type ProxyHandler = (request: Request) => Promise<Response>;

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Headers that belong to one connection, not to the message (RFC 9110 §7.6.1), plus ones a Request/Response recomputes. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length"]);
/** fetch decodes compressed bodies, so the decoded body goes out without its old encoding. */
const DECODED = new Set(["content-encoding"]);

const headerObject = (headers: Headers): Record<string, string> => Object.fromEntries(headers.entries());

/** Reads a body up to `limit` bytes; undefined when it is larger. */
async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

const proxyError = (status: number, message: string): Response => Response.json({ error: "kyc_contracts_proxy", message }, { status, headers: { "x-kyc-contracts-proxy": "error" } });

export function createProxyHandler(options: ProxyCoreOptions): ProxyHandler {
  const { upstream, onExchange, fetch: doFetch = fetch, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, timeoutMs = 60_000, now = () => performance.now() } = options;
  const prefix = upstream.pathname.replace(/\/+$/, "");
  return async (request) => {
    const incoming = new URL(request.url);
    const target = new URL(`${prefix}${incoming.pathname}${incoming.search}`, upstream.origin);
    const headers = new Headers();
    for (const [k, v] of request.headers) if (!HOP_BY_HOP.has(k)) headers.append(k, v);
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (request.method !== "GET" && request.method !== "HEAD") {
      body = await readLimited(request.body, maxBodyBytes);
      if (!body) {
        const message = `Request body over ${maxBodyBytes} bytes: not forwarded.`;
        options.onProxyError?.(message);
        return proxyError(413, message);
      }
    }
    const startedAt = new Date().toISOString();
    const started = now();
    let response: Response;
    try {
      response = await doFetch(target, { method: request.method, headers, ...(body ? { body } : {}), redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const e = error as Error;
      const timedOut = e.name === "TimeoutError";
      const message = timedOut ? `The upstream ${upstream.origin} did not answer within ${timeoutMs} ms.` : `Could not reach the upstream ${upstream.origin}: ${(e.cause as Error | undefined)?.message ?? e.message}. Is --upstream right?`;
      options.onProxyError?.(message);
      return proxyError(timedOut ? 504 : 502, message);
    }
    const bytes = await readLimited(response.body, maxBodyBytes);
    const durationMs = now() - started;
    if (!bytes) {
      const message = `The upstream's response to ${request.method} ${incoming.pathname} is over ${maxBodyBytes} bytes: not checked or forwarded.`;
      options.onProxyError?.(message);
      return proxyError(502, message);
    }
    const responseHeaders = new Headers();
    for (const [k, v] of response.headers) if (!HOP_BY_HOP.has(k) && !DECODED.has(k)) responseHeaders.append(k, v);
    onExchange({
      request: { method: request.method, url: target.toString(), headers: headerObject(request.headers), ...(prefix ? { apiPath: `${incoming.pathname}${incoming.search}` } : {}) },
      response: { status: response.status, headers: headerObject(response.headers), body: new TextDecoder().decode(bytes) },
      startedAt,
      durationMs,
    });
    const nullBody = request.method === "HEAD" || [101, 204, 205, 304].includes(response.status);
    return new Response(nullBody ? null : bytes, { status: response.status, statusText: response.statusText, headers: responseHeaders });
  };
}

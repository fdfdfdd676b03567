/**
 * HAR 1.2 (HTTP Archive) in and out: reading the exchanges of a file recorded by a browser's dev
 * tools, the proxy or another recorder, and writing the proxy's recording — with credentials
 * removed and personal data masked (unless asked not to) before anything is written.
 */
import type { PiiMasker, Scrubber } from "./pii.js";
import { redactHeaders } from "./pii.js";
import type { ObservedExchange } from "./traffic.js";
import { isObject } from "../json.js";

interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: HarHeader[];
    queryString: HarHeader[];
    cookies: [];
    headersSize: -1;
    bodySize: -1;
    /** Path and query as the API sees them, when the upstream URL has a base path of its own (a HAR custom field: `_` names are the format's extension point). */
    _apiPath?: string;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HarHeader[];
    cookies: [];
    content: { size: number; mimeType: string; text: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: -1;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
}

export type HarParse = { ok: true; exchanges: ObservedExchange[]; skipped: string[] } | { ok: false; message: string };


/** A HAR header list as a record (names lower-cased, repeated headers joined, HTTP/2 pseudo-headers left out). */
export const headerRecord = (list: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (!Array.isArray(list)) return out;
  for (const h of list) {
    if (!isObject(h) || typeof h.name !== "string" || typeof h.value !== "string") continue;
    // HTTP/2 pseudo-headers (`:status`) are not headers of the exchange.
    if (h.name.startsWith(":")) continue;
    const key = h.name.toLowerCase();
    out[key] = key in out ? `${out[key]}, ${h.value}` : h.value;
  }
  return out;
};

type EntryRequest = Pick<ObservedExchange["request"], "method" | "url" | "apiPath">;

/**
 * What an entry requested, without reading the rest (enough to shard it by), or why it is no
 * exchange; `exchangeOfEntry` reads the whole entry. `index` is 0-based.
 */
export function requestOfEntry(entry: unknown, index: number): { ok: true; request: EntryRequest; req: Record<string, unknown>; res: Record<string, unknown> } | { ok: false; reason: string } {
  const req = isObject(entry) ? entry.request : undefined;
  const res = isObject(entry) ? entry.response : undefined;
  if (!isObject(req) || typeof req.method !== "string" || typeof req.url !== "string") return { ok: false, reason: `entry ${index + 1}: no request method and url` };
  if (!isObject(res) || typeof res.status !== "number" || res.status <= 0) return { ok: false, reason: `entry ${index + 1} (${req.method} ${req.url.slice(0, 100)}): no response was recorded` };
  const request = { method: req.method, url: req.url, ...(typeof req._apiPath === "string" && req._apiPath.startsWith("/") ? { apiPath: req._apiPath } : {}) };
  return { ok: true, request, req, res };
}

/** One HAR entry as an exchange, or why it was skipped (no request method and url; no response recorded, e.g. an aborted request). `index` is 0-based. */
export function exchangeOfEntry(entry: unknown, index: number): { ok: true; exchange: ObservedExchange } | { ok: false; reason: string } {
  const read = requestOfEntry(entry, index);
  if (!read.ok) return read;
  const { request, req, res } = read;
  const content = isObject(res.content) ? res.content : {};
  let body = typeof content.text === "string" ? content.text : "";
  if (content.encoding === "base64") body = Buffer.from(body, "base64").toString("utf8");
  const headers = headerRecord(res.headers);
  // Dev tools may drop the content-type header but keep the content's mimeType.
  if (!("content-type" in headers) && typeof content.mimeType === "string" && content.mimeType) headers["content-type"] = content.mimeType;
  const time = isObject(entry) && typeof entry.time === "number" && entry.time >= 0 ? entry.time : undefined;
  return {
    ok: true,
    exchange: {
      request: { method: request.method, url: request.url, headers: headerRecord(req.headers), ...(request.apiPath === undefined ? {} : { apiPath: request.apiPath }) },
      response: { status: res.status as number, headers, body },
      startedAt: isObject(entry) && typeof entry.startedDateTime === "string" ? entry.startedDateTime : "",
      ...(time === undefined ? {} : { durationMs: time }),
    },
  };
}

/** What a file that is not a HAR is told (shared with the streaming reader). */
export const NOT_A_HAR = 'no "log.entries" array: this is not a HAR file (export it from the dev tools\' Network tab, or record one with `kyc-contracts proxy --record`).';

/** Parses HAR text. Entries without a response (aborted requests) are skipped and listed. */
export function parseHar(text: string): HarParse {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message}); a HAR file is JSON with a top-level "log".` };
  }
  const entries = isObject(doc) && isObject(doc.log) ? doc.log.entries : undefined;
  if (!Array.isArray(entries)) return { ok: false, message: NOT_A_HAR };
  const exchanges: ObservedExchange[] = [];
  const skipped: string[] = [];
  entries.forEach((entry, i) => {
    const read = exchangeOfEntry(entry, i);
    if (read.ok) exchanges.push(read.exchange);
    else skipped.push(read.reason);
  });
  return { ok: true, exchanges, skipped };
}

const toList = (headers: Readonly<Record<string, string>>): HarHeader[] => Object.entries(headers).map(([name, value]) => ({ name, value }));

/** A HAR entry of one exchange, safe to write: credentials redacted, personal data masked by `masker` (a no-op when masking is off). */
export function harEntry(x: ObservedExchange, masker: PiiMasker, scrubber: Scrubber): HarEntry {
  const url = scrubber.scrub(masker.maskUrl(x.request.url));
  const scrubHeaders = (h: Readonly<Record<string, string>>): HarHeader[] => toList(redactHeaders(h)).map(({ name, value }) => ({ name, value: scrubber.scrub(masker.maskUrl(value)) }));
  const text = scrubber.scrub(masker.maskBody(x.response.body));
  let queryString: HarHeader[];
  try {
    queryString = [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    queryString = [];
  }
  const time = Math.max(0, Math.round(x.durationMs ?? 0));
  return {
    startedDateTime: x.startedAt,
    time,
    request: {
      method: x.request.method,
      url,
      httpVersion: "HTTP/1.1",
      headers: scrubHeaders(x.request.headers),
      queryString,
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      ...(x.request.apiPath === undefined ? {} : { _apiPath: scrubber.scrub(masker.maskUrl(x.request.apiPath)) }),
    },
    response: {
      status: x.response.status,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: scrubHeaders(x.response.headers),
      cookies: [],
      content: { size: Buffer.byteLength(text), mimeType: x.response.headers["content-type"] ?? "", text },
      redirectURL: x.response.headers.location ?? "",
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
  };
}

/** The text of a HAR before its first entry; entries follow separated by `,\n`, then {@link HAR_TAIL}. A recording cut off anywhere after this is still read entry by entry (`readHarFile`). */
export function harHead(version: string): string {
  return `{"log":{"version":"1.2","creator":{"name":"kyc-contracts proxy","version":${JSON.stringify(version)}},"entries":[\n`;
}

/** What closes a HAR opened with {@link harHead}. */
export const HAR_TAIL = "\n]}}\n";

export function harDocument(entries: readonly HarEntry[], version: string): string {
  return `${harHead(version)}${entries.map((e) => JSON.stringify(e)).join(",\n")}${HAR_TAIL}`;
}

/**
 * Builds a realistic recording of any size for the traffic benches and the big-file checks: per
 * provider, the twin's answer to a request for each of its built-in records (a real exchange of
 * the twin engine, bodies from the spec's examples), turned into HAR entries with `harEntry()`
 * exactly as `kyc-contracts proxy --record` writes them. The n-th exchange repeats template
 * n mod T with its id made unique per "user" (`<id>0<user>`), so the recording holds many ids
 * whose observations interleave, like a team's integration environment over a day.
 *
 * Written entry by entry to a file handle (memory stays flat for any count).
 */
import { open } from "node:fs/promises";
import { harEntry, harHead, HAR_TAIL } from "../src/conformance/har.js";
import { createPiiMasker, Scrubber } from "../src/conformance/pii.js";
import type { ObservedExchange } from "../src/conformance/traffic.js";
import { providerSlugs } from "../src/providers.js";
import { credentialHeaders } from "../src/spec/security.js";
import { DEFAULT_CONFORMANCE, DEFAULT_IDS } from "../src/twin/defaults.js";
import { createTwins } from "../src/twin/index.js";
import { specView } from "../src/twin/spec-view.js";

interface Template {
  exchange: ObservedExchange;
  /** The id as it appears in the URL and the body; replaced per user. */
  id: string;
}

/** One exchange of the twin per provider and built-in record whose id sits in the path (BTC Direct's sits in a header: one record). */
export async function recordingTemplates(): Promise<Template[]> {
  const twins = createTwins();
  const out: Template[] = [];
  for (const slug of providerSlugs) {
    const { doc, operation } = specView(slug);
    const conformance = DEFAULT_CONFORMANCE[slug];
    const ids = slug === "btc-direct" ? [conformance.credentials.userIdentifier!] : Object.values(DEFAULT_IDS[slug]).filter((id) => !/becomes|globex|not_found|error|_none/.test(id));
    for (const id of ids) {
      const url = `https://twin.example.test${operation.path.replace(/\{[^}]+\}/, encodeURIComponent(id))}`;
      const headers = { accept: "application/json", ...credentialHeaders(doc, operation, conformance.credentials) };
      const startedAt = new Date(Date.UTC(2026, 0, 1)).toISOString();
      const response = await twins[slug].handle(new Request(url, { method: operation.method.toUpperCase(), headers }));
      const body = await response.text();
      if (!response.ok) continue;
      out.push({ id, exchange: { request: { method: operation.method.toUpperCase(), url, headers }, response: { status: response.status, headers: Object.fromEntries(response.headers), body }, startedAt, durationMs: 3 } });
    }
  }
  return out;
}

/** The n-th exchange of a recording over `users` distinct users per template. */
export function recordingExchange(templates: readonly Template[], n: number, users: number): ObservedExchange {
  const t = templates[n % templates.length]!;
  const user = Math.floor(n / templates.length) % users;
  const id = `${t.id}0${user}`;
  const swap = (s: string): string => s.split(t.id).join(id);
  const x = t.exchange;
  return {
    request: { ...x.request, url: swap(x.request.url), headers: Object.fromEntries(Object.entries(x.request.headers).map(([k, v]) => [k, swap(v)])) },
    response: { ...x.response, body: swap(x.response.body) },
    startedAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    ...(x.durationMs === undefined ? {} : { durationMs: x.durationMs }),
  };
}

/** Writes a HAR of `count` exchanges (over `users` users per template) to `file`; returns its size in bytes. */
export async function writeRecording(file: string, count: number, users = 1000): Promise<number> {
  const templates = await recordingTemplates();
  const masker = createPiiMasker(true);
  const scrubber = new Scrubber(masker);
  const handle = await open(file, "w");
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    await handle.write(text);
  };
  try {
    await write(harHead("bench"));
    let chunk: string[] = [];
    for (let n = 0; n < count; n++) {
      chunk.push(`${n === 0 ? "" : ",\n"}${JSON.stringify(harEntry(recordingExchange(templates, n, users), masker, scrubber))}`);
      if (chunk.length >= 500) {
        await write(chunk.join(""));
        chunk = [];
      }
    }
    await write(`${chunk.join("")}${HAR_TAIL}`);
  } finally {
    await handle.close();
  }
  return bytes;
}

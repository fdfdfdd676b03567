/**
 * A client's cold start, in a fresh Node process per run: the CPU time (`process.cpuUsage`, user +
 * system) of importing the built package (dist/src/index.js, as an application would); of a
 * first raw `fetch` + `json()` to the same server (what Node's own fetch costs the first time:
 * it loads undici lazily, and that is not the client's); then Node's fetch is warmed with
 * `RAW_WARM_UP_CALLS` more raw calls (its 2nd and 3rd calls still cost 7–12 ms of CPU each while
 * V8 compiles undici, which any caller of fetch pays, client or not) and one more raw call is
 * timed (Node's fetch at that point); then the first `getKycStatus` of a new client; a warm call
 * (the median of 25 calls after 200 untimed ones); and a second client's first call (what each
 * new client costs once the process is warm). The target is client first − warm ≤ 5 ms:
 * what the client's own code costs the first time. Plain `node`, no tsx: what is timed is the package.
 *
 * `process.cpuUsage` counts every thread of the process, and after a warm-up V8 goes on compiling
 * and collecting on its background threads for a while: timed straight after the warm-up, a
 * first call was charged 1–6 ms of that work, varying from run to run. So before each timed
 * single call the child waits until the process is quiet (a 10 ms timer wait that used under
 * `QUIET_CPU_MS` of CPU, at most `QUIET_TRIES` waits; the waits that ran out are reported).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ProviderSlug } from "../src/providers.js";
import { packageRoot } from "../src/spec/index.js";
import type { Cleanup } from "./cleanup.js";

export interface ColdStart {
  /** CPU ms of `import("kyc-status-contracts")` (the built root entry). */
  importMs: number;
  /** CPU ms of the process's first raw `fetch` + `json()` of the same URL (before the client's first call). */
  fetchFirstMs: number;
  /** CPU ms of one raw `fetch` + `json()` after Node's fetch is warmed (`RAW_WARM_UP_CALLS`), just before the client's first call. */
  fetchWarmMs: number;
  /** CPU ms of creating a client and its first call. */
  firstMs: number;
  /** CPU ms of a warm call: the median of 25 calls after 200 untimed ones. */
  warmMs: number;
  /** CPU ms of creating a second client of the provider and its first call, after all that (the cost per client, not per process). */
  secondClientMs: number;
  /** Waits for a quiet process that ran out of tries (0 in a clean run: each timed call started quiet). */
  unquietWaits: number;
}

const CREDENTIAL = "bench0placeholder0credential0000000000";

/** The factory call of each provider, as an application writes it (placeholder credentials: the bench server does not check them). */
const CLIENTS: Record<ProviderSlug, { create: string; call: string }> = {
  proof: { create: `createProofClient({ baseUrl, clientToken: "${CREDENTIAL}" })`, call: `getKycStatus("bench-id-1")` },
  "btc-direct": { create: `createBtcDirectClient({ baseUrl, apiKey: "${CREDENTIAL}", userIdentifier: "${CREDENTIAL}" })`, call: "getKycStatus()" },
  "nyota-imara": { create: `createNyotaImaraClient({ baseUrl, token: "${CREDENTIAL}" })`, call: `getKycStatus("bench-id-1")` },
  myaza: { create: `createMyazaClient({ baseUrl, apiKey: "sk_test_${CREDENTIAL}" })`, call: `getKycStatus("bench-id-1")` },
};

const WARM_UP_CALLS = 200;
/** Raw fetch calls after the first, before the client's first call: Node's fetch reaches its steady cost within ~50–200. */
export const RAW_WARM_UP_CALLS = 200;
const WARM_CALLS = 25;
const QUIET_WAIT_MS = 10;
const QUIET_CPU_MS = 0.3;
const QUIET_TRIES = 100;

function childScript(slug: ProviderSlug, baseUrl: string, rawUrl: string, rawHeaders: Readonly<Record<string, string>>, entryFile: string): string {
  const entry = pathToFileURL(entryFile).href;
  const { create, call } = CLIENTS[slug];
  return `
const cpu = (since) => { const d = process.cpuUsage(since); return (d.user + d.system) / 1000; };
const baseUrl = ${JSON.stringify(baseUrl)};
let unquietWaits = 0;
const quiet = async () => {
  for (let i = 0; i < ${QUIET_TRIES}; i++) {
    const q = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, ${QUIET_WAIT_MS}));
    if (cpu(q) < ${QUIET_CPU_MS}) return;
  }
  unquietWaits++;
};
let t = process.cpuUsage();
const pkg = await import(${JSON.stringify(entry)});
const importMs = cpu(t);
const { createProofClient, createBtcDirectClient, createNyotaImaraClient, createMyazaClient } = pkg;
const check = (r) => { if (!r.ok) throw new Error(r.error.kind + ": " + r.error.message); };
t = process.cpuUsage();
const res = await fetch(${JSON.stringify(rawUrl)}, { headers: ${JSON.stringify(rawHeaders)} });
if (!res.ok) throw new Error("raw fetch: HTTP " + res.status);
await res.json();
const fetchFirstMs = cpu(t);
const raw = async () => { const r = await fetch(${JSON.stringify(rawUrl)}, { headers: ${JSON.stringify(rawHeaders)} }); if (!r.ok) throw new Error("raw fetch: HTTP " + r.status); await r.json(); };
for (let i = 0; i < ${RAW_WARM_UP_CALLS}; i++) await raw();
await quiet();
t = process.cpuUsage();
await raw();
const fetchWarmMs = cpu(t);
await quiet();
t = process.cpuUsage();
const client = ${create};
check(await client.${call});
const firstMs = cpu(t);
for (let i = 0; i < ${WARM_UP_CALLS}; i++) check(await client.${call});
const warm = [];
for (let i = 0; i < ${WARM_CALLS}; i++) { t = process.cpuUsage(); check(await client.${call}); warm.push(cpu(t)); }
warm.sort((a, b) => a - b);
await quiet();
t = process.cpuUsage();
const second = ${create};
check(await second.${call});
const secondClientMs = cpu(t);
process.stdout.write(JSON.stringify({ importMs, fetchFirstMs, fetchWarmMs, firstMs, warmMs: warm[Math.floor(warm.length / 2)], secondClientMs, unquietWaits }));
`;
}

/**
 * One cold start of `slug`'s client against `baseUrl`, in its own `node` process (registered with
 * `cleanup` while it runs); `raw` is the request the client sends, for the first raw fetch.
 * `entryFile`: the package entry to import (default this package's dist/src/index.js; another
 * build's, to compare).
 */
export function measureColdStart(
  slug: ProviderSlug,
  baseUrl: string,
  raw: { url: string; headers: Readonly<Record<string, string>> },
  cleanup: Cleanup,
  entryFile = path.join(packageRoot(), "dist", "src", "index.js"),
): Promise<ColdStart> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", childScript(slug, baseUrl, raw.url, raw.headers, entryFile)], { cwd: packageRoot(), stdio: ["ignore", "pipe", "pipe"] });
  const unregister = cleanup.add(`cold-start run (pid ${child.pid})`, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      unregister();
      if (code !== 0) return reject(new Error(`${slug} cold-start run exited with ${code}: ${err.trim() || "no output"}. Is the package built (npm run build)?`));
      resolve(JSON.parse(out) as ColdStart);
    });
  });
}

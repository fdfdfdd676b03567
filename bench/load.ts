/**
 * One autocannon run against a URL. Requests/s is autocannon's count of completed requests over
 * the run's duration; p50/p99 are computed from every 2xx response time autocannon reports
 * (its own histogram rounds to whole milliseconds, too coarse for a loopback server).
 */
import autocannon from "autocannon";
import type { Cleanup } from "./cleanup.js";
import { percentile } from "./stats.js";

export interface LoadRun {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  responses: number;
  /** Responses that were not 2xx, plus connection errors and timeouts: a run with any is reported, not trusted. */
  failures: number;
}

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export async function runLoad(options: LoadOptions, cleanup: Cleanup): Promise<LoadRun> {
  const times: number[] = [];
  // autocannon stops at its first sample tick after the duration: a tick as long as a sub-second run (--quick) ends it on time instead of after 1 s.
  const sampleInt = Math.min(1000, Math.max(10, Math.round(options.durationSeconds * 1000)));
  const instance = autocannon({ url: options.url, headers: options.headers, connections: options.connections, duration: options.durationSeconds, timeout: 10, sampleInt });
  const unregister = cleanup.add(`autocannon run against ${options.url}`, () => instance.stop());
  instance.on("response", (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) times.push(ms);
  });
  try {
    const result = await instance;
    const failures = result.non2xx + result.errors + result.timeouts;
    if (times.length === 0) throw new Error(`No 2xx response from ${options.url} in ${options.durationSeconds} s (${failures} failures).`);
    return { requestsPerSecond: result.requests.total / result.duration, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), responses: result.requests.total, failures };
  } finally {
    unregister();
  }
}

/**
 * A worker thread of `checkTraffic` (check-traffic.ts): one traffic checker over the exchanges
 * of its shard, in the order the main thread sends them. Messages in: `{ batch }` (exchanges with
 * their global index), `{ end: true }`; out: `{ reports }` per batch, then `{ summary }`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createTrafficChecker, type ObservedExchange, type TrafficOptions } from "./traffic.js";

export type ToWorker = { batch: { index: number; exchange: ObservedExchange }[] } | { end: true };

const port = parentPort;
if (!port) throw new Error("traffic-worker.ts runs as a worker thread of checkTraffic (check-traffic.ts), not on its own.");
const traffic = createTrafficChecker({ ...(workerData as TrafficOptions), keepReports: false });
port.on("message", (message: ToWorker) => {
  if ("batch" in message) port.postMessage({ reports: message.batch.map(({ index, exchange }) => traffic.check(exchange, index)) });
  else {
    port.postMessage({ summary: traffic.summary() });
    port.close();
  }
});

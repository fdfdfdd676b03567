/**
 * check-har's heap settings (src/cli/steady-heap.ts), in a Node process of their own: with them
 * the young generation stays at its start however much is allocated, where V8's defaults let it
 * grow; and applied again once a worker is online (on Node 20 and 22 starting a worker thread
 * undoes them), they hold with workers too.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { STEADY_HEAP_FLAGS } from "../src/cli/steady-heap.js";

const run = promisify(execFile);

/** Allocates 3 million short-lived objects (a check's garbage), in a process that sets the flags as `when` says and starts one worker; the young generation's size at the end, in MB. */
async function youngGenerationMb(when: "never" | "before and once the worker is online"): Promise<number> {
  const code = `
    import v8 from "node:v8";
    import { Worker } from "node:worker_threads";
    const flags = ${JSON.stringify(STEADY_HEAP_FLAGS)};
    const when = ${JSON.stringify(when)};
    const steady = () => { for (const f of flags) v8.setFlagsFromString(f); };
    if (when !== "never") steady();
    const worker = new Worker("setTimeout(() => {}, 1)", { eval: true });
    if (when === "before and once the worker is online") worker.once("online", steady);
    await new Promise((resolve) => worker.once("exit", resolve));
    let keep = [];
    for (let i = 0; i < 3e6; i++) { keep.push({ i, s: "x" + i }); if (keep.length > 20000) keep = []; }
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
    process.stdout.write(String(young.space_size / 1048576));
  `;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", code]);
  return Number(stdout);
}

describe("keepHeapSteady's flags", () => {
  it("keep the young generation at its start when applied again once a worker is online; V8's defaults let it grow", async () => {
    const [never, online] = await Promise.all([youngGenerationMb("never"), youngGenerationMb("before and once the worker is online")]);
    // assert V8's default grows the young generation (32 MB on Node 20 and 22, 128 on 24)
    expect(never).toBeGreaterThanOrEqual(16);
    // assert applied again once the worker is online, it stays at its start
    expect(online).toBeLessThanOrEqual(4);
  });
});

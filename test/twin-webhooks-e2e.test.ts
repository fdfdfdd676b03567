/**
 * End to end on loopback: the Myaza twin (startTwins) sends webhooks to `kyc-contracts
 * webhook-receiver`, which checks them against the spec. A transition pending → verified, seen
 * by a client polling the twin, delivers `verification.completed`; the control API and
 * `deliverWebhooks` trigger deliveries too; every delivery and answer is journaled.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/command.js";
import { main } from "../src/cli/main.js";
import { createMyazaClient } from "../src/clients/index.js";
import { pollUntilSettled } from "../src/polling.js";
import { describeFixtures } from "../src/twin/describe.js";
import { checkFixtures, createTwin, startTwins, type RunningTwins } from "../src/twin/index.js";
import { serveFetchHandler } from "../src/twin/node-server.js";
import { createMyazaWebhookReceiver } from "../src/webhooks/index.js";
import { manualClock } from "./helpers/twins.js";
import { waitFor } from "./support/processes.js";

const SECRET = "whsec_twin_e2e_5b4a3c2d1e";
const KEY = "sk_test_e2eacme0123456789abcdef012345";

interface Receiver {
  url: string;
  out: () => string;
  stop: () => Promise<number>;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** `kyc-contracts webhook-receiver` in-process on a free port; `stop()` is the user's Ctrl+C. */
async function startReceiver(): Promise<Receiver> {
  let out = "";
  let err = "";
  let signal: (s: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => (signal = resolve));
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: { E2E_SECRET: SECRET }, waitForStop: () => stopped };
  const exited = main(["webhook-receiver", "--provider", "myaza", "--secret-env", "E2E_SECRET", "--port", "0"], io);
  let done = false;
  const stop = async (): Promise<number> => {
    signal("SIGINT");
    const code = await exited;
    done = true;
    return code;
  };
  cleanups.push(() => (done ? Promise.resolve() : stop()));
  await waitFor(() => `the receiver to listen (stderr: ${err})`, () => /at http:\/\/\S+\//.test(out) || err !== "");
  return { url: /at (http:\/\/\S+)\//.exec(out)![1]!, out: () => out, stop };
}

async function twinsWith(records: Record<string, unknown>): Promise<RunningTwins<"myaza">> {
  const running = await startTwins({ providers: ["myaza"], fixtures: { myaza: { keys: { [KEY]: "acme" }, records: records as never } } });
  cleanups.push(() => running.stop());
  return running;
}

describe("Myaza twin → webhook receiver", () => {
  it("a transition pending → verified delivers verification.completed, and the receiver check passes", async () => {
    const receiver = await startReceiver();
    const kyc = await twinsWith({
      ver_e2e_user: { organization: "acme", status: "pending", then: [{ afterCalls: 1, status: "verified" }], webhooks: { endpoints: [`${receiver.url}/hooks/myaza`], secret: SECRET } },
    });
    const client = createMyazaClient({ baseUrl: kyc.urls.myaza, apiKey: KEY });
    const settled = await pollUntilSettled((call) => client.getKycStatus("ver_e2e_user", call), { intervalMs: 10 });
    expect(settled.ok && settled.kyc.state).toBe("approved");
    await kyc.twins.myaza.webhooksSettled();

    // assert exactly one delivery, verification.completed, answered 200 by the receiver, journaled
    const deliveries = kyc.twins.myaza.webhookDeliveries();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ trigger: "status-change", verificationId: "ver_e2e_user", event: "verification.completed", url: `${receiver.url}/hooks/myaza`, responseStatus: 200 });
    expect(deliveries[0]!.deliveryId).not.toBe("");
    expect(JSON.parse(deliveries[0]!.responseBody)).toMatchObject({ received: true });
    expect((deliveries[0]!.body as { data: Record<string, unknown> }).data).toMatchObject({ verificationId: "ver_e2e_user", status: "verified", idNumber: "[masked]" });

    // assert the receiver check saw it conformant, and exits 0
    expect(await receiver.stop()).toBe(0);
    expect(receiver.out()).toMatch(new RegExp(`^✓ #1 POST /hooks/myaza {2}verification\\.completed {2}delivery ${deliveries[0]!.deliveryId} {2}ver_e2e_user {2}→ 200$`, "m"));
    expect(receiver.out()).toContain("1 delivery: 1 conformant, 0 with violations.");
  });

  it("control API: a record changed by PUT is delivered, POST /__twin/webhooks/{id} delivers again with a new delivery id, GET lists the journal", async () => {
    const receiver = await startReceiver();
    const webhooks = { endpoints: [`${receiver.url}/a`, `${receiver.url}/b`], secret: SECRET };
    const kyc = await twinsWith({ ver_ctl: { organization: "acme", status: "pending", webhooks } });
    const base = kyc.urls.myaza;
    const put = await fetch(`${base}/__twin/records/ver_ctl`, { method: "PUT", body: JSON.stringify({ organization: "acme", status: "failed", reasonCode: "document_expired", webhooks }) });
    expect(put.status).toBe(200);
    await kyc.twins.myaza.webhooksSettled();
    const manual = await fetch(`${base}/__twin/webhooks/ver_ctl`, { method: "POST" });
    expect(manual.status).toBe(200);
    const manualDeliveries = (await manual.json()) as { event: string; trigger: string; responseStatus: number; deliveryId: string }[];
    expect(manualDeliveries.map((d) => [d.event, d.trigger, d.responseStatus])).toEqual([
      ["verification.failed", "manual", 200],
      ["verification.failed", "manual", 200],
    ]);
    const journal = (await (await fetch(`${base}/__twin/webhooks`)).json()) as { event: string; trigger: string; deliveryId: string; url: string }[];
    // assert two endpoints × (one change + one manual), each with its own delivery id
    expect(journal.map((d) => [d.trigger, d.url.slice(receiver.url.length)])).toEqual([
      ["status-change", "/a"],
      ["status-change", "/b"],
      ["manual", "/a"],
      ["manual", "/b"],
    ]);
    expect(new Set(journal.map((d) => d.deliveryId)).size).toBe(4);
    expect(await receiver.stop()).toBe(0);
    expect(receiver.out()).toContain("4 deliveries: 4 conformant, 0 with violations.");
    expect(receiver.out()).toContain("verification.failed");
  });

  it("programmatic: deliverWebhooks(id); a receiver with another secret answers 401, journaled; bad requests are clear errors", async () => {
    const receiver = await startReceiver();
    const kyc = await twinsWith({
      ver_prog: { organization: "acme", status: "not_found", webhooks: { endpoints: [receiver.url], secret: "not-the-receivers-secret" } },
      ver_quiet: { organization: "acme", status: "verified" },
    });
    const [delivery] = await kyc.twins.myaza.deliverWebhooks("ver_prog");
    expect(delivery).toMatchObject({ event: "verification.not_found", trigger: "manual", responseStatus: 401 });
    expect(delivery!.responseBody).toContain('"check":"signature"');
    await expect(kyc.twins.myaza.deliverWebhooks("ver_quiet")).rejects.toThrow(/names no webhook endpoints/);
    await expect(kyc.twins.myaza.deliverWebhooks("ver_missing")).rejects.toThrow(/has no record "ver_missing"/);
    expect((await fetch(`${kyc.urls.myaza}/__twin/webhooks/ver_missing`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${kyc.urls.myaza}/__twin/webhooks/ver_quiet`, { method: "POST" })).status).toBe(409);
    expect(await receiver.stop()).toBe(1);
    expect(receiver.out()).toContain("signature: bad_signature");
  });

  it("an unreachable endpoint is journaled with no answer (status 0) and does not break the twin", async () => {
    const kyc = await twinsWith({ ver_down: { organization: "acme", status: "pending", then: [{ afterCalls: 0, status: "verified" }], webhooks: { endpoints: ["http://127.0.0.1:9/"], secret: SECRET } } });
    const client = createMyazaClient({ baseUrl: kyc.urls.myaza, apiKey: KEY });
    const result = await client.getKycStatus("ver_down");
    expect(result.ok && result.data.status).toBe("verified");
    await kyc.twins.myaza.webhooksSettled();
    expect(kyc.twins.myaza.webhookDeliveries()).toMatchObject([{ event: "verification.completed", responseStatus: 0, error: expect.stringContaining("No answer from http://127.0.0.1:9/") }]);
  });

  it("a timed (afterMs) transition is delivered when the injected clock passes it, without a read; reset and close cancel the wake-ups", async () => {
    const receiver = createMyazaWebhookReceiver({ secret: SECRET });
    const server = await serveFetchHandler(receiver.handle);
    cleanups.push(() => server.close());
    const clock = manualClock();
    const webhooks = { endpoints: [`${server.url}/timed`], secret: SECRET };
    const twin = createTwin("myaza", { clock, fixtures: { myaza: { keys: { [KEY]: "acme" }, records: { ver_timed: { organization: "acme", status: "pending", then: [{ afterMs: 1_000, status: "verified" }], webhooks } } } } });
    cleanups.push(() => Promise.resolve(twin.close()));
    expect(clock.sleepers()).toBe(1);
    clock.advance(999);
    await twin.webhooksSettled();
    expect(twin.webhookDeliveries()).toEqual([]);

    // the clock's wake-up alone delivers: no read, no webhooksSettled
    clock.advance(1);
    await expect.poll(() => twin.webhookDeliveries()).toMatchObject([{ trigger: "status-change", verificationId: "ver_timed", event: "verification.completed", responseStatus: 200 }]);
    expect(twin.requests()).toEqual([]);
    expect(clock.sleepers()).toBe(0);

    // webhooksSettled delivers what is due by the clock before waiting (a set record's timer starts at the set)
    twin.set("ver_timed_2", { organization: "acme", status: "pending", then: [{ afterMs: 500, status: "failed", reasonCode: "document_expired" }], webhooks });
    expect(twin.webhookDeliveries()).toHaveLength(1); // a new record is not a change
    clock.advance(500);
    await twin.webhooksSettled();
    expect(twin.webhookDeliveries().map((d) => [d.verificationId, d.event])).toEqual([
      ["ver_timed", "verification.completed"],
      ["ver_timed_2", "verification.failed"],
    ]);
    // a read afterwards sees no further change: nothing is delivered twice
    const client = createMyazaClient({ baseUrl: "https://identity.myaza.app", apiKey: KEY, fetch: twin.fetch.bind(twin) });
    expect((await client.getKycStatus("ver_timed")).ok).toBe(true);
    await twin.webhooksSettled();
    expect(twin.webhookDeliveries()).toHaveLength(2);
    expect(receiver.summary()).toMatchObject({ deliveries: 2, failed: 0 });

    // reset re-arms the fixtures' timers from now; close cancels them
    twin.reset();
    expect(twin.webhookDeliveries()).toEqual([]);
    expect(clock.sleepers()).toBe(1);
    twin.close();
    expect(clock.sleepers()).toBe(0);
    clock.advance(1_000);
    // anything a timer had started would be in flight now: wait for it before looking
    await twin.webhooksSettled();
    expect(twin.webhookDeliveries()).toEqual([]);
    expect(receiver.summary()).toMatchObject({ deliveries: 2 });
  });

  it("`mock --engine twin` lists a record's webhook endpoints", () => {
    const checked = checkFixtures({ myaza: { keys: { [KEY]: "acme" }, records: { ver_listed: { organization: "acme", status: "pending", webhooks: { endpoints: ["http://127.0.0.1:1/a", "http://127.0.0.1:1/b"], secret: SECRET } } } } });
    if (!checked.ok) throw new Error(checked.problem.message);
    expect(describeFixtures("myaza", checked.fixtures).join("\n")).toMatch(/ver_listed.*pending \(acme\) \[webhooks to 2 endpoint\(s\)\]/);
  });
});

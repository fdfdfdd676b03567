/**
 * The Myaza twin's webhook sender: events built from the spec's named examples, signed, one
 * unique delivery id per endpoint, and a journal of each delivery with the receiver's answer.
 * Every event it sends passes the receiver check.
 */
import { describe, expect, it } from "vitest";
import { specDocument } from "../src/spec/load.js";
import { buildVerificationEvent, createMyazaWebhookSender, verificationEventTemplates } from "../src/twin/webhooks.js";
import { createMyazaWebhookReceiver, verifyMyazaWebhook } from "../src/webhooks/index.js";

const doc = specDocument("myaza");
const SECRET = "whsec_twin_sender_test";
const target = (...endpoints: string[]) => ({ endpoints, secret: SECRET });

describe("events from the spec", () => {
  it("has one verification event per status, from the spec's webhooks", () => {
    const templates = verificationEventTemplates(doc);
    expect(Object.fromEntries([...templates].map(([status, t]) => [status, t.event]))).toEqual({
      pending: "verification.started",
      verified: "verification.completed",
      failed: "verification.failed",
      not_found: "verification.not_found",
      error: "verification.error",
    });
  });

  it("substitutes the verification's id, status and reason, with a fresh event id and time", async () => {
    const at = new Date("2026-05-01T10:00:00.000Z");
    const event = buildVerificationEvent(doc, "ver_twin_1", { status: "failed", reasonCode: "document_expired" }, at)!;
    expect(event).toMatchObject({ event: "verification.failed", createdAt: at.toISOString(), data: { verificationId: "ver_twin_1", status: "failed", reasonCode: "document_expired", reason: "The document has expired." } });
    expect(event.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(buildVerificationEvent(doc, "ver_twin_1", { status: "failed" }, at)!.id).not.toBe(event.id);
    // assert the built event is what the spec documents
    const { signMyazaWebhook } = await import("../src/webhooks/index.js");
    const signed = await signMyazaWebhook({ payload: event, secret: SECRET });
    expect(await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET })).toMatchObject({ ok: true });
    expect(buildVerificationEvent(doc, "ver_x", { status: "no_such_status" }, at)).toBeUndefined();
  });
});

describe("createMyazaWebhookSender", () => {
  it("delivers to every endpoint with its own delivery id, journals the receiver's answers, and every delivery passes the receiver check", async () => {
    const receiver = createMyazaWebhookReceiver({ secret: SECRET });
    const seen: string[] = [];
    const sender = createMyazaWebhookSender(doc, { fetch: (url, init) => receiver.handle(new Request(url, init)), now: () => Date.parse("2026-05-01T10:00:00.000Z"), onDelivery: (d) => seen.push(d.url) });
    const journal = await sender.deliver("ver_twin_2", { status: "verified" }, target("http://127.0.0.1:1/a", "http://127.0.0.1:1/b"), "status-change");
    expect(journal.map((d) => [d.url, d.event, d.responseStatus, d.trigger])).toEqual([
      ["http://127.0.0.1:1/a", "verification.completed", 200, "status-change"],
      ["http://127.0.0.1:1/b", "verification.completed", 200, "status-change"],
    ]);
    expect(new Set(journal.map((d) => d.deliveryId)).size).toBe(2);
    // the two deliveries run concurrently: the receiver numbers them in arrival order, whichever came first
    expect(journal.map((d) => JSON.parse(d.responseBody) as unknown).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { received: true, seq: 1 },
      { received: true, seq: 2 },
    ]);
    expect(receiver.summary()).toMatchObject({ deliveries: 2, failed: 0 });
    expect(seen).toHaveLength(2);
    // assert the journal masks personal data
    expect((journal[0]!.body as { data: Record<string, unknown> }).data).toMatchObject({ idNumber: "[masked]", userData: "[masked]" });
    // the sender's journal is in the order deliveries started, whichever answered first
    expect(sender.deliveries()).toEqual(journal);
    sender.reset();
    expect(sender.deliveries()).toEqual([]);
  });

  it("lists concurrent deliveries in the order they started, whichever answer comes first", async () => {
    const receiver = createMyazaWebhookReceiver({ secret: SECRET });
    // the first endpoint answers only after the second has answered
    let secondAnswered!: () => void;
    const second = new Promise<void>((resolve) => (secondAnswered = resolve));
    const sender = createMyazaWebhookSender(doc, {
      fetch: async (url, init) => {
        if (url.endsWith("/first")) await second;
        const response = await receiver.handle(new Request(url, init));
        if (url.endsWith("/second")) secondAnswered();
        return response;
      },
    });
    await sender.deliver("ver_order", { status: "verified" }, target("http://127.0.0.1:1/first", "http://127.0.0.1:1/second"), "manual");
    expect(receiver.deliveries().map((d) => d.path)).toEqual(["/second", "/first"]);
    expect(sender.deliveries().map((d) => [d.seq, d.url.slice(-6)])).toEqual([
      [1, "/first"],
      [2, "second"],
    ]);
  });

  it("journals a receiver that does not answer (status 0, the reason), and settles", async () => {
    const sender = createMyazaWebhookSender(doc, { fetch: () => Promise.reject(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") })) });
    void sender.deliver("ver_twin_3", { status: "pending" }, target("http://127.0.0.1:9/"), "manual");
    await sender.settled();
    const [entry] = sender.deliveries();
    expect(entry).toMatchObject({ event: "verification.started", trigger: "manual", responseStatus: 0, error: "No answer from http://127.0.0.1:9/: connect ECONNREFUSED 127.0.0.1:9" });
  });
});

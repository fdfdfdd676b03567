/**
 * The receiver check (createMyazaWebhookReceiver): every documented event passes, and each
 * delivery that breaks exactly one rule is reported under exactly that rule. Personal data and
 * the secret never appear in what it keeps or answers.
 */
import { describe, expect, it } from "vitest";
import { createMyazaWebhookReceiver, signMyazaWebhook, type MyazaWebhookEvent, type MyazaWebhookEventOf, type ReceiverCheck } from "../src/webhooks/index.js";
import { loadSpec } from "../src/spec/load.js";
import { listWebhooks } from "../src/spec/walk.js";

const SECRET = "whsec_receiver_test_9d8c7b6a5f4e3d2c1b0a";
const PII = { idNumber: "98765432109", firstName: "Chiamaka", lastName: "Okonkwo-Eze" };

const spec = await loadSpec("myaza");
const examples = listWebhooks(spec).flatMap((hook) => hook.requestBody.flatMap((m) => m.examples.map((e) => ({ event: hook.name, name: e.name, value: e.value as MyazaWebhookEvent }))));
const base = examples.find((e) => e.event === "verification.completed")!.value as MyazaWebhookEventOf<"verification.completed">;
/** verification.completed carrying the test's personal data. */
const completed: MyazaWebhookEventOf<"verification.completed"> = { ...base, data: { ...base.data, idNumber: PII.idNumber, userData: { firstName: PII.firstName, lastName: PII.lastName } } };

const URL_ = "http://127.0.0.1/hooks/myaza";

async function request(payload: Parameters<typeof signMyazaWebhook>[0]["payload"], change: (h: Record<string, string>) => void = () => {}, secret = SECRET): Promise<Request> {
  const signed = await signMyazaWebhook({ payload, secret });
  change(signed.headers);
  return new Request(URL_, { method: "POST", headers: signed.headers, body: signed.body });
}

const json = (value: unknown): string => JSON.stringify(value);

describe("conformant deliveries", () => {
  it.each(examples.map((e) => [`${e.event} / ${e.name}`, e] as const))("%s passes, answered 200", async (_n, example) => {
    const receiver = createMyazaWebhookReceiver({ secret: SECRET });
    const response = await receiver.handle(await request(example.value));
    expect(receiver.deliveries()[0]?.violations).toEqual([]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, seq: 1 });
  });
});

/** Deliveries that each break one rule, and the check that must report it (and nothing else). */
const broken: { name: string; check: ReceiverCheck; make: () => Promise<Request>; status: number }[] = [
  { name: "signed with another secret", check: "signature", status: 401, make: () => request(completed, undefined, "not-the-secret") },
  { name: "no X-Myaza-Signature", check: "signature", status: 401, make: () => request(completed, (h) => delete h["X-Myaza-Signature"]) },
  { name: "sha1= signature", check: "signature", status: 401, make: () => request(completed, (h) => (h["X-Myaza-Signature"] = `sha1=${"a".repeat(40)}`)) },
  {
    name: "body changed after signing",
    check: "signature",
    status: 401,
    make: async () => {
      const signed = await signMyazaWebhook({ payload: completed, secret: SECRET });
      return new Request(URL_, { method: "POST", headers: signed.headers, body: (signed.body as string).replace(base.data.requestId ?? "", "order-forged") });
    },
  },
  { name: "Content-Type text/plain", check: "content-type", status: 400, make: () => request(completed, (h) => (h["Content-Type"] = "text/plain")) },
  { name: "no X-Myaza-Delivery", check: "headers", status: 400, make: () => request(completed, (h) => delete h["X-Myaza-Delivery"]) },
  { name: "User-Agent not Myaza-Webhooks/…", check: "headers", status: 400, make: () => request(completed, (h) => (h["User-Agent"] = "curl/8.5.0")) },
  { name: "X-Myaza-Event names another event", check: "event-header", status: 400, make: () => request(completed, (h) => (h["X-Myaza-Event"] = "verification.failed")) },
  { name: "an undocumented event", check: "event", status: 400, make: () => request(json({ ...completed, event: "verification.exploded" }), (h) => (h["X-Myaza-Event"] = "verification.exploded")) },
  { name: "a body that is not JSON", check: "json", status: 400, make: () => request("{not json", (h) => (h["X-Myaza-Event"] = "verification.completed")) },
  {
    name: "idNumber missing from data",
    check: "schema",
    status: 400,
    make: () => {
      const { idNumber: _gone, ...data } = completed.data;
      return request(json({ ...completed, data }), (h) => (h["X-Myaza-Event"] = "verification.completed"));
    },
  },
  {
    name: "verification.completed with data.status failed",
    check: "event-status",
    status: 400,
    make: () => request(json({ ...completed, data: { ...completed.data, status: "failed" } }), (h) => (h["X-Myaza-Event"] = "verification.completed")),
  },
  { name: "GET instead of POST", check: "method", status: 405, make: () => Promise.resolve(new Request(URL_, { method: "GET" })) },
];

describe("deliveries that break one rule each", () => {
  it.each(broken.map((b) => [b.name, b] as const))("%s → exactly one %s violation", async (_n, b) => {
    const receiver = createMyazaWebhookReceiver({ secret: SECRET });
    const response = await receiver.handle(await b.make());
    const [delivery] = receiver.deliveries();
    // assert only the broken rule is reported, in the stored delivery and in the answer
    expect(delivery?.violations.map((v) => v.check)).toEqual([b.check]);
    expect(response.status).toBe(b.status);
    const answer = (await response.json()) as { received: boolean; violations: { check: string }[] };
    expect(answer.received).toBe(false);
    expect(answer.violations.map((v) => v.check)).toEqual([b.check]);
    // assert no personal data and no secret in anything kept or answered
    const kept = json(receiver.deliveries()) + json(answer);
    for (const secretValue of [PII.idNumber, PII.firstName, PII.lastName, SECRET]) expect(kept).not.toContain(secretValue);
  });

  it("the same delivery id twice → duplicate-delivery on the second only", async () => {
    const receiver = createMyazaWebhookReceiver({ secret: SECRET });
    const signed = await signMyazaWebhook({ payload: completed, secret: SECRET });
    const send = () => receiver.handle(new Request(URL_, { method: "POST", headers: signed.headers, body: signed.body }));
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(400);
    expect(receiver.deliveries().map((d) => d.violations.map((v) => v.check))).toEqual([[], ["duplicate-delivery"]]);
    expect(receiver.deliveries()[1]?.violations[0]?.message).toContain("#1");
  });

  it("deliveries that arrive together get distinct sequence numbers, and a duplicate among them is still caught", async () => {
    const receiver = createMyazaWebhookReceiver({ secret: SECRET });
    const signed = await signMyazaWebhook({ payload: completed, secret: SECRET });
    const other = await signMyazaWebhook({ payload: { ...completed, id: "evt_other" }, secret: SECRET, deliveryId: "dlv_other" });
    const send = (s: typeof signed) => receiver.handle(new Request(URL_, { method: "POST", headers: s.headers, body: s.body }));
    // all three are in flight at once: each is numbered on arrival, before any of them is checked
    const answers = await Promise.all([send(signed), send(other), send(signed)]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { seq: number }[];
    expect(bodies.map((b) => b.seq)).toEqual([1, 2, 3]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 400]);
    expect(receiver.deliveries().flatMap((d) => d.violations.map((v) => v.check))).toEqual(["duplicate-delivery"]);
  });

  it("a body over the limit → body-size (413), read no further", async () => {
    const receiver = createMyazaWebhookReceiver({ secret: SECRET, maxBodyBytes: 64 });
    const response = await receiver.handle(await request(completed));
    expect(response.status).toBe(413);
    expect(receiver.deliveries()[0]?.violations.map((v) => v.check)).toEqual(["body-size"]);
  });

  it("reports every problem of a delivery that breaks several rules", async () => {
    const receiver = createMyazaWebhookReceiver({ secret: SECRET });
    const req = await request(json({ ...completed, data: { ...completed.data, status: "failed" } }), (h) => {
      h["User-Agent"] = "curl/8.5.0";
      h["X-Myaza-Event"] = "verification.completed";
    }, "wrong");
    await receiver.handle(req);
    expect(receiver.deliveries()[0]?.violations.map((v) => v.check).sort()).toEqual(["event-status", "headers", "signature"]);
  });
});

describe("what the receiver keeps", () => {
  it("masks idNumber and userData in the stored body, keeps ids, and counts a summary by check", async () => {
    const seen: number[] = [];
    const receiver = createMyazaWebhookReceiver({ secret: SECRET, onDelivery: (d) => seen.push(d.seq), now: () => new Date("2026-04-27T12:00:06.000Z") });
    await receiver.handle(await request(completed, (h) => (h["X-Myaza-Delivery"] = "dlv_one")));
    await receiver.handle(await request(completed, (h) => (h["X-Myaza-Signature"] = `sha1=${"b".repeat(40)}`)));
    await receiver.handle(await request(completed, (h) => (h["Content-Type"] = "text/plain")));
    const [first] = receiver.deliveries();
    expect(first).toMatchObject({ seq: 1, receivedAt: "2026-04-27T12:00:06.000Z", method: "POST", path: "/hooks/myaza", event: "verification.completed", deliveryId: "dlv_one", verificationId: completed.data.verificationId, responseStatus: 200 });
    expect((first?.body as MyazaWebhookEventOf<"verification.completed">).data).toMatchObject({ idNumber: "[masked]", userData: "[masked]", status: "verified" });
    expect(seen).toEqual([1, 2, 3]);
    expect(receiver.summary()).toEqual({ deliveries: 3, passed: 1, failed: 2, violationsByCheck: { signature: 1, "content-type": 1 } });
  });

  it("an empty secret is a configuration bug: it throws", () => {
    expect(() => createMyazaWebhookReceiver({ secret: "" })).toThrow(/secret is empty/);
  });
});

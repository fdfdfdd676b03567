/**
 * verifyMyazaWebhook and signMyazaWebhook: every documented event (the spec's named examples)
 * verifies, and each way a delivery can be wrong gives its named failure.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  createDeliveryIdMemory,
  isMyazaWebhookEventName,
  myazaSignature,
  myazaWebhookEvents,
  signMyazaWebhook,
  verifyMyazaWebhook,
  type MyazaWebhookEvent,
  type MyazaWebhookEventOf,
  type MyazaWebhookVerification,
} from "../src/webhooks/index.js";
import { loadSpec } from "../src/spec/load.js";
import { listWebhooks } from "../src/spec/walk.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECRET = "whsec_test_4f9c2a7e1b3d5f6a8c0e2b4d6f8a0c2e";
const ID_NUMBER = "22212345678";

const spec = await loadSpec("myaza");
const examples = listWebhooks(spec).flatMap((hook) =>
  hook.requestBody.flatMap((m) => m.examples.map((e) => ({ event: hook.name, name: e.name, value: e.value as MyazaWebhookEvent }))),
);
const completed = examples.find((e) => e.event === "verification.completed")!.value;

async function deliver(payload: Parameters<typeof signMyazaWebhook>[0]["payload"], change: (headers: Record<string, string>) => void = () => {}) {
  const signed = await signMyazaWebhook({ payload, secret: SECRET });
  change(signed.headers);
  return signed;
}

const failure = (result: MyazaWebhookVerification): string => (result.ok ? "ok" : result.reason);

describe("valid deliveries", () => {
  it("the spec documents the ten events, each with named examples", () => {
    expect([...new Set(examples.map((e) => e.event))].sort()).toEqual([...myazaWebhookEvents].sort());
    expect(myazaWebhookEvents).toHaveLength(10);
  });

  it.each(examples.map((e) => [`${e.event} / ${e.name}`, e] as const))("%s verifies and comes back parsed", async (_n, example) => {
    const signed = await deliver(example.value);
    const result = await verifyMyazaWebhook({ rawBody: signed.body, headers: new Headers(signed.headers), secret: SECRET });
    // assert the parsed, schema-checked event equals the example, with its delivery id
    expect(result).toEqual({ ok: true, event: example.value, deliveryId: signed.deliveryId });
  });

  it("accepts the raw body as Buffer, Uint8Array, ArrayBuffer or text, and Node-style or web headers", async () => {
    const signed = await deliver(completed);
    const text = signed.body as string;
    const buffer = Buffer.from(text);
    const nodeHeaders = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
    for (const rawBody of [text, buffer, new Uint8Array(buffer), buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)]) {
      for (const headers of [new Headers(signed.headers), nodeHeaders]) {
        expect(failure(await verifyMyazaWebhook({ rawBody, headers, secret: SECRET }))).toBe("ok");
      }
    }
  });

  it("accepts upper-case hex digits and a secret given as bytes", async () => {
    const signed = await deliver(completed);
    const upper = { ...signed.headers, "X-Myaza-Signature": `sha256=${signed.headers["X-Myaza-Signature"]!.slice("sha256=".length).toUpperCase()}` };
    expect(failure(await verifyMyazaWebhook({ rawBody: signed.body, headers: upper, secret: new TextEncoder().encode(SECRET) }))).toBe("ok");
  });

  it("signs like an independent HMAC-SHA256 implementation (node:crypto)", async () => {
    const { createHmac } = await import("node:crypto");
    const body = JSON.stringify(completed);
    expect(await myazaSignature(SECRET, body)).toBe(`sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`);
  });

  it("types the event by its name", async () => {
    const signed = await deliver(completed);
    const result = await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET });
    if (result.ok && result.event.event === "verification.completed") {
      expectTypeOf(result.event.data.status).toEqualTypeOf<"verified">();
      expectTypeOf(result.event.data.idNumber).toEqualTypeOf<string>();
    }
    if (result.ok && result.event.event === "verification.failed") expectTypeOf(result.event.data.reasonCode).toEqualTypeOf<string>();
    expectTypeOf<MyazaWebhookEventOf<"credits.low">["event"]>().toEqualTypeOf<"credits.low">();
    if (!result.ok) expectTypeOf(result.reason).toMatchTypeOf<string>();
    expect(isMyazaWebhookEventName("verification.completed")).toBe(true);
    expect(isMyazaWebhookEventName("toString")).toBe(false);
  });
});

describe("named failures", () => {
  it("tampered body → bad_signature", async () => {
    const signed = await deliver(completed);
    const tampered = (signed.body as string).replace('"verified"', '"failed"');
    expect(tampered).not.toBe(signed.body);
    expect(failure(await verifyMyazaWebhook({ rawBody: tampered, headers: signed.headers, secret: SECRET }))).toBe("bad_signature");
  });

  it("wrong secret → bad_signature, and the message names neither secret nor personal data", async () => {
    const signed = await deliver(completed);
    const result = await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: "another-secret" });
    expect(failure(result)).toBe("bad_signature");
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${SECRET}|another-secret|${ID_NUMBER}|Amaka`));
  });

  it("missing signature header → missing_signature", async () => {
    const signed = await deliver(completed, (h) => delete h["X-Myaza-Signature"]);
    expect(failure(await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET }))).toBe("missing_signature");
  });

  it.each([
    ["bare hex, no prefix", (s: string) => s.slice("sha256=".length)],
    ["short hex", (s: string) => s.slice(0, -2)],
    ["non-hex digit", (s: string) => `${s.slice(0, -1)}g`],
    ["empty", () => ""],
    ["prefix only", () => "sha256="],
    ["v1,… style", (s: string) => `v1,${s.slice("sha256=".length)}`],
  ])("malformed signature header (%s) → malformed_signature", async (_n, mangle) => {
    const signed = await deliver(completed);
    const headers = { ...signed.headers, "X-Myaza-Signature": mangle(signed.headers["X-Myaza-Signature"]!) };
    expect(failure(await verifyMyazaWebhook({ rawBody: signed.body, headers, secret: SECRET }))).toBe("malformed_signature");
  });

  it("signature header sent twice → malformed_signature", async () => {
    const signed = await deliver(completed);
    const headers = { ...signed.headers, "x-myaza-signature": [signed.headers["X-Myaza-Signature"]!, signed.headers["X-Myaza-Signature"]!] };
    delete (headers as Record<string, unknown>)["X-Myaza-Signature"];
    expect(failure(await verifyMyazaWebhook({ rawBody: signed.body, headers, secret: SECRET }))).toBe("malformed_signature");
  });

  it("sha1= prefix, even with a correct HMAC-SHA1 → wrong_algorithm", async () => {
    const body = JSON.stringify(completed);
    const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(SECRET), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
    const sha1 = Buffer.from(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body))).toString("hex");
    const signed = await deliver(body, (h) => (h["X-Myaza-Signature"] = `sha1=${sha1}`));
    expect(failure(await verifyMyazaWebhook({ rawBody: body, headers: signed.headers, secret: SECRET }))).toBe("wrong_algorithm");
  });

  it("replayed delivery id → replayed_delivery; a forged copy does not use up the id", async () => {
    const deliveries = createDeliveryIdMemory();
    const signed = await deliver(completed);
    const forged = await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: "wrong", deliveries });
    expect(failure(forged)).toBe("bad_signature");
    expect(failure(await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET, deliveries }))).toBe("ok");
    expect(failure(await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET, deliveries }))).toBe("replayed_delivery");
    // assert a new delivery id of the same event is accepted
    const again = await deliver(completed);
    expect(failure(await verifyMyazaWebhook({ rawBody: again.body, headers: again.headers, secret: SECRET, deliveries }))).toBe("ok");
  });

  it("concurrent copies of one delivery: exactly one is accepted", async () => {
    const deliveries = createDeliveryIdMemory();
    const signed = await deliver(completed);
    const results = await Promise.all([1, 2, 3].map(() => verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET, deliveries })));
    expect(results.map(failure).sort()).toEqual(["ok", "replayed_delivery", "replayed_delivery"]);
  });

  it("with de-duplication on, a delivery without X-Myaza-Delivery → missing_delivery_id", async () => {
    const signed = await deliver(completed, (h) => delete h["X-Myaza-Delivery"]);
    expect(failure(await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET, deliveries: createDeliveryIdMemory() }))).toBe("missing_delivery_id");
    expect(failure(await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET }))).toBe("ok");
  });

  it("the delivery-id memory forgets the oldest ids beyond its limit", () => {
    const memory = createDeliveryIdMemory(2);
    expect([memory.claim("a"), memory.claim("b"), memory.claim("a"), memory.claim("c"), memory.claim("a")]).toEqual([true, true, false, true, true]);
    expect(() => createDeliveryIdMemory(0)).toThrow(/positive integer/);
  });

  it("unknown event → unknown_event", async () => {
    const body = JSON.stringify({ ...completed, event: "verification.exploded" });
    const signed = await deliver(body, (h) => (h["X-Myaza-Event"] = "verification.exploded"));
    const result = await verifyMyazaWebhook({ rawBody: body, headers: signed.headers, secret: SECRET });
    expect(failure(result)).toBe("unknown_event");
    expect(result.ok ? "" : result.message).toContain("verification.exploded");
  });

  it("signed non-JSON, or bytes that are not UTF-8 → invalid_json", async () => {
    for (const body of ["{not json", new Uint8Array([0x7b, 0xff, 0x7d])]) {
      const signed = await deliver(body);
      expect(failure(await verifyMyazaWebhook({ rawBody: body, headers: signed.headers, secret: SECRET }))).toBe("invalid_json");
    }
  });

  it("a body that breaks its event's schema → invalid_body, with each violation's pointer", async () => {
    const { idNumber: _dropped, ...data } = (completed as MyazaWebhookEventOf<"verification.completed">).data;
    const body = { ...completed, id: "not-an-event-id", data };
    const signed = await deliver(JSON.stringify(body));
    const result = await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET });
    expect(failure(result)).toBe("invalid_body");
    expect(result.ok ? [] : result.violations?.map((v) => `${v.pointer} ${v.keyword}`)).toEqual(expect.arrayContaining(["/id pattern", "/data required"]));
  });

  it("verification.completed whose data.status is not verified → invalid_body at /data/status", async () => {
    const body = { ...completed, data: { ...(completed as MyazaWebhookEventOf<"verification.completed">).data, status: "failed" } };
    const signed = await deliver(JSON.stringify(body));
    const result = await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET });
    expect(result.ok ? [] : result.violations?.map((v) => `${v.pointer} ${v.keyword}`)).toContain("/data/status const");
  });

  it("X-Myaza-Event naming another event than the signed body → event_mismatch", async () => {
    const signed = await deliver(completed, (h) => (h["X-Myaza-Event"] = "verification.failed"));
    expect(failure(await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET }))).toBe("event_mismatch");
  });

  it("a body over the limit → body_too_large, before any HMAC", async () => {
    const signed = await deliver(completed);
    // a wrong secret too: checked after the size, the signature would be the failure
    const result = await verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: `${SECRET}-wrong`, maxBodyBytes: 16 });
    expect(failure(result)).toBe("body_too_large");
  });

  it("an empty secret is a configuration bug: it throws, saying what to pass", async () => {
    const signed = await deliver(completed);
    await expect(verifyMyazaWebhook({ rawBody: signed.body, headers: signed.headers, secret: "" })).rejects.toThrow(/secret is empty/);
  });
});

describe("portability", () => {
  it("bundles for the browser with no Node built-in (esbuild, platform browser)", async () => {
    const result = await build({ entryPoints: [path.join(root, "src/webhooks/index.ts")], bundle: true, platform: "browser", format: "esm", write: false, metafile: true, logLevel: "silent" });
    const inputs = Object.keys(result.metafile.inputs);
    // assert the bundle is built from the webhook sources, the shared portable helpers (no imports of their own) and the generated validators only (plus ajv-formats' format checks)
    expect(inputs.some((i) => i.endsWith("generated/myaza-webhooks.ts"))).toBe(true);
    expect(inputs.filter((i) => !/^(src\/webhooks\/|src\/http\/(redact|read-body|media-type)\.ts|src\/json\.ts|generated\/|node_modules\/ajv-formats\/)/.test(i))).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/\brequire\(|from "node:|new Function|\beval\(/);
  });
});

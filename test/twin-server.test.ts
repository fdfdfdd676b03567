/** `startTwins()` and the node:http transport: real ports on 127.0.0.1, and nothing left listening after stop(). */
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { providerSlugs } from "../src/providers.js";
import { startTwins, TwinError, DEFAULT_CREDENTIALS as C, DEFAULT_IDS as I, type RunningTwins } from "../src/twin/index.js";
import { expectJournalConforms } from "./helpers/twins.js";
import { freePortRange, isListening } from "./support/processes.js";

const running: RunningTwins[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    for (const slug of Object.keys(r.twins) as (keyof typeof r.twins)[]) expectJournalConforms(r.twins[slug]);
    await r.stop();
  }
});
const start = async (...args: Parameters<typeof startTwins>) => {
  const r = await startTwins(...args);
  running.push(r);
  return r;
};

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

describe("startTwins", () => {
  it("starts all four on free ports of 127.0.0.1; stop() leaves no port listening", async () => {
    const twins = await startTwins();
    try {
      expect(Object.keys(twins.urls)).toEqual([...providerSlugs]);
      for (const slug of providerSlugs) {
        expect(twins.urls[slug]).toBe(`http://127.0.0.1:${twins.ports[slug]}`);
        expect(isListening(twins.ports[slug])).toBe(true);
      }
      const r = await fetch(`${twins.urls.myaza}/api/kyc/status/${I.myaza.verified}`, { headers: { Authorization: `Bearer ${C.myaza.secretKey}` } });
      expect(r.status).toBe(200);
      expectJournalConforms(twins.twins.myaza);
    } finally {
      await twins.stop();
    }
    for (const slug of providerSlugs) expect(isListening(twins.ports[slug])).toBe(false);
    await twins.stop(); // idempotent
  });

  it("a port in use: a TwinError naming port and provider, and the twins that did start are stopped", async () => {
    const { server, port } = await occupy();
    const base = await freePortRange(3);
    try {
      const error = (await startTwins({ ports: { proof: base, "btc-direct": base + 1, "nyota-imara": base + 2, myaza: port } }).catch((e: unknown) => e)) as TwinError;
      expect(error).toBeInstanceOf(TwinError);
      expect(error.code).toBe("port-unavailable");
      expect(error.message).toContain(`port ${port} (myaza) is already in use`);
      // assert the three that could listen were closed again
      for (let p = base; p < base + 3; p++) expect(isListening(p)).toBe(false);
    } finally {
      server.close();
    }
  });

  it("invalid fixtures: rejects naming the field, before anything listens", async () => {
    const error = (await startTwins({ ports: { proof: 0 }, fixtures: { proof: { tokens: [], records: { u: { status: "done" } } } } as never }).catch((e: unknown) => e)) as TwinError;
    expect(error).toMatchObject({ code: "invalid-fixtures", field: "proof.records.u.status" });
  });

  it.each([
    [{ providers: ["paypal"] }, 'Unknown provider "paypal"'],
    [{ providers: [] }, "No providers to start"],
    [{ providers: ["proof", "proof"] }, "listed twice"],
    [{ providers: ["proof"], ports: { myaza: 5000 } }, 'A port is given for "myaza"'],
    [{ ports: { proof: 70_000 } }, "must be an integer from 1 to 65535"],
    [{ ports: { proof: 5000, myaza: 5000 } }, "Port 5000 is given to both proof and myaza"],
  ])("invalid options %j", async (options, message) => {
    await expect(startTwins(options as never)).rejects.toMatchObject({ code: "invalid-options", message: expect.stringContaining(message) as string });
  });

  it("stop() ends keep-alive and hung connections too", async () => {
    const twins = await startTwins({ providers: ["proof"], fixtures: { proof: { tokens: ["t"], records: { u: { status: "pending" } }, faults: [{ onCall: 2, hang: true }] } } });
    const url = `${twins.urls.proof}/widget/users/u/kyc-status`;
    expect((await fetch(url, { headers: { Authorization: "Bearer t" } })).status).toBe(200);
    const hung = fetch(url, { headers: { Authorization: "Bearer t" } });
    await expect.poll(() => twins.twins.proof.requests().length).toBe(2);
    await twins.stop();
    await expect(hung).rejects.toThrow();
    expect(isListening(twins.ports.proof)).toBe(false);
  });
});

describe("over HTTP", () => {
  it("a reset fault drops the connection; control endpoints answer on the twin's port", async () => {
    const twins = await start({ providers: ["proof"], fixtures: { proof: { tokens: ["t"], records: { u: { status: "pending", faults: [{ onCall: 1, reset: true }] } } } } });
    const url = `${twins.urls.proof}/widget/users/u/kyc-status`;
    await expect(fetch(url, { headers: { Authorization: "Bearer t" } })).rejects.toThrow(TypeError);
    const put = await fetch(`${twins.urls.proof}/__twin/records/v`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ status: "verified" }) });
    expect(put.status).toBe(200);
    expect(await (await fetch(`${twins.urls.proof}/widget/users/v/kyc-status`, { headers: { Authorization: "Bearer t" } })).json()).toEqual({ partner_user_id: "v", status: "verified" });
    const journal = (await (await fetch(`${twins.urls.proof}/__twin/requests`)).json()) as { status: number; fault?: string }[];
    expect(journal.map((e) => [e.status, e.fault ?? null])).toEqual([[0, "reset"], [200, null]]);
    expect((await fetch(`${twins.urls.proof}/__twin/reset`, { method: "POST" })).status).toBe(204);
    expect((await fetch(`${twins.urls.proof}/widget/users/v/kyc-status`, { headers: { Authorization: "Bearer t" } })).status).toBe(404);
  });
  it("ids with encoded slashes and odd characters reach the twin decoded, and get the provider's not-found", async () => {
    const twins = await start({ providers: ["proof", "myaza"] });
    const raw = 'bad id/../?#<>"%';
    const odd = encodeURIComponent(raw);
    expect((await fetch(`${twins.urls.proof}/widget/users/${odd}/kyc-status`, { headers: { Authorization: `Bearer ${C.proof.clientToken}` } })).status).toBe(404);
    // the same id, once it exists: found under its decoded form and echoed as such
    twins.twins.proof.set(raw, { status: "verified" });
    const found = await fetch(`${twins.urls.proof}/widget/users/${odd}/kyc-status`, { headers: { Authorization: `Bearer ${C.proof.clientToken}` } });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ partner_user_id: raw, status: "verified" });
    expect((await fetch(`${twins.urls.myaza}/api/kyc/status/${odd}`, { headers: { Authorization: `Bearer ${C.myaza.secretKey}` } })).status).toBe(400);
  });
});

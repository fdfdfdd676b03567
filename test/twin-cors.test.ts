/**
 * The twins' CORS (src/twin/cors.ts): Myaza's twin answers any origin by default (its status
 * endpoint is meant for publishable keys in front-end code); the others answer none unless told;
 * an allowlist answers exactly its origins. Preflights are answered, not journaled.
 */
import { describe, expect, it } from "vitest";
import { createTwin } from "../src/twin/create-twin.js";
import { DEFAULT_CREDENTIALS, DEFAULT_IDS } from "../src/twin/defaults.js";

const PAGE = "http://127.0.0.1:5173";
const myazaUrl = `http://127.0.0.1/api/kyc/status/${DEFAULT_IDS.myaza.verified}`;
const proofUrl = `http://127.0.0.1/widget/users/${DEFAULT_IDS.proof.verified}/kyc-status`;
const preflight = (url: string, origin = PAGE) =>
  new Request(url, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" } });

describe("Myaza's twin: any origin by default", () => {
  it("answers a preflight with the method and the headers a client sends, and does not journal it", async () => {
    const twin = createTwin("myaza");
    const res = await twin.handle(preflight(myazaUrl));
    // assert a 204 the browser accepts for a GET with Authorization (and Prefer)
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET");
    expect(res.headers.get("access-control-allow-headers")?.split(", ")).toEqual(expect.arrayContaining(["authorization", "prefer"]));
    expect(twin.requests()).toEqual([]);
  });

  it("adds Allow-Origin and exposes every header of the answer (Retry-After, RateLimit-*, …) to the page", async () => {
    const twin = createTwin("myaza");
    const res = await twin.handle(new Request(myazaUrl, { headers: { Origin: PAGE, Authorization: `Bearer ${DEFAULT_CREDENTIALS.myaza.publishableKey}` } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const exposed = (res.headers.get("access-control-expose-headers") ?? "").toLowerCase().split(", ");
    expect(exposed).toEqual(expect.arrayContaining(["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"]));
    expect(twin.requests()).toHaveLength(1);
  });

  it("adds nothing to a request without an Origin (not from a browser page)", async () => {
    const res = await createTwin("myaza").handle(new Request(myazaUrl, { headers: { Authorization: `Bearer ${DEFAULT_CREDENTIALS.myaza.publishableKey}` } }));
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("can be turned off", async () => {
    const twin = createTwin("myaza", { cors: { myaza: false } });
    expect((await twin.handle(preflight(myazaUrl))).status).toBe(405);
  });
});

describe("Proof's twin: backend only by default", () => {
  it("does not answer a preflight (the call's OPTIONS is outside the contract) nor add Allow-Origin", async () => {
    const twin = createTwin("proof");
    const pre = await twin.handle(preflight(proofUrl));
    expect(pre.status).toBe(405);
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    const res = await twin.handle(new Request(proofUrl, { headers: { Origin: PAGE, Authorization: `Bearer ${DEFAULT_CREDENTIALS.proof.clientToken}` } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("with an allowlist, answers exactly its origins, echoing the origin and varying on it", async () => {
    const twin = createTwin("proof", { cors: { proof: [PAGE] } });
    const allowed = await twin.handle(preflight(proofUrl));
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(allowed.headers.get("vary")).toBe("Origin");
    const other = await twin.handle(preflight(proofUrl, "http://127.0.0.1:9999"));
    expect(other.status).toBe(405);
    const res = await twin.handle(new Request(proofUrl, { headers: { Origin: "http://127.0.0.1:9999", Authorization: `Bearer ${DEFAULT_CREDENTIALS.proof.clientToken}` } }));
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

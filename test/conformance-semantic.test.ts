/**
 * The semantic checks, one exchange at a time: each fixture case is correct (no finding of any
 * kind) and broken in exactly its check (the finding lands in its severity's list, nothing else
 * semantic fires). Also the cases each check must leave alone.
 */
import { describe, expect, it } from "vitest";
import { createConformanceChecker, type CheckResult, type Exchange } from "../src/conformance/index.js";
import { CONTRADICTION_NOTE } from "../src/conformance/semantic.js";
import { semanticCases, type CannedResponse, type SemanticCase } from "./fixtures/semantic-breakages.js";

const cases: SemanticCase[] = await semanticCases();

const toExchange = (c: SemanticCase, r: CannedResponse): Exchange => ({
  method: "GET",
  path: c.path,
  status: r.status,
  headers: r.headers,
  body: JSON.stringify(r.body),
  durationMs: r.delayMs ?? 5,
});

async function check(c: SemanticCase, r: CannedResponse): Promise<CheckResult> {
  const checker = await createConformanceChecker(c.provider, c.maxResponseMs ? { maxResponseMs: c.maxResponseMs } : {});
  return checker.check(toExchange(c, r));
}

const bucket = { violation: "violations", contradiction: "contradictions", warning: "warnings" } as const;

describe("semantic checks: each broken in exactly one way", () => {
  it("has a case for every semantic check", async () => {
    const checks = new Set((await semanticCases()).map((c) => c.check));
    expect([...checks].sort()).toEqual(
      ["btc-direct-error-catalogue", "btc-direct-error-key", "btc-direct-error-status", "id-echo", "myaza-completed-at", "myaza-reason", "myaza-reason-code-known", "proof-error-code", "response-time"].sort(),
    );
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: correct passes clean, broken reports only its check", async (_, c) => {
    // assert the correct variant has no finding of any kind
    const good = await check(c, c.correct);
    expect({ name: c.name, v: good.violations, c: good.contradictions, w: good.warnings }).toEqual({ name: c.name, v: [], c: [], w: [] });
    expect(good.ok).toBe(true);
    // assert the broken variant reports its check in its severity's list, with pointer, expected and actual
    const bad = await check(c, c.broken);
    const semantic = [...bad.violations, ...bad.contradictions, ...bad.warnings].filter((v) => v.check !== "body-schema");
    expect(semantic.map((v) => v.check), c.name).toEqual([c.check]);
    const found = bad[bucket[c.severity]].find((v) => v.check === c.check)!;
    expect(found.expected.length).toBeGreaterThan(0);
    expect(found.actual.length).toBeGreaterThan(0);
    expect(typeof found.pointer).toBe("string");
    // assert only violations fail an exchange
    expect(bad.ok).toBe(c.severity !== "violation");
  });
});

describe("semantic checks: what they leave alone", () => {
  it("a BTC Direct contradiction says the spec's status is an assumption", async () => {
    const c = cases.find((x) => x.check === "btc-direct-error-status")!;
    const r = await check(c, c.broken);
    expect(r.ok).toBe(true);
    expect(r.contradictions[0]!.message).toContain(CONTRADICTION_NOTE);
    expect(r.contradictions[0]!.expected).toBe("HTTP 401 (the spec's decision)");
  });

  it("Nyota Imara `me` is not compared with the body's userId", async () => {
    const c = cases.find((x) => x.provider === "nyota-imara")!;
    const r = await check({ ...c, path: "/v1/kyc/me" }, c.broken);
    expect(r.violations).toEqual([]);
  });

  it("a percent-encoded id is compared decoded", async () => {
    const c = cases.find((x) => x.provider === "proof" && x.check === "id-echo")!;
    const body = { ...(c.correct.body as object), partner_user_id: "user 7/7" };
    const r = await check({ ...c, path: "/widget/users/user%207%2F7/kyc-status" }, { ...c.correct, body });
    expect(r.violations).toEqual([]);
  });

  it("Proof accepts every code the spec's examples give for the status (both 401 codes)", async () => {
    const c = cases.find((x) => x.check === "proof-error-code")!;
    for (const code of ["invalid_token", "missing_token"]) {
      const r = await check(c, { ...c.correct, body: { ...(c.correct.body as object), code } });
      expect(r.violations, code).toEqual([]);
    }
  });

  it("Myaza: a pending verification needs no completedAt, reason or reasonCode", async () => {
    const c = cases.find((x) => x.check === "myaza-completed-at")!;
    const body = { verificationId: "ver_01J9X2M4K7P8Q3R5S6T9V0W1Y2", status: "pending", createdAt: "2026-04-27T12:00:00.000Z" };
    const r = await check(c, { ...c.correct, body });
    expect([...r.violations, ...r.warnings]).toEqual([]);
  });

  it("the response-time budget is off unless asked for", async () => {
    const c = cases.find((x) => x.check === "response-time")!;
    const r = await check({ ...c, maxResponseMs: undefined }, c.broken);
    expect(r.violations).toEqual([]);
  });
});

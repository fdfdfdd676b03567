/**
 * Lifecycle: the `x-lifecycle` rules each spec states, and the checker over recorded sequences of
 * responses about one id. Bodies are the spec's named examples with the id substituted.
 */
import { describe, expect, it } from "vitest";
import { createConformanceChecker, type Exchange } from "../src/conformance/index.js";
import { readLifecycle } from "../src/conformance/lifecycle.js";
import type { ProviderSlug } from "../src/providers.js";
import { listOperations, listResponses, listScenarios, loadSpec } from "../src/spec/index.js";

const headers: Record<ProviderSlug, Record<string, string>> = {
  proof: { "content-type": "application/json", "x-request-id": "req_1" },
  "btc-direct": { "content-type": "application/json" },
  "nyota-imara": { "content-type": "application/json" },
  myaza: { "content-type": "application/json", "ratelimit-limit": "100", "ratelimit-remaining": "99", "ratelimit-reset": "900" },
};
const ids = { proof: { path: (id: string) => `/widget/users/${id}/kyc-status`, set: (b: Record<string, unknown>, id: string) => ({ ...b, partner_user_id: id }) }, "nyota-imara": { path: (id: string) => `/v1/kyc/${id}`, set: (b: Record<string, unknown>, id: string) => ({ ...b, data: { ...(b.data as object), userId: id } }) }, myaza: { path: (id: string) => `/api/kyc/status/${id}`, set: (b: Record<string, unknown>, id: string) => ({ ...b, verificationId: id }) } } as const;
type Tracked = keyof typeof ids;

/** The 200 named example whose status is `status`, about `id`. */
async function observation(provider: Tracked, id: string, status: string): Promise<Exchange> {
  const statusOf = (v: Record<string, unknown>): unknown => (provider === "nyota-imara" ? (v.data as Record<string, unknown>).status : v.status);
  const example = listScenarios(await loadSpec(provider)).find((s) => s.status === "200" && statusOf(s.value as Record<string, unknown>) === status);
  if (!example) throw new Error(`${provider} has no 200 example with status ${status}`);
  const body = ids[provider].set(example.value as Record<string, unknown>, id);
  return { method: "GET", path: ids[provider].path(id), status: 200, headers: headers[provider], body: JSON.stringify(body) };
}

async function replay(provider: Tracked, sequence: [id: string, status: string][]): Promise<string[][]> {
  const checker = await createConformanceChecker(provider);
  const out: string[][] = [];
  for (const [id, status] of sequence) out.push(checker.check(await observation(provider, id, status)).violations.map((v) => `${v.check} ${v.expected} → ${v.actual}`));
  return out;
}

describe("x-lifecycle in the specs", () => {
  it.each(["proof", "nyota-imara", "myaza"] as const)("%s: has a rule with a source for every status its examples show, naming only those statuses", async (provider) => {
    const spec = await loadSpec(provider);
    const [op] = listOperations(spec);
    const success = listResponses(spec, op!).find((r) => r.status === "200")!;
    const lifecycle = readLifecycle(spec, success)!;
    expect(lifecycle).toBeDefined();
    const statusOf = (v: unknown): unknown => lifecycle.statusPointer.slice(1).split("/").reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], v);
    const statuses = new Set(success.media[0]!.examples.map((e) => statusOf(e.value)));
    // assert every observed status has a rule and the rules name no status the spec lacks
    expect([...lifecycle.rules.keys()].sort()).toEqual([...statuses].sort());
    for (const rule of lifecycle.rules.values()) {
      for (const to of rule.to) expect(statuses.has(to), `${provider}: ${rule.from} → ${to}`).toBe(true);
      expect(rule.source.length).toBeGreaterThan(20);
    }
  });

  it("BTC Direct states that its transitions are not checked", async () => {
    const spec = await loadSpec("btc-direct");
    const success = listResponses(spec, listOperations(spec)[0]!).find((r) => r.status === "200")!;
    expect(readLifecycle(spec, success)).toBeUndefined();
    expect(JSON.stringify(spec)).toContain('"checked":false');
  });
});

describe("lifecycle checker over recorded sequences", () => {
  it("Myaza: pending → verified is allowed; a final status never changes", async () => {
    const r = await replay("myaza", [
      ["ver_01AAAAAAAAAAAAAAAAAAAAAAAA", "pending"],
      ["ver_01AAAAAAAAAAAAAAAAAAAAAAAA", "pending"],
      ["ver_01AAAAAAAAAAAAAAAAAAAAAAAA", "verified"],
      ["ver_01AAAAAAAAAAAAAAAAAAAAAAAA", "verified"],
      ["ver_01AAAAAAAAAAAAAAAAAAAAAAAA", "pending"],
      ["ver_01BBBBBBBBBBBBBBBBBBBBBBBB", "failed"],
      ["ver_01BBBBBBBBBBBBBBBBBBBBBBBB", "verified"],
    ]);
    expect(r).toEqual([[], [], [], [], ['lifecycle-transition verified (final: no status may follow it) → "pending"'], [], ['lifecycle-transition failed (final: no status may follow it) → "verified"']]);
  });

  it("Nyota Imara: resubmission (pending) only after rejected", async () => {
    const r = await replay("nyota-imara", [
      ["usr_1", "none"],
      ["usr_1", "pending"],
      ["usr_1", "rejected"],
      ["usr_1", "pending"],
      ["usr_1", "verified"],
      ["usr_1", "pending"],
    ]);
    expect(r.slice(0, 5)).toEqual([[], [], [], [], []]);
    expect(r[5]).toEqual(['lifecycle-transition verified (final: no status may follow it) → "pending"']);
  });

  it("Proof: a poll may skip pending, but nothing goes back to not_started", async () => {
    const r = await replay("proof", [
      ["user-1", "not_started"],
      ["user-1", "verified"],
      ["user-2", "pending"],
      ["user-2", "not_started"],
    ]);
    expect(r).toEqual([[], [], [], ['lifecycle-transition pending or one of ["verified","failed"] → "not_started"']]);
  });

  it("the violation names both observations and the rule's source", async () => {
    const checker = await createConformanceChecker("myaza");
    checker.check(await observation("myaza", "ver_01CCCCCCCCCCCCCCCCCCCCCCCC", "not_found"));
    const [v] = checker.check(await observation("myaza", "ver_01CCCCCCCCCCCCCCCCCCCCCCCC", "pending")).violations;
    expect(v?.pointer).toBe("/status");
    expect(v?.message).toMatch(/went from not_found \(exchange 1\) to pending \(exchange 2\)/);
    expect(v?.message).toContain("polling guidance");
  });

  it("is off when asked (Prism mocks serve any example for any id)", async () => {
    const checker = await createConformanceChecker("myaza", { lifecycle: false });
    checker.check(await observation("myaza", "ver_01DDDDDDDDDDDDDDDDDDDDDDDD", "verified"));
    expect(checker.check(await observation("myaza", "ver_01DDDDDDDDDDDDDDDDDDDDDDDD", "pending")).violations).toEqual([]);
  });
});

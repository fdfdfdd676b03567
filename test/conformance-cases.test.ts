/**
 * The suite's own case expectations (src/conformance/cases.ts), on hand-made exchanges: each case
 * passes the answer it asks for and names its check on a wrong one. The end-to-end runs
 * (conform-cli.test.ts) prove them against servers; these pin the judgement itself.
 */
import { describe, expect, it } from "vitest";
import { planCases } from "../src/conformance/cases.js";
import { listOperations, loadSpec } from "../src/spec/index.js";

const spec = await loadSpec("myaza");
const op = listOperations(spec)[0]!;
const cases = planCases("myaza", spec, op, { credentials: { apiKey: "sk_test_0123456789abcdef0123456789abcdef" }, subjectId: "ver_known1", secrets: [] });
const byTitle = (start: string) => {
  const found = cases.find((c) => c.title.startsWith(start));
  if (!found) throw new Error(`no case titled "${start}…" among: ${cases.map((c) => c.title).join("; ")}`);
  return found;
};
const exchange = (status: number, body: unknown) => ({ method: "GET", path: "/api/kyc/status/ver_x", status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const verified = { verificationId: "ver_9f8e7d6c5b4a", status: "verified", createdAt: "2026-04-27T12:00:00.000Z", completedAt: "2026-04-27T12:00:05.000Z" };

describe("planCases (myaza)", () => {
  it("an unknown id must get the documented not-found status", () => {
    const c = byTitle("unknown id →");
    expect(c.expect(exchange(404, { error: "Verification not found" }))).toEqual([]);
    expect(c.expect(exchange(200, verified)).map((f) => f.check)).toEqual(["not-found"]);
    expect(c.expect(exchange(500, { error: "boom" })).map((f) => f.check)).toEqual(["not-found"]);
  });

  it("a Prefer case wants that status and that named example verbatim", () => {
    const c = byTitle('serves 200 example "pending"');
    expect(c.request.headers.Prefer).toBe("code=200, example=pending");
    const pending = { verificationId: "ver_01j9x2m4k7p8q3r5s6t9v0w1y2", status: "pending", createdAt: "2026-04-27T12:00:00.000Z" }; // the spec's example, verbatim
    expect(c.expect(exchange(200, pending))).toEqual([]);
    // another example of the same status: the body differs
    expect(c.expect(exchange(200, verified)).map((f) => f.check)).toEqual(["example-served"]);
    // neither the status nor the body
    expect(c.expect(exchange(404, { error: "Verification not found" })).map((f) => f.check)).toEqual(["example-served", "example-served"]);
  });
});

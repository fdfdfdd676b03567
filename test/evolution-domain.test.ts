/**
 * The KYC domain rules of the diff (src/evolution/domain.ts) on real edits of copies of the
 * provider specs, bundled from the split sources as `kyc-contracts diff` reads them: each rule
 * family names the response that carries the change (`GET /path 200 → kyc status "expired"`),
 * once per operation when a component is shared, and points where the schema rules point (the
 * bundled document's node, into the old one for a removal).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSpecs, type ProviderDiff, type SpecChange } from "../src/evolution/diff.js";
import type { JsonObject } from "../src/json.js";
import type { ProviderSlug } from "../src/providers.js";
import { specDocument, type OpenApiDocument } from "../src/spec/load.js";
import { readSpecFile } from "../src/spec/source.js";
import { getAtPointer } from "../src/spec/walk.js";
import { copySpecWithEdit, type SpecEdit } from "./support/spec-copy.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A provider's spec copied with the edits, bundled from its split sources. */
async function edited(slug: ProviderSlug, edits: SpecEdit | readonly SpecEdit[]): Promise<OpenApiDocument> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kyc-domain-where-"));
  dirs.push(dir);
  const read = await readSpecFile(path.join(copySpecWithEdit(dir, slug, edits), slug, "openapi.yaml"), slug);
  if (!read.ok) throw new Error(read.message);
  return read.spec.document;
}

/** The package's spec of `slug` against a copy with the edits. */
const diffEdited = async (slug: ProviderSlug, edits: SpecEdit | readonly SpecEdit[]): Promise<{ diff: ProviderDiff; old: OpenApiDocument; now: OpenApiDocument }> => {
  const old = specDocument(slug);
  const now = await edited(slug, edits);
  return { diff: diffSpecs(old, now, { provider: slug }), old, now };
};

const only = (d: ProviderDiff, id: string): SpecChange[] => d.changes.filter((c) => c.id === id);
const placeOf = (c: SpecChange | undefined): [string, string] | undefined => c && [c.where, c.pointer];

const PROOF = "GET /widget/users/{partner_user_id}/kyc-status";
const NYOTA = "GET /v1/kyc/{userId}";
const MYAZA = "GET /api/kyc/status/{verificationId}";
const BTC = "GET /api/v2/user/verification-status";

describe("status value rules name the response", () => {
  it("proof: a new raw status, unmapped", async () => {
    const { diff, now } = await diffEdited("proof", { file: "components/schemas/KycStatus.yaml", from: "  - failed\n", to: "  - failed\n  - expired\n" });
    const where = `${PROOF} 200 → kyc status "expired"`;
    // assert both domain rules name the operation and its response, not the old bare "kyc status"
    expect(only(diff, "kyc-status-value-added").map(placeOf)).toEqual([[where, "/components/schemas/KycStatus/enum"]]);
    expect(only(diff, "kyc-status-unmapped").map(placeOf)).toEqual([[where, "/components/schemas/KycStatus/enum"]]);
    expect(diff.changes.map((c) => c.where)).not.toContain("kyc status");
    // assert the same response and node as the schema rule's change for the same edit: the where starts with it, the pointer is its pointer
    const schemaRule = only(diff, "response-enum-value-added")[0];
    expect(where.startsWith(`${schemaRule?.where} → `)).toBe(true);
    expect(schemaRule?.pointer).toBe("/components/schemas/KycStatus/enum");
    // assert the pointer finds the node in the bundled document
    expect(getAtPointer(now, "/components/schemas/KycStatus/enum")).toContain("expired");
  });

  it("myaza: a status added in one oneOf branch points into that branch", async () => {
    const { diff } = await diffEdited("myaza", { file: "components/schemas/PendingVerificationStatus.yaml", from: "enum: [pending]", to: "enum: [pending, queued]" });
    // assert the branch's enum, reached from the 200 response through VerificationStatusResponse's oneOf
    expect(only(diff, "kyc-status-value-added").map(placeOf)).toEqual([[`${MYAZA} 200 → kyc status "queued"`, "/components/schemas/PendingVerificationStatus/properties/status/enum"]]);
  });

  it("nyota-imara: a status removed is named and pointed to in the old document", async () => {
    const { diff, old } = await diffEdited("nyota-imara", { file: "components/schemas/KycStatus.yaml", from: "  - rejected\nx-lifecycle", to: "x-lifecycle" });
    const [removed] = only(diff, "kyc-status-value-removed");
    expect(placeOf(removed)).toEqual([`${NYOTA} 200 → kyc status "rejected"`, "/components/schemas/KycStatus/enum"]);
    // assert the pointer is into the old document, which still holds the value
    expect(getAtPointer(old, removed!.pointer)).toContain("rejected");
  });
});

describe("lifecycle rules name the response", () => {
  it("proof: a transition out of a final status", async () => {
    const { diff, now } = await diffEdited("proof", { file: "components/schemas/KycStatus.yaml", from: "    - from: verified\n      to: []", to: "    - from: verified\n      to: [failed]" });
    const [change] = only(diff, "lifecycle-transition-from-final-added");
    // assert the operation, the response and the two statuses; not the old "lifecycle verified → failed"
    expect(placeOf(change)).toEqual([`${PROOF} 200 → kyc status "verified" → "failed"`, "/components/schemas/KycStatus/x-lifecycle/transitions/3"]);
    expect(getAtPointer(now, change!.pointer)).toMatchObject({ from: "verified", to: ["failed"] });
  });

  it("nyota-imara: a transition added and one removed", async () => {
    const { diff, old } = await diffEdited("nyota-imara", { file: "components/schemas/KycStatus.yaml", from: "      to: [pending, verified]", to: "      to: [pending, none]" });
    expect(only(diff, "lifecycle-transition-added").map(placeOf)).toEqual([[`${NYOTA} 200 → kyc status "rejected" → "none"`, "/components/schemas/KycStatus/x-lifecycle/transitions/2"]]);
    const [removed] = only(diff, "lifecycle-transition-removed");
    expect(placeOf(removed)).toEqual([`${NYOTA} 200 → kyc status "rejected" → "verified"`, "/components/schemas/KycStatus/x-lifecycle/transitions/2"]);
    // assert the removal's pointer is into the old document, where the transition is
    expect(getAtPointer(old, removed!.pointer)).toMatchObject({ from: "rejected", to: ["pending", "verified"] });
  });

  it("btc-direct: a requirement's lifecycle, reached through the response array's items", async () => {
    const { diff } = await diffEdited("btc-direct", { file: "components/schemas/VerificationRequirement.yaml", from: "  transitions: []", to: "  transitions:\n    - from: pending\n      to: [missing]" });
    expect(only(diff, "lifecycle-transition-added").map(placeOf)).toEqual([[`${BTC} 200 → kyc status "pending" → "missing"`, "/components/schemas/VerificationRequirement/x-lifecycle/transitions/0"]]);
  });
});

describe("BTC Direct catalogue rules name the error response that carries the code", () => {
  const badRequest = "components/responses/BadRequest.yaml";
  const er707Ref = "      er707_identifier_malformed:\n        $ref: ../examples/er707_identifier_malformed.yaml\n";

  it("a code's text changed", async () => {
    const { diff, now } = await diffEdited("btc-direct", { file: "components/examples/er707_identifier_malformed.yaml", from: "numeric or alphanumeric only.", to: "alphanumeric only." });
    const [change] = only(diff, "btc-direct-error-text-changed");
    // assert the response (as the example rule names it) and the solution's pointer under the example the example rule points to
    expect(placeOf(change)).toEqual([`${BTC} 400 → error ER707`, "/components/examples/er707_identifier_malformed/value/errors/ER707/solution"]);
    expect(only(diff, "response-example-changed").map(placeOf)).toEqual([[`${BTC} 400 application/json`, "/components/examples/er707_identifier_malformed"]]);
    expect(getAtPointer(now, change!.pointer)).toBe("Please provide an identifier, consisting of 36 - 255 characters, alphanumeric only.");
  });

  it("a code moved to another status: named by the response that carries it now", async () => {
    const { diff } = await diffEdited("btc-direct", [
      { file: badRequest, from: er707Ref, to: "" },
      { file: "components/responses/Unauthorized.yaml", from: "    examples:\n", to: `    examples:\n${er707Ref}` },
    ]);
    expect(only(diff, "btc-direct-error-code-moved").map(placeOf)).toEqual([[`${BTC} 401 → error ER707`, "/components/examples/er707_identifier_malformed"]]);
  });

  it("a code removed: named by the response that carried it, pointed to in the old document", async () => {
    const { diff, old } = await diffEdited("btc-direct", { file: badRequest, from: er707Ref, to: "" });
    const [change] = only(diff, "btc-direct-error-code-removed");
    expect(placeOf(change)).toEqual([`${BTC} 400 → error ER707`, "/components/examples/er707_identifier_malformed"]);
    expect(getAtPointer(old, `${change!.pointer}/value/errors/ER707/code`)).toBe("ER707");
  });

  it("a code added inline in a response: pointed to where it is written", async () => {
    const inline = "      er710_example_added:\n        value:\n          errors:\n            ER710:\n              code: ER710\n              message: Added.\n              solution: None.\n";
    const { diff } = await diffEdited("btc-direct", { file: badRequest, from: "    examples:\n", to: `    examples:\n${inline}` });
    expect(only(diff, "btc-direct-error-code-added").map(placeOf)).toEqual([[`${BTC} 400 → error ER710`, "/components/responses/BadRequest/content/application~1json/examples/er710_example_added"]]);
  });
});

describe("a component several operations use", () => {
  const secondPath = {
    file: "openapi.yaml",
    from: "paths:\n",
    to: "paths:\n  /v2/widget/users/{partner_user_id}/kyc-status:\n    $ref: paths/widget_users_{partner_user_id}_kyc-status.yaml\n",
  };
  const expired = { file: "components/schemas/KycStatus.yaml", from: "  - failed\n", to: "  - failed\n  - expired\n" };

  it("one change per operation, like the schema rule, each with its own fingerprint", async () => {
    const old = await edited("proof", secondPath);
    const now = await edited("proof", [secondPath, expired]);
    const diff = diffSpecs(old, now, { provider: "proof" });
    const wheres = [`${PROOF} 200 → kyc status "expired"`, `GET /v2/widget/users/{partner_user_id}/kyc-status 200 → kyc status "expired"`].sort();
    for (const id of ["kyc-status-value-added", "kyc-status-unmapped"]) {
      // assert each operation named once, the shared component's node as the pointer of both
      expect(only(diff, id).map((c) => c.where).sort()).toEqual(wheres);
      expect(new Set(only(diff, id).map((c) => c.pointer))).toEqual(new Set(["/components/schemas/KycStatus/enum"]));
    }
    // assert the schema rule reports the same edit once per operation too
    expect(only(diff, "response-enum-value-added")).toHaveLength(2);
    expect(new Set(diff.changes.map((c) => c.fingerprint)).size).toBe(diff.changes.length);
  });

  it("a lifecycle schema no response uses is reported once, as what changed", () => {
    const doc = structuredClone(specDocument("proof")) as OpenApiDocument & { components: { schemas: Record<string, JsonObject> } };
    const unused = structuredClone(doc);
    unused.components.schemas.Unused = { type: "string", enum: ["a"], "x-lifecycle": { transitions: [{ from: "a", to: [] }] } };
    const next = structuredClone(unused);
    next.components.schemas.Unused!.enum = ["a", "b"];
    const diff = diffSpecs(unused, next, { provider: "proof" });
    // assert no operation is invented: the value alone, at the unused schema's enum
    expect(only(diff, "kyc-status-value-added").map(placeOf)).toEqual([['kyc status "b"', "/components/schemas/Unused/enum"]]);
  });
});

/**
 * The normalized status: the mapping the issue asks for, kept in step with the specs' status
 * values, and rendered into the README.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generatedSectionFiles, replaceGeneratedSection, sectionMarkers } from "../scripts/generated-section.js";
import { providerSlugs, type ProviderSlug } from "../src/providers.js";
import { listOperations, listResponses, loadSpec, resolve, type OpenApiDocument } from "../src/spec/index.js";
import {
  documentedStatuses,
  normalizeBtcDirectStatus,
  normalizeMyazaStatus,
  normalizeNyotaImaraStatus,
  normalizeProofStatus,
  renderStatusTableMarkdown,
  stateOf,
  type KycState,
} from "../src/status.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The status values a schema allows at `field`, following `$ref`s and `oneOf`/`anyOf`/`allOf` branches. */
function allowedValues(doc: OpenApiDocument, pointer: string, field: readonly string[]): string[] {
  const { value, pointer: at } = resolve(doc, pointer);
  const schema = value as Record<string, unknown>;
  for (const combinator of ["oneOf", "anyOf", "allOf"]) {
    const branches = schema[combinator];
    if (Array.isArray(branches)) return branches.flatMap((_, i) => allowedValues(doc, `${at}/${combinator}/${i}`, field));
  }
  if (field.length === 0) return Array.isArray(schema.enum) ? (schema.enum as string[]) : schema.const !== undefined ? [schema.const as string] : [];
  return allowedValues(doc, `${at}/properties/${field[0]}`, field.slice(1));
}

async function successSchema(slug: ProviderSlug): Promise<{ doc: OpenApiDocument; pointer: string; examples: unknown[] }> {
  const doc = await loadSpec(slug);
  const op = listOperations(doc)[0]!;
  const ok = listResponses(doc, op).find((r) => r.status === "200")!;
  const media = ok.media.find((m) => m.mediaType === "application/json")!;
  return { doc, pointer: media.schemaPointer!, examples: media.examples.map((e) => e.value) };
}

describe("status table", () => {
  it.each([
    ["proof", ["status"]],
    ["nyota-imara", ["data", "status"]],
    ["myaza", ["status"]],
  ] as const)("%s: lists exactly the status values its spec allows", async (slug, field) => {
    const { doc, pointer } = await successSchema(slug);
    const fromSpec = allowedValues(doc, pointer, field);
    expect(fromSpec.length).toBeGreaterThan(2);
    expect([...documentedStatuses(slug)].sort()).toEqual([...new Set(fromSpec)].sort());
  });

  it("btc-direct: covers every requirement status in the spec's examples (the values are open)", async () => {
    const { examples } = await successSchema("btc-direct");
    const seen = new Set(examples.flatMap((e) => (e as { status: string }[]).map((i) => i.status)));
    expect(seen.size).toBeGreaterThan(1);
    for (const status of seen) expect(documentedStatuses("btc-direct"), status).toContain(status);
  });

  // The mapping the issue specifies, row by row.
  it.each<[ProviderSlug, string, KycState]>([
    ["proof", "not_started", "not_started"],
    ["proof", "pending", "pending"],
    ["proof", "verified", "approved"],
    ["proof", "failed", "rejected"],
    ["nyota-imara", "none", "not_started"],
    ["nyota-imara", "pending", "pending"],
    ["nyota-imara", "verified", "approved"],
    ["nyota-imara", "rejected", "rejected"],
    ["myaza", "pending", "pending"],
    ["myaza", "verified", "approved"],
    ["myaza", "failed", "rejected"],
    ["myaza", "not_found", "rejected"],
    ["myaza", "error", "error"],
    ["btc-direct", "missing", "action_required"],
    ["btc-direct", "open", "action_required"],
    ["btc-direct", "pending", "pending"],
  ])("%s %s → %s", (slug, raw, state) => {
    expect(stateOf(slug, raw)).toBe(state);
  });

  it("maps anything else to unknown, including inherited property names", () => {
    for (const slug of providerSlugs) {
      for (const raw of ["expired", "", "VERIFIED", "__proto__", "constructor", "toString", "hasOwnProperty"]) expect(stateOf(slug, raw), `${slug} ${raw}`).toBe("unknown");
    }
  });
});

describe("normalizers", () => {
  it("Proof and Myaza read `status`; Myaza keeps reasonCode and reason", () => {
    expect(normalizeProofStatus({ partner_user_id: "u", status: "verified" })).toEqual({ state: "approved", provider: "proof", rawStatus: "verified" });
    expect(normalizeMyazaStatus({ verificationId: "ver_1", status: "error", reason: "Down.", reasonCode: "provider_unavailable", createdAt: "2026-01-01T00:00:00Z" })).toStrictEqual({
      state: "error",
      provider: "myaza",
      rawStatus: "error",
      reasonCode: "provider_unavailable",
      reason: "Down.",
    });
    expect(normalizeMyazaStatus({ verificationId: "ver_1", status: "pending", createdAt: "2026-01-01T00:00:00Z" })).toStrictEqual({ state: "pending", provider: "myaza", rawStatus: "pending" });
  });

  it("Nyota Imara reads data.status and keeps a non-null rejectionReason as reason", () => {
    const record = (status: string, rejectionReason: string | null) =>
      ({ success: true, data: { status, rejectionReason } }) as unknown as Parameters<typeof normalizeNyotaImaraStatus>[0];
    expect(normalizeNyotaImaraStatus(record("none", null))).toStrictEqual({ state: "not_started", provider: "nyota-imara", rawStatus: "none" });
    expect(normalizeNyotaImaraStatus(record("rejected", "Blurred."))).toStrictEqual({ state: "rejected", provider: "nyota-imara", rawStatus: "rejected", reason: "Blurred." });
  });

  it.each<[string, { name: string; status: string }[], KycState, string[] | undefined, string]>([
    ["no requirement left: approved", [], "approved", undefined, "[]"],
    ["only pending: pending", [{ name: "emailCode", status: "pending" }, { name: "verificationFlag", status: "pending" }], "pending", undefined, "pending"],
    ["any missing: action_required, listing it", [{ name: "emailCode", status: "pending" }, { name: "idDocument", status: "missing" }], "action_required", ["idDocument"], "pending, missing"],
    ["open counts as missing", [{ name: "kyc", status: "open" }], "action_required", ["kyc"], "open"],
    ["an unknown status beside pending: unknown, not pending", [{ name: "a", status: "pending" }, { name: "b", status: "escalated" }], "unknown", undefined, "pending, escalated"],
    ["missing beside an unknown status: still action_required", [{ name: "a", status: "escalated" }, { name: "b", status: "missing" }], "action_required", ["b"], "escalated, missing"],
  ])("BTC Direct: %s", (_name, items, state, outstanding, rawStatus) => {
    const status = normalizeBtcDirectStatus(items);
    expect(status.state).toBe(state);
    expect(status.outstanding).toEqual(outstanding);
    expect(status.rawStatus).toBe(rawStatus);
  });
});

const { start: README_STATUS_TABLE_START, end: README_STATUS_TABLE_END } = sectionMarkers("status-normalization");

describe("the status normalization table of docs/clients-and-status.md", () => {
  it("is the rendering of the table (npm run generate writes it)", () => {
    const readme = readFileSync(path.join(root, generatedSectionFiles["status-normalization"]), "utf8");
    const section = readme.slice(readme.indexOf(README_STATUS_TABLE_START) + README_STATUS_TABLE_START.length, readme.indexOf(README_STATUS_TABLE_END));
    expect(section.trim()).toBe(renderStatusTableMarkdown());
  });

  it("renders one row per mapped status, plus BTC Direct's empty list and the unknown row", () => {
    const rows = renderStatusTableMarkdown().split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Provider") && !l.startsWith("| ---"));
    expect(rows).toHaveLength(18);
    expect(rows).toContain("|  | `not_found` | `rejected` |  |");
    expect(rows).toContain("| BTC Direct | `[]` (no outstanding requirement) | `approved` | `outstanding`: names of the `missing` / `open` requirements |");
    expect(rows.at(-1)).toBe("| any | a value its spec does not list | `unknown` | `rawStatus` keeps the value |");
  });

  it("refuses a guide without the markers", () => {
    expect(() => replaceGeneratedSection("# no markers\n", "status-normalization", "x")).toThrow(/lacks the markers/);
    expect(replaceGeneratedSection(`a\n${README_STATUS_TABLE_START}\nold\n${README_STATUS_TABLE_END}\nb`, "status-normalization", "new")).toBe(
      `a\n${README_STATUS_TABLE_START}\nnew\n${README_STATUS_TABLE_END}\nb`,
    );
  });
});

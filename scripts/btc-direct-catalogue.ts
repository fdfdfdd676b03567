/**
 * Derives BTC Direct's error catalogue (code → HTTP status, message, solution) from the named
 * examples of the error responses in a dereferenced spec. Each example must carry exactly one
 * error, keyed by its own code; a code may appear under one HTTP status only.
 */
import { readBtcDirectCatalogue, type CatalogueEntry } from "../src/spec/btc-direct-catalogue.js";

export type { CatalogueEntry } from "../src/spec/btc-direct-catalogue.js";

/** The catalogue of a (bundled or dereferenced) spec; throws when it is inconsistent (`npm run generate` must stop). */
export function deriveBtcDirectCatalogue(spec: Record<string, unknown>): CatalogueEntry[] {
  const { entries, problems } = readBtcDirectCatalogue(spec);
  if (problems.length > 0) {
    throw new Error(`BTC Direct error catalogue is inconsistent:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  if (entries.length === 0) throw new Error("BTC Direct error catalogue is empty: no error response has named examples.");
  return entries;
}

export function renderBtcDirectCatalogue(entries: readonly CatalogueEntry[]): string {
  const union = entries.map((e) => JSON.stringify(e.code)).join(" | ");
  const rows = entries
    .map(
      (e) =>
        `  ${e.code}: {\n    httpStatus: ${e.httpStatus},\n    message: ${JSON.stringify(e.message)},\n    solution: ${JSON.stringify(e.solution)},\n    example: ${JSON.stringify(e.example)},\n  },`,
    )
    .join("\n");
  return `
/** Every error code BTC Direct documents for GET /api/v2/user/verification-status. */
export type BtcDirectErrorCode = ${union};

export interface BtcDirectErrorEntry {
  /** HTTP status the spec assigns (only ER801 → 400 is documented by BTC Direct). */
  readonly httpStatus: number;
  readonly message: string;
  readonly solution: string;
  /** Named example in the spec; Prism serves it with \`Prefer: code=<httpStatus>, example=<example>\`. */
  readonly example: string;
}

export const btcDirectErrorCatalogue = {
${rows}
} as const satisfies Record<BtcDirectErrorCode, BtcDirectErrorEntry>;

export const btcDirectErrorCodes: readonly BtcDirectErrorCode[] = [${entries.map((e) => JSON.stringify(e.code)).join(", ")}];

export function isBtcDirectErrorCode(code: string): code is BtcDirectErrorCode {
  return Object.prototype.hasOwnProperty.call(btcDirectErrorCatalogue, code);
}
`;
}

/** The Markdown table of the catalogue (docs/clients-and-status.md, section `btc-direct-catalogue`). */
export function renderCatalogueMarkdown(entries: readonly CatalogueEntry[]): string {
  const cell = (s: string): string => s.replace(/\|/g, "\\|");
  const rows = entries.map((e) => `| ${e.code} | ${e.httpStatus}${e.code === "ER801" ? "" : "\\*"} | ${cell(e.message)} | ${cell(e.solution)} | \`${e.example}\` |`);
  return [
    "| Code | HTTP | Message | Solution | Mock example |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "\\* HTTP status assumed by this spec: BTC Direct documents only ER801 → 400.",
  ].join("\n");
}

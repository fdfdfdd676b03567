/**
 * Derives BTC Direct's error catalogue (code → HTTP status, message, solution) from the named
 * examples of the error responses in a dereferenced spec. Each example must carry exactly one
 * error, keyed by its own code; a code may appear under one HTTP status only.
 */
import { isObject } from "../src/json.js";

export interface CatalogueEntry {
  code: string;
  httpStatus: number;
  message: string;
  solution: string;
  /** Name of the spec example that carries it (usable with Prism's `Prefer: example=`). */
  example: string;
}

type Json = Record<string, unknown>;


export function deriveBtcDirectCatalogue(spec: Json): CatalogueEntry[] {
  const entries = new Map<string, CatalogueEntry>();
  const problems: string[] = [];
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        const httpStatus = Number(status);
        if (!(httpStatus >= 400) || !isObject(response) || !isObject(response.content)) continue;
        for (const media of Object.values(response.content)) {
          if (!isObject(media) || !isObject(media.examples)) continue;
          for (const [name, example] of Object.entries(media.examples)) {
            const where = `${method.toUpperCase()} ${route} → ${status} example "${name}"`;
            const errors = isObject(example) && isObject(example.value) ? example.value.errors : undefined;
            if (!isObject(errors) || Object.keys(errors).length !== 1) {
              problems.push(`${where}: must carry exactly one error in value.errors`);
              continue;
            }
            const [key, detail] = Object.entries(errors)[0] as [string, unknown];
            if (!isObject(detail) || detail.code !== key || typeof detail.message !== "string" || typeof detail.solution !== "string") {
              problems.push(`${where}: errors.${key} must be { code: "${key}", message, solution }`);
              continue;
            }
            if (!name.toUpperCase().startsWith(`${key}_`)) {
              problems.push(`${where}: example name must start with "${key.toLowerCase()}_"`);
              continue;
            }
            const previous = entries.get(key);
            if (previous) {
              problems.push(`${where}: ${key} is already catalogued under ${previous.httpStatus} ("${previous.example}")`);
              continue;
            }
            entries.set(key, { code: key, httpStatus, message: detail.message, solution: detail.solution, example: name });
          }
        }
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(`BTC Direct error catalogue is inconsistent:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  if (entries.size === 0) throw new Error("BTC Direct error catalogue is empty: no error response has named examples.");
  return [...entries.values()].sort((a, b) => a.code.localeCompare(b.code));
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

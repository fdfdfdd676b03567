/**
 * A provider's error catalogue, read from its spec: every 4xx/5xx response of every operation
 * and each of its named examples, with the readable fields of the error body. Nothing here knows
 * a provider's error shape; the fields are whatever text the examples carry (Proof `error`,
 * `code`, `message`; BTC Direct `code`, `message`, `solution` inside `errors.<code>`; …).
 */
import type { OpenApiDocument } from "../spec/load.js";
import { listOperations, listResponses } from "../spec/walk.js";
import { markdownCode, markdownLiteral, markdownProse, markdownTable } from "./text.js";
import { isObject } from "../json.js";

export interface ErrorCatalogueEntry {
  /** `GET /path` of the operation that returns it. */
  operation: string;
  /** HTTP status as written in the spec (`401`, `4XX`). */
  status: string;
  /** The response's description: when the provider answers with this status. */
  when: string;
  /** Name of the named example (what a Prism mock serves with `Prefer: example=…`). */
  example: string;
  summary: string | undefined;
  /** The error body's text fields, in body order (field name → value). */
  fields: ReadonlyArray<readonly [string, string]>;
}


const isErrorStatus = (status: string): boolean => /^[45]/.test(status);

/**
 * The text fields of an error body. Envelopes that hold a single object and no text of their
 * own (BTC Direct's `{ errors: { ER801: { … } } }`) are unwrapped down to the error itself.
 */
export function errorFields(body: unknown): Array<[string, string]> {
  let node = body;
  for (;;) {
    if (!isObject(node)) return typeof node === "string" ? [["body", node]] : [];
    const text = Object.entries(node).filter((e): e is [string, string] => typeof e[1] === "string");
    if (text.length > 0) return text;
    const values = Object.values(node);
    if (values.length !== 1) return [];
    node = values[0];
  }
}

/** Every documented error of every operation, in spec order (operation, status, example). */
export function listErrorCatalogue(doc: OpenApiDocument): ErrorCatalogueEntry[] {
  return listOperations(doc).flatMap((op) =>
    listResponses(doc, op)
      .filter((res) => isErrorStatus(res.status))
      .flatMap((res) =>
        res.media.flatMap((m) =>
          m.examples.map((ex) => ({
            operation: `${op.method.toUpperCase()} ${op.path}`,
            status: res.status,
            when: res.description,
            example: ex.name,
            summary: ex.summary,
            fields: errorFields(ex.value),
          })),
        ),
      ),
  );
}

/**
 * The example's summary when it says more than the fields already do (BTC Direct's
 * "ER801 — Authorization token has expired." does not; Myaza's "Invalid API key (verbatim from
 * the docs)" does).
 */
export function noteOf(entry: ErrorCatalogueEntry): string {
  if (!entry.summary) return "";
  let rest = entry.summary.toLowerCase();
  const values = entry.fields.map(([, value]) => value.toLowerCase()).sort((a, b) => b.length - a.length);
  for (const value of values) rest = rest.split(value).join(" ");
  return /[\p{L}\p{N}]/u.test(rest) ? entry.summary : "";
}

export const ERROR_CATALOGUE_HEADING = "Error catalogue";

/** The catalogue as Markdown: the error statuses and when they occur, then one row per error. */
export function renderErrorCatalogue(entries: readonly ErrorCatalogueEntry[]): string {
  if (entries.length === 0) return `## ${ERROR_CATALOGUE_HEADING}\n\nThis spec documents no error responses.\n`;
  const operations = [...new Set(entries.map((e) => e.operation))];
  const fieldNames = [...new Set(entries.flatMap((e) => e.fields.map(([name]) => name)))];
  const hasNotes = entries.some((e) => noteOf(e) !== "");
  const multi = operations.length > 1;
  const statuses = [...new Map(entries.map((e) => [`${e.operation} ${e.status}`, e])).values()];
  const statusTable = markdownTable(
    [...(multi ? ["Operation"] : []), "HTTP", "When"],
    statuses.map((e) => [...(multi ? [markdownCode(e.operation)] : []), e.status, markdownProse(e.when)]),
  );
  const errorTable = markdownTable(
    [...(multi ? ["Operation"] : []), "HTTP", ...fieldNames.map(markdownCode), "Example", ...(hasNotes ? ["Note"] : [])],
    entries.map((e) => {
      const fields = new Map(e.fields);
      return [
        ...(multi ? [markdownCode(e.operation)] : []),
        e.status,
        ...fieldNames.map((name) => markdownLiteral(fields.get(name) ?? "")),
        markdownCode(e.example),
        ...(hasNotes ? [markdownProse(noteOf(e))] : []),
      ];
    }),
  );
  return `## ${ERROR_CATALOGUE_HEADING}

Every error this spec documents, generated from its error responses when these pages were built:
${entries.length} errors under ${statuses.length} HTTP statuses. *Example* names the spec's named
example of the error; a Prism mock of this spec serves it with
\`Prefer: code=<HTTP>, example=<Example>\`.

${statusTable}

${errorTable}
`;
}

/**
 * The status values a provider's success responses carry, read from its spec: the `status`
 * fields of the 2xx response schemas (wherever they sit: `status`, `data.status`,
 * `[].status`), their enum when the schema closes them, and the values its named examples show.
 */
import type { OpenApiDocument } from "../spec/load.js";
import { escapePointer, listResponses, resolve, type Operation } from "../spec/walk.js";
import { markdownCode, markdownProse, markdownTable } from "./text.js";
import { isObject } from "../json.js";

export interface StatusField {
  /** Where the field sits in the body: `status`, `data.status`, `[].status` (`[]`: every array item). */
  path: string;
  /** Known values: the enum first (spec order), then values only the examples show. */
  values: string[];
  /** True when the schema lists the values (enum/const); false for an open string. */
  closed: boolean;
}

export interface SuccessExample {
  status: string;
  name: string;
  summary: string | undefined;
  /** The status values this example carries, per field path. */
  values: Record<string, string[]>;
}

const isSuccess = (status: string): boolean => /^2/.test(status);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const pushUnique = (list: string[], values: readonly string[]): void => {
  for (const v of values) if (!list.includes(v)) list.push(v);
};

/** Values at a field path (`data.status`, `[].status`) of a body. */
export function valuesAtPath(body: unknown, path: string): string[] {
  let nodes: unknown[] = [body];
  for (const segment of path.split(".")) {
    const key = segment.endsWith("[]") ? segment.slice(0, -2) : segment;
    nodes = nodes.map((n) => (key === "" ? n : isObject(n) ? n[key] : undefined));
    if (segment.endsWith("[]")) nodes = nodes.flatMap((n): unknown[] => (Array.isArray(n) ? n : []));
  }
  return nodes.filter((n): n is string => typeof n === "string");
}

/** The `field` fields (default `status`) of an operation's success bodies. */
export function listStatusFields(doc: OpenApiDocument, op: Operation, field = "status"): StatusField[] {
  const found = new Map<string, StatusField>();
  const onPath = new Set<string>(); // schemas being visited: a recursive schema stops at its first repeat
  const record = (pointer: string, path: string): void => {
    const schema = resolve(doc, pointer);
    const hit = found.get(path) ?? { path, values: [], closed: true };
    found.set(path, hit);
    const s = isObject(schema.value) ? schema.value : {};
    const listed = [...strings(s.enum), ...(typeof s.const === "string" ? [s.const] : [])];
    if (listed.length === 0) hit.closed = false;
    pushUnique(hit.values, listed);
    pushUnique(hit.values, strings(s.examples));
  };
  const visit = (pointer: string, path: string): void => {
    const { value, pointer: at } = resolve(doc, pointer);
    if (!isObject(value) || onPath.has(at)) return;
    onPath.add(at);
    for (const keyword of ["oneOf", "anyOf", "allOf"]) {
      const list = value[keyword];
      if (Array.isArray(list)) list.forEach((_, i) => visit(`${at}/${keyword}/${i}`, path));
    }
    if (isObject(value.items)) visit(`${at}/items`, `${path}[]`);
    if (isObject(value.properties)) {
      for (const key of Object.keys(value.properties)) {
        const child = `${at}/properties/${escapePointer(key)}`;
        const childPath = path === "" ? key : `${path}.${key}`;
        if (key === field) record(child, childPath);
        else visit(child, childPath);
      }
    }
    onPath.delete(at);
  };
  const responses = listResponses(doc, op).filter((r) => isSuccess(r.status));
  for (const res of responses) for (const m of res.media) if (m.schemaPointer) visit(m.schemaPointer, "");
  for (const res of responses) {
    for (const m of res.media) for (const ex of m.examples) for (const f of found.values()) pushUnique(f.values, valuesAtPath(ex.value, f.path));
  }
  return [...found.values()];
}

/** The named examples of an operation's success responses, with the status values each shows. */
export function listSuccessExamples(doc: OpenApiDocument, op: Operation, fields: readonly StatusField[]): SuccessExample[] {
  return listResponses(doc, op)
    .filter((r) => isSuccess(r.status))
    .flatMap((res) =>
      res.media.flatMap((m) =>
        m.examples.map((ex) => ({
          status: res.status,
          name: ex.name,
          summary: ex.summary,
          values: Object.fromEntries(fields.map((f) => [f.path, valuesAtPath(ex.value, f.path)])),
        })),
      ),
    );
}

export const STATUS_VALUES_HEADING = "Status values";

/** One line per status field: where it is, its values, closed or open. */
function describeStatusField(f: StatusField): string {
  const where = f.path.startsWith("[]") ? `${markdownCode(f.path)} (in every item of the array)` : markdownCode(f.path);
  const kind = f.closed ? "the schema's enum; no other value is valid" : "an open string: the values the spec names, others may appear";
  return `${where}: ${f.values.map(markdownCode).join(", ") || "no values named"} (${kind}).`;
}

/** The status section of a provider page, as Markdown. */
export function renderStatusValues(operation: string, fields: readonly StatusField[], examples: readonly SuccessExample[]): string {
  const lines = fields.length === 0 ? ["The success response has no `status` field."] : fields.map((f) => `- ${describeStatusField(f)}`);
  const table = markdownTable(
    ["HTTP", "Example", ...fields.map((f) => markdownCode(f.path)), "What it shows"],
    examples.map((e) => [
      e.status,
      markdownCode(e.name),
      ...fields.map((f) => (e.values[f.path] ?? []).filter((v, i, all) => all.indexOf(v) === i).map(markdownCode).join(", ") || "none"),
      markdownProse(e.summary ?? ""),
    ]),
  );
  return `## ${STATUS_VALUES_HEADING}

What \`${operation}\` answers when it succeeds, generated from the spec when these pages were built.

${lines.join("\n")}

${table}
`;
}

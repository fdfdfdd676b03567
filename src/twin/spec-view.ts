/**
 * What a twin reads from its provider's spec: the one operation, its path as a pattern, and per
 * documented status the named examples and the declared headers. Bodies are always built from
 * these examples (deep copies, fields substituted), never from text typed a second time.
 */
import type { ProviderSlug } from "../providers.js";
import { specDocument, type OpenApiDocument } from "../spec/load.js";
import { securityRequirements } from "../spec/security.js";
import { getAtPointer, listOperations, listResponses, resolve, type Operation } from "../spec/walk.js";
import { isObject } from "../json.js";

export interface StatusView {
  status: number;
  /** Named examples in spec order. */
  examples: ReadonlyMap<string, unknown>;
  /** Declared headers: name → example value (as a string), for headers the twin does not compute itself. */
  headers: ReadonlyMap<string, string | undefined>;
}

export interface SpecView {
  readonly slug: ProviderSlug;
  readonly doc: OpenApiDocument;
  readonly operation: Operation;
  /** Matches the operation's path; group 1.. are the raw (still percent-encoded) path parameters. */
  readonly pathPattern: RegExp;
  readonly statuses: ReadonlyMap<number, StatusView>;
  /** Request headers of each security requirement (any complete set authenticates for Prism). */
  readonly credentialSets: readonly (readonly string[])[];
  /** A deep copy of a named example's value; throws (a bug in a twin) when the spec has no such example. */
  example(status: number, name: string): unknown;
  /** The named example as JSON text (what a twin sends when it changes nothing). */
  exampleText(status: number, name: string): string;
  /** The name of the first example of `status` whose value satisfies `match`. */
  findExample(status: number, match: (value: unknown) => boolean): string | undefined;
  /** Which documented status a named example belongs to. */
  statusOfExample(name: string): number | undefined;
}

/** One view per spec document (bundled or read with `--specs`): two specs of a provider never share one. */
const views = new WeakMap<OpenApiDocument, SpecView>();

/** The view of `doc` (a spec read with `--specs`, say), by default the bundled spec of `slug`. */
export function specView(slug: ProviderSlug, doc: OpenApiDocument = specDocument(slug)): SpecView {
  let view = views.get(doc);
  if (!view) views.set(doc, (view = buildView(slug, doc)));
  return view;
}

function buildView(slug: ProviderSlug, doc: OpenApiDocument): SpecView {
  const operation = listOperations(doc)[0];
  if (!operation) throw new Error(`The ${slug} spec has no operation: a twin serves one.`);
  const statuses = new Map<number, StatusView>();
  for (const res of listResponses(doc, operation)) {
    if (!/^\d{3}$/.test(res.status)) continue;
    const examples = new Map<string, unknown>();
    for (const media of res.media) for (const ex of media.examples) examples.set(ex.name, ex.value);
    const headers = new Map<string, string | undefined>();
    for (const h of res.headers) {
      const header = getAtPointer(doc, h.pointer);
      const example = isObject(header) ? header.example : undefined;
      headers.set(h.name, example === undefined ? undefined : typeof example === "string" ? example : JSON.stringify(example));
    }
    statuses.set(Number(res.status), { status: Number(res.status), examples, headers });
  }
  const source = operation.path
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "([^/]+)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const schemes = isObject(doc.components?.securitySchemes) ? doc.components.securitySchemes : {};
  const headerOf = (scheme: string): string => {
    const s = resolve(doc, `/components/securitySchemes/${scheme}`).value;
    if (isObject(s) && s.type === "apiKey" && typeof s.name === "string") return s.name;
    return "Authorization";
  };
  const credentialSets = securityRequirements(doc, operation).map((req) => req.filter((name) => name in schemes).map(headerOf));
  const texts = new Map<string, string>();
  const exampleText = (status: number, name: string): string => {
    const key = `${status} ${name}`;
    let text = texts.get(key);
    if (text === undefined) {
      const examples = statuses.get(status)?.examples;
      if (!examples?.has(name)) throw new Error(`The ${slug} spec has no example "${name}" for HTTP ${status} (twin bug).`);
      text = JSON.stringify(examples.get(name));
      texts.set(key, text);
    }
    return text;
  };
  return {
    slug,
    doc,
    operation,
    pathPattern: new RegExp(`^${source}$`),
    statuses,
    credentialSets,
    example(status, name) {
      return JSON.parse(exampleText(status, name)) as unknown;
    },
    exampleText,
    findExample(status, match) {
      for (const [name, value] of statuses.get(status)?.examples ?? []) if (match(value)) return name;
      return undefined;
    },
    statusOfExample(name) {
      for (const [status, view] of statuses) if (view.examples.has(name)) return status;
      return undefined;
    },
  };
}

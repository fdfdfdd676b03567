/**
 * What traffic shows that a provider's split spec sources do not say, exchange by exchange:
 * a value outside an enum, a property no schema declares (even where unknown properties are
 * tolerated), an undocumented status code or response header, an error code a documented error
 * response has no named example for, and an id that breaks its pattern (in the body or the path). Each finding is keyed by the source node it concerns and
 * carries its evidence: how many exchanges, first and last seen, a masked example (none when
 * the value may be personal). Memory is bounded by the number of distinct findings, not by
 * the traffic: values are summarized (see infer.ts), never kept.
 */
import { createPiiMasker, credentialValues, looksPersonal, MASKED, mentionsPersonal, nameVocabulary, type PiiMasker } from "../conformance/pii.js";
import type { ObservedExchange } from "../conformance/traffic.js";
import { pathMatcher } from "../conformance/semantic.js";
import { mediaTypeMatches, mediaTypeOf } from "../http/media-type.js";
import path from "node:path";
import { errorFields } from "../docs/error-catalogue.js";
import { isObject } from "../json.js";
import type { ProviderSlug } from "../providers.js";
import { emptySummary, summarize, type ValueSummary } from "./infer.js";
import type { SourceNode, SourceTree } from "./source-tree.js";

export interface Evidence {
  /** Exchanges that showed it. */
  count: number;
  /** `startedAt` of the earliest and latest of them. */
  firstSeen: string;
  lastSeen: string;
  /** A masked example (JSON text); absent when the observed values may be personal or a credential. */
  example?: string;
  /** Some observed value looked personal (key name or shape): no example is kept or written. */
  personal: boolean;
}

interface Base {
  provider: ProviderSlug;
  /** Where on the wire: `GET /path 200`, plus the body pointer or header. */
  where: string;
  evidence: Evidence;
}

export type Finding =
  | (Base & { kind: "enum-value"; target: SourceNode; value: string | number | boolean })
  | (Base & { kind: "undeclared-property"; target: SourceNode; key: string; summary: ValueSummary; /** Objects observed at `target`. */ objects: () => number })
  | (Base & { kind: "pattern-mismatch"; target: SourceNode; pattern: string; direction: "request" | "response"; /** Longest prefix (up to a separator) every mismatching value shares. */ prefix: string })
  | (Base & {
      kind: "undocumented-status";
      target: SourceNode;
      status: string;
      mediaType: string;
      /** Of the JSON bodies masked (see `maskedBody`): their types only, never a personal value. Empty when the bodies are text. */
      summary: ValueSummary;
      /** Named examples: masked bodies by snake_case name (the body's error code, or `observed_<status>`), the first of each name, at most `MAX_STATUS_EXAMPLES`. */
      examples: Map<string, unknown>;
    })
  | (Base & { kind: "undocumented-header"; target: SourceNode; header: string })
  | (Base & {
      kind: "undocumented-error-code";
      /** The media type of the documented error response whose named examples lack the code. */
      target: SourceNode;
      status: string;
      /** As the body carries it (`ER710`, `rate_limited`). */
      code: string;
      /** The example's name, after the convention of the response's other examples (`rate_limited`, `er710_<message words>`). */
      name: string;
      /** The first body that carried the code, masked (see `maskedBody`). */
      example: unknown;
      /** Where the response's other examples are `$ref`s to files of one folder: that folder, as the `$ref`s write it (`../examples`). */
      refFolder?: string;
    });

/** Response headers of HTTP itself, CDNs and servers: never a provider's contract. */
const TRANSPORT_HEADERS = new Set(["content-type", "content-length", "content-encoding", "content-language", "date", "connection", "keep-alive", "transfer-encoding", "server", "vary", "etag", "last-modified", "cache-control", "pragma", "expires", "age", "via", "strict-transport-security", "x-content-type-options", "x-frame-options", "x-xss-protection", "content-security-policy", "referrer-policy", "permissions-policy", "accept-ranges", "alt-svc", "x-powered-by", "set-cookie", "nel", "report-to", "x-cache", "x-served-by", "x-timer", "location"]);
const TRANSPORT_PREFIXES = ["access-control-", "cf-", "x-amz-", "x-envoy-", "x-vercel-", "x-cache-", "cross-origin-"];

/**
 * Distinct findings kept per provider. Traffic whose keys are data (an object keyed by ids)
 * would otherwise grow the observer with the traffic; past this, findings are counted, not kept.
 */
export const MAX_FINDINGS = 500;

/** Distinct named examples kept per undocumented status (one per error code seen), and new error codes per documented error response. */
export const MAX_STATUS_EXAMPLES = 5;
/** Characters of a text (not JSON) body kept as its example. */
const MAX_TEXT_EXAMPLE = 500;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const keyOf = (node: SourceNode, ...rest: (string | number)[]): string => JSON.stringify([node.file, node.at, ...rest]);

export interface TrafficObserver {
  /** Reads one exchange; returns false when no operation of the tree documents its request. */
  observe(exchange: ObservedExchange): boolean;
  findings(): Finding[];
  /** Exchanges read, those that matched an operation, and findings not kept past `MAX_FINDINGS` (each a distinct source node and value). */
  readonly counts: { exchanges: number; matched: number; dropped: number };
}

/** An observer of one provider's traffic against its split sources. */
export function createTrafficObserver(provider: ProviderSlug, tree: SourceTree): TrafficObserver {
  const masker = createPiiMasker(true);
  // Words of the provider's own documentation are not a person's name ("Nyota Imara").
  const vocabulary = nameVocabulary([...tree.files.values()].map((f) => f.data));
  const findings = new Map<string, Finding>();
  const objectCounts = new Map<string, number>();
  const counts = { exchanges: 0, matched: 0, dropped: 0 };
  const record = (key: string, finding: Finding): void => {
    if (findings.has(key) || findings.size < MAX_FINDINGS) findings.set(key, finding);
    else counts.dropped++;
  };

  const root = tree.top();
  const paths = tree.child(root, "paths");
  const operations: { method: string; template: string; match: (p: string) => Record<string, string> | undefined; item: SourceNode; op: SourceNode }[] = [];
  for (const template of isObject(paths?.node) ? Object.keys(paths.node) : []) {
    const item = tree.deref(tree.child(paths!, template)!);
    for (const method of METHODS) {
      const op = tree.child(item, method);
      if (op) operations.push({ method, template, match: pathMatcher(template), item, op });
    }
  }

  const evidenceFor = (key: string, startedAt: string, exampleKey: string, value: unknown, secrets: readonly string[]): Evidence => {
    const known = findings.get(key)?.evidence;
    const text = value === undefined ? undefined : JSON.stringify(value);
    const personal = (known?.personal ?? false) || looksPersonal(exampleKey, value, vocabulary) || (text !== undefined && secrets.some((s) => text.includes(s)));
    const evidence: Evidence = known ?? { count: 0, firstSeen: startedAt, lastSeen: startedAt, personal };
    evidence.count++;
    if (startedAt && (!evidence.firstSeen || startedAt < evidence.firstSeen)) evidence.firstSeen = startedAt;
    if (startedAt > evidence.lastSeen) evidence.lastSeen = startedAt;
    evidence.personal = personal;
    if (personal) delete evidence.example;
    else if (evidence.example === undefined && text !== undefined) {
      const masked = masker.maskBody(JSON.stringify({ [exampleKey]: value }));
      const back: unknown = JSON.parse(masked);
      const maskedValue = isObject(back) ? back[exampleKey] : undefined;
      if (maskedValue !== undefined && !JSON.stringify(maskedValue).includes(MASKED)) evidence.example = JSON.stringify(maskedValue);
    }
    return evidence;
  };

  /**
   * Evidence of a body that may become an example: its example is the masked body, and none at
   * all when masking removed anything (a report must not quote the name `maskedBody` took out).
   */
  const bodyEvidence = (key: string, startedAt: string, body: unknown, masked: unknown, secrets: readonly string[]): Evidence => {
    const evidence = evidenceFor(key, startedAt, "body", masked, secrets);
    if (looksPersonal("body", body, vocabulary) || (masked !== undefined && JSON.stringify(masked).includes(MASKED))) {
      evidence.personal = true;
      delete evidence.example;
    }
    return evidence;
  };

  /** The schema's own node plus its `allOf` parts (flattened) and the `oneOf`/`anyOf` branch that fits `value` best. */
  const partsOf = (schema: SourceNode, value: unknown, depth = 0): SourceNode[] => {
    const s = tree.deref(schema);
    if (!isObject(s.node) || depth > 16) return [];
    const parts = [s];
    const allOf = tree.child(s, "allOf");
    if (Array.isArray(allOf?.node)) allOf.node.forEach((_, i) => parts.push(...partsOf(tree.child(allOf, i)!, value, depth + 1)));
    for (const keyword of ["oneOf", "anyOf"]) {
      const list = tree.child(s, keyword);
      if (!Array.isArray(list?.node)) continue;
      const branches = list.node.map((_, i) => partsOf(tree.child(list, i)!, value, depth + 1));
      let best: SourceNode[] | undefined;
      let bestScore = -Infinity;
      for (const branch of branches) {
        const score = branchScore(branch, value);
        if (score > bestScore) [best, bestScore] = [branch, score];
      }
      if (best) parts.push(...best);
    }
    return parts;
  };

  /** How well `value` fits a branch: its const/enum discriminators, its declared and its required properties. */
  const branchScore = (parts: SourceNode[], value: unknown): number => {
    if (!isObject(value)) return parts.some((p) => isObject(p.node) && (p.node.type === typeof value || (p.node.type === "integer" && typeof value === "number"))) ? 1 : 0;
    let score = 0;
    for (const p of parts) {
      if (!isObject(p.node)) continue;
      const props = isObject(p.node.properties) ? p.node.properties : {};
      for (const [key, propSchema] of Object.entries(props)) {
        if (!(key in value)) continue;
        score += 1;
        const prop = tree.deref({ file: p.file, at: [...p.at, "properties", key], node: propSchema }).node;
        if (!isObject(prop)) continue;
        const v = value[key];
        if ("const" in prop) score += prop.const === v ? 10 : -10;
        if (Array.isArray(prop.enum)) score += prop.enum.includes(v) ? 10 : -10;
      }
      if (Array.isArray(p.node.required)) score -= p.node.required.filter((r) => typeof r === "string" && !(r in value)).length * 2;
    }
    return score;
  };

  const walk = (schema: SourceNode, value: unknown, ctx: { where: string; pointer: string; key: string; startedAt: string; secrets: readonly string[] }, depth = 0): void => {
    if (depth > 32) return;
    const parts = partsOf(schema, value);
    if (parts.length === 0) return;
    for (const p of parts) {
      const node = p.node as Record<string, unknown>;
      if (Array.isArray(node.enum) && (typeof value === "string" || typeof value === "number" || typeof value === "boolean") && !node.enum.includes(value) && !looksPersonal(ctx.key, value, vocabulary)) {
        const key = keyOf(p, "enum", String(value));
        record(key, { kind: "enum-value", provider, target: p, value, where: `${ctx.where} body ${ctx.pointer || "/"}`, evidence: evidenceFor(key, ctx.startedAt, ctx.key, value, ctx.secrets) });
      }
      if (typeof node.pattern === "string" && typeof value === "string") recordPattern(p, node.pattern, value, "response", `${ctx.where} body ${ctx.pointer || "/"}`, ctx);
    }
    if (isObject(value)) {
      const withProperties = parts.filter((p) => isObject((p.node as Record<string, unknown>).properties));
      const host = withProperties.at(-1) ?? parts.find((p) => (p.node as Record<string, unknown>).type === "object");
      if (!host) return;
      const hostKey = keyOf(host);
      objectCounts.set(hostKey, (objectCounts.get(hostKey) ?? 0) + 1);
      for (const [key, v] of Object.entries(value)) {
        const pointer = `${ctx.pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
        const declaring = withProperties.filter((p) => key in ((p.node as Record<string, unknown>).properties as object));
        if (declaring.length > 0) {
          for (const p of declaring) walk(tree.child(tree.child(p, "properties")!, key)!, v, { ...ctx, pointer, key }, depth + 1);
          continue;
        }
        // A map whose keys are data (BTC Direct's `errors: { ER801: … }`): the key is declared by `additionalProperties`' schema.
        const mapOf = parts.map((p) => tree.child(p, "additionalProperties")).find((a) => a !== undefined && isObject(a.node));
        if (mapOf) {
          walk(mapOf, v, { ...ctx, pointer, key }, depth + 1);
          continue;
        }
        const findingKey = keyOf(host, "property", key);
        const known = findings.get(findingKey);
        const summary = known?.kind === "undeclared-property" ? known.summary : emptySummary();
        summarize(summary, v);
        record(findingKey, {
          kind: "undeclared-property",
          provider,
          target: host,
          key,
          summary,
          objects: () => objectCounts.get(hostKey) ?? 0,
          where: `${ctx.where} body ${pointer}`,
          evidence: evidenceFor(findingKey, ctx.startedAt, key, v, ctx.secrets),
        });
      }
    } else if (Array.isArray(value)) {
      for (const p of parts) {
        const items = tree.child(p, "items");
        if (items) value.forEach((v, i) => walk(items, v, { ...ctx, pointer: `${ctx.pointer}/${i}` }, depth + 1));
      }
    }
  };

  const recordPattern = (p: SourceNode, pattern: string, value: string, direction: "request" | "response", where: string, ctx: { startedAt: string; key: string; secrets: readonly string[] }): void => {
    let re: RegExp;
    try {
      re = new RegExp(pattern, "u");
    } catch {
      return;
    }
    if (re.test(value)) return;
    const key = keyOf(p, "pattern");
    const known = findings.get(key);
    const prefix = known?.kind === "pattern-mismatch" ? commonPrefix(known.prefix, value) : idPrefix(value);
    // An id is shown cut after its prefix: enough to review the pattern, not a lookup key.
    const shown = `${value.slice(0, Math.max(prefix.length, 4))}…`;
    const evidence = evidenceFor(key, ctx.startedAt, ctx.key, shown, ctx.secrets);
    record(key, { kind: "pattern-mismatch", provider, target: p, pattern, direction, prefix, where, evidence });
  };

  /** The error codes of each error media type's named examples (by source node), read once. */
  const documentedCodes = new Map<string, { codes: Set<string>; names: Set<string>; convention: ExampleNaming; refFolder?: string; /** New codes recorded. */ added: number }>();
  const documentedOf = (media: SourceNode) => {
    const mediaKey = keyOf(media);
    let known = documentedCodes.get(mediaKey);
    if (!known) {
      const examples = tree.child(media, "examples");
      const named = isObject(examples?.node) ? Object.entries(examples.node) : [];
      const read = named.map(([name, raw]) => {
        const example = tree.deref(tree.child(examples!, name)!).node;
        const code = isObject(example) ? errorCodeOf(example.value) : undefined;
        const ref = isObject(raw) && typeof raw.$ref === "string" && !raw.$ref.startsWith("#") ? raw.$ref : undefined;
        return { name, code: code === undefined ? undefined : snakeCase(code), ref };
      });
      const folders = new Set(read.map((e) => (e.ref === undefined ? undefined : path.posix.dirname(e.ref))));
      const folder = [...folders][0];
      known = {
        codes: new Set(read.flatMap((e) => (e.code === undefined ? [] : [e.code]))),
        names: new Set(read.map((e) => e.name)),
        convention: namingOf(read),
        added: 0,
        ...(read.length > 0 && folders.size === 1 && folder !== undefined ? { refFolder: folder } : {}),
      };
      documentedCodes.set(mediaKey, known);
    }
    return known;
  };

  /** An error body whose code the response's named examples do not carry: a named example to add. */
  const observeErrorCode = (media: SourceNode, status: string, where: string, body: unknown, startedAt: string, secrets: readonly string[]): void => {
    const documented = documentedOf(media);
    const raw = errorCodeOf(body);
    // A documented code (most error traffic) needs no masking.
    if (raw === undefined || documented.codes.has(snakeCase(raw))) return;
    const masked = maskedBody(masker, body, secrets, vocabulary);
    const code = errorCodeOf(masked);
    if (code === undefined || documented.codes.has(snakeCase(code))) return;
    const key = keyOf(media, "error-code", snakeCase(code));
    const known = findings.get(key);
    // Error text that varies (Nyota Imara's `error` is a sentence): a few new codes per response, not one per body.
    if (known === undefined && documented.added >= MAX_STATUS_EXAMPLES) return;
    const evidence = bodyEvidence(key, startedAt, body, masked, secrets);
    if (known !== undefined) return; // its evidence was just counted
    documented.added++;
    let name = conventionalName(code, masked, documented.convention);
    if (documented.names.has(name)) name = `${name}_observed`;
    record(key, { kind: "undocumented-error-code", provider, target: media, status, code, name, example: masked, where: `${where} error ${code}`, evidence, ...(documented.refFolder === undefined ? {} : { refFolder: documented.refFolder }) });
  };

  return {
    counts,
    observe(exchange) {
      counts.exchanges++;
      const url = new URL(exchange.request.apiPath ?? exchange.request.url, new URL(exchange.request.url, "http://unknown.invalid"));
      const method = exchange.request.method.toLowerCase();
      let matched: (typeof operations)[number] | undefined;
      let params: Record<string, string> | undefined;
      for (const candidate of operations) {
        if (candidate.method !== method) continue;
        params = candidate.match(url.pathname);
        if (params) {
          matched = candidate;
          break;
        }
      }
      if (!matched || !params) return false;
      counts.matched++;
      const secrets = credentialValues(exchange.request.headers);
      const { startedAt } = exchange;
      const status = String(exchange.response.status);
      const opWhere = `${method.toUpperCase()} ${matched.template}`;

      // Path parameters against their patterns.
      for (const owner of [matched.item, matched.op]) {
        const list = tree.child(owner, "parameters");
        if (!Array.isArray(list?.node)) continue;
        list.node.forEach((_, i) => {
          const param = tree.deref(tree.child(list, i)!);
          if (!isObject(param.node) || param.node.in !== "path" || typeof param.node.name !== "string") return;
          const value = params[param.node.name];
          const schema = tree.child(param, "schema");
          if (value === undefined || !schema) return;
          for (const p of partsOf(schema, value)) {
            const pattern = (p.node as Record<string, unknown>).pattern;
            if (typeof pattern === "string") recordPattern(p, pattern, value, "request", `${opWhere} path parameter ${param.node.name}`, { startedAt, key: param.node.name, secrets });
          }
        });
      }

      const responses = tree.child(matched.op, "responses");
      if (!responses) return true;
      const documented = tree.child(responses, status) ?? tree.child(responses, `${status[0]}XX`) ?? tree.child(responses, "default");
      const mediaType = mediaTypeOf(exchange.response.headers["content-type"]);
      let body: unknown;
      try {
        body = exchange.response.body === "" ? undefined : JSON.parse(exchange.response.body);
      } catch {
        body = undefined;
      }
      if (!documented) {
        const key = keyOf(responses, "status", status);
        const known = findings.get(key);
        const summary = known?.kind === "undocumented-status" ? known.summary : emptySummary();
        const examples = known?.kind === "undocumented-status" ? known.examples : new Map<string, unknown>();
        // A JSON body is summarized for its schema; a text one (a gateway's HTML page) is kept as a string example.
        const masked = body !== undefined ? maskedBody(masker, body, secrets, vocabulary) : exchange.response.body.trim() === "" ? undefined : maskedBody(masker, exchange.response.body.trim().slice(0, MAX_TEXT_EXAMPLE), secrets, vocabulary);
        if (body !== undefined) summarize(summary, masked);
        const name = exampleName(status, masked);
        if (masked !== undefined && !examples.has(name) && examples.size < MAX_STATUS_EXAMPLES) examples.set(name, masked);
        record(key, { kind: "undocumented-status", provider, target: responses, status, mediaType, summary, examples, where: `${opWhere} ${status}`, evidence: bodyEvidence(key, startedAt, body, masked, secrets) });
        return true;
      }
      const response = tree.deref(documented);
      const where = `${opWhere} ${status}`;
      const headers = tree.child(response, "headers");
      const declaredHeaders = new Set(isObject(headers?.node) ? Object.keys(headers.node).map((h) => h.toLowerCase()) : []);
      for (const [name, value] of Object.entries(exchange.response.headers)) {
        const h = name.toLowerCase();
        if (declaredHeaders.has(h) || TRANSPORT_HEADERS.has(h) || TRANSPORT_PREFIXES.some((p) => h.startsWith(p))) continue;
        const key = keyOf(response, "header", h);
        record(key, { kind: "undocumented-header", provider, target: response, header: canonicalHeader(name), where: `${where} header ${h}`, evidence: evidenceFor(key, startedAt, h, value, secrets) });
      }
      const content = tree.child(response, "content");
      if (body === undefined || !isObject(content?.node)) return true;
      const documentedType = Object.keys(content.node).find((t) => mediaTypeMatches(t, mediaType));
      const schema = documentedType === undefined ? undefined : tree.child(tree.child(content, documentedType)!, "schema");
      if (schema) walk(schema, body, { where, pointer: "", key: "", startedAt, secrets });
      if (documentedType !== undefined && /^[45]/.test(status)) observeErrorCode(tree.child(content, documentedType)!, status, where, body, startedAt, secrets);
      return true;
    },
    findings: () => [...findings.values()],
  };
}

/**
 * A body as it may become a spec example: masked by the conformance masker (personal keys,
 * emails, URL signatures), then every value that `looksPersonal` (by key or shape), text that
 * `mentionsPersonal` (a name, a phone inside a message) and any value holding a credential of the
 * request replaced by `[masked]`. Capitalised words all in `vocabulary` (see `nameVocabulary`:
 * reason phrases, common words, the spec's own words) are not taken for a name.
 */
export function maskedBody(masker: PiiMasker, body: unknown, secrets: readonly string[], vocabulary: ReadonlySet<string>): unknown {
  const scrub = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => scrub(v, key));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, k)]));
    if (typeof value !== "string" && typeof value !== "number") return value;
    const text = String(value);
    return looksPersonal(key, value, vocabulary) || mentionsPersonal(text, vocabulary) || secrets.some((s) => text.includes(s)) ? MASKED : value;
  };
  return scrub(JSON.parse(masker.maskBody(JSON.stringify(body))) as unknown, "");
}

/** Body fields that name an error, most specific first (Proof `code`, Myaza and Nyota `error`). */
const ERROR_CODE_KEYS = ["code", "error_code", "errorCode", "error", "type", "reason"];

/** `Busy.Now` → `busy_now`: lower case, runs of other characters as one `_`, at most 40 characters. */
const snakeCase = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");

/** A snake_case name that starts with a letter, as the example-name lint asks (`4091` → `observed_4091`). */
const exampleNameOf = (code: string): string => {
  const name = snakeCase(code);
  return /^[a-z]/.test(name) ? name : `observed_${name}`;
};

/**
 * The error code a body carries: BTC Direct's `errors` key, else the first of `ERROR_CODE_KEYS`
 * holding a short string that is not masked; undefined when it carries none.
 */
export function errorCodeOf(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  const candidates = [...(isObject(body.errors) ? Object.keys(body.errors) : []), ...ERROR_CODE_KEYS.map((k) => body[k])];
  return candidates.find((c): c is string => typeof c === "string" && c !== MASKED && c.length <= 60 && snakeCase(c) !== "");
}

/** The snake_case name of an observed body's example: its error code (see `errorCodeOf`), or `observed_<status>`. */
export function exampleName(status: string, body: unknown): string {
  const code = errorCodeOf(body);
  return code === undefined ? `observed_${status}` : exampleNameOf(code);
}

/** How a response's named examples are named: the code alone (Proof `validation_error`), or the code and what it means (BTC Direct `er707_identifier_malformed`). */
type ExampleNaming = "code" | "code-and-words";

function namingOf(examples: readonly { name: string; code?: string | undefined }[]): ExampleNaming {
  const coded = examples.filter((e) => e.code !== undefined);
  return coded.length > 0 && coded.every((e) => e.name.startsWith(`${exampleNameOf(e.code!)}_`)) ? "code-and-words" : "code";
}

/** Words of an error's text kept in an example name (`er710_user_not_yet_verified`). */
const NAME_WORDS = 4;

/**
 * The name of a new example for `code`, after the response's convention: the code, or the code
 * and the first words of the body's message (`observed` when it has none or it was masked).
 */
function conventionalName(code: string, masked: unknown, naming: ExampleNaming): string {
  const name = exampleNameOf(code);
  if (naming === "code") return name;
  const message = errorFields(masked).find(([field]) => field === "message")?.[1];
  const words = message === undefined || message === MASKED ? "" : snakeCase(message).split("_").slice(0, NAME_WORDS).join("_");
  return `${name}_${words || "observed"}`;
}

/** `X-Request-Id` style, as the specs spell headers. */
const canonicalHeader = (name: string): string => name.replace(/(^|-)([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());

/** The part of an id before and including its last separator (`vrf_` of `vrf_01J…`), or "" when it has none. */
export function idPrefix(value: string): string {
  const m = /^[A-Za-z]+[_-]/.exec(value);
  return m ? m[0] : "";
}

function commonPrefix(prefix: string, value: string): string {
  const own = idPrefix(value);
  return own === prefix ? prefix : "";
}

/**
 * Checks observed traffic (a proxy session, a HAR file): each exchange is matched to a provider
 * operation (the one given, or whichever provider's spec documents the path) and run through
 * every check — schema, semantic and lifecycle, with one checker per provider so repeated
 * observations of an id are compared. Exchanges matching no operation are listed, not failed.
 * Reports are scrubbed: credentials always, personal data unless masking is off.
 */
import { providerSlugs, type ProviderSlug } from "../providers.js";
import { specDocument, type OpenApiDocument } from "../spec/load.js";
import { listOperations } from "../spec/walk.js";
import { appliedChecks, createCheckerForSpec, type CheckerOptions, type CheckName, type ConformanceChecker, type Violation } from "./checker.js";
import { createPiiMasker, credentialValues, Scrubber, type PiiMasker } from "./pii.js";
import { pathMatcher } from "./semantic.js";

/** One request and its response, as a proxy or a HAR file saw them. */
export interface ObservedExchange {
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    /** Path and query as the API sees them, when the URL carries a base path of its own (a proxy's upstream `https://host/sandbox`). */
    apiPath?: string;
  };
  response: { status: number; headers: Record<string, string>; body: string };
  /** ISO time the request started. */
  startedAt: string;
  durationMs?: number;
}

export interface ExchangeReport {
  /** 1-based position in the session, or of its entry in the recording (across files, counting entries that were skipped). */
  index: number;
  method: string;
  /** Path and query, scrubbed. */
  path: string;
  status: number;
  /** Undefined when no provider documents the request. */
  provider?: ProviderSlug;
  operationId?: string;
  violations: Violation[];
  contradictions: Violation[];
  warnings: Violation[];
  /** Names of the checks the exchange went through. */
  checks: CheckName[];
}

export interface TrafficSummary {
  exchanges: number;
  checked: number;
  passed: number;
  failed: number;
  contradictions: number;
  warnings: number;
  unmatched: number;
  byProvider: Partial<Record<ProviderSlug, number>>;
  /** Ids whose lifecycle state was forgotten to stay within the checker's `lifecycleIds` (their next observation starts afresh). */
  forgottenIds: number;
}

export interface TrafficOptions {
  /** Check everything as this provider's traffic; undefined → detect per exchange. */
  provider?: ProviderSlug;
  checker?: CheckerOptions;
  /** Mask personal data in reports (default true). Credentials are always removed. */
  maskPii?: boolean;
  /** The specs to check against (default: the bundled ones); with it, only the providers given here are detected. */
  specs?: Partial<Record<ProviderSlug, OpenApiDocument>>;
  /** Keep every report in `reports` (default true). Off for long sessions: the summary is counted as it goes, so memory stays flat. */
  keepReports?: boolean;
}

export interface TrafficChecker {
  /** Checks one exchange; `index` is its 1-based position in the session or file (default: the next one). */
  check(exchange: ObservedExchange, index?: number): ExchangeReport;
  /** Every report so far (empty with `keepReports: false`). */
  readonly reports: readonly ExchangeReport[];
  summary(): TrafficSummary;
  /** Scrubs text for output (credentials; personal data when masking). */
  scrub(text: string): string;
  readonly masker: PiiMasker;
  readonly scrubber: Scrubber;
}

/** Counts a summary from reports as they come (no report kept). `forgottenIds` is the caller's to add. */
export function createSummaryCounter(): { add(report: ExchangeReport): void; readonly summary: TrafficSummary } {
  const s: TrafficSummary = { exchanges: 0, checked: 0, passed: 0, failed: 0, contradictions: 0, warnings: 0, unmatched: 0, byProvider: {}, forgottenIds: 0 };
  return {
    add(r) {
      s.exchanges++;
      if (!r.provider) {
        s.unmatched++;
        return;
      }
      s.checked++;
      s.byProvider[r.provider] = (s.byProvider[r.provider] ?? 0) + 1;
      if (r.violations.length > 0) s.failed++;
      else s.passed++;
      s.contradictions += r.contradictions.length;
      s.warnings += r.warnings.length;
    },
    get summary() {
      return { ...s, byProvider: { ...s.byProvider } };
    },
  };
}

interface OperationMatcher {
  method: string;
  match: ReturnType<typeof pathMatcher>;
}

const matchersOf = (doc: OpenApiDocument): OperationMatcher[] => listOperations(doc).map((op) => ({ method: op.method, match: pathMatcher(op.path) }));

function findProvider(method: string, path: string, candidates: readonly ProviderSlug[], matchersFor: (slug: ProviderSlug) => OperationMatcher[]): ProviderSlug | undefined {
  const m = method.toLowerCase();
  return candidates.find((slug) => matchersFor(slug).some((op) => op.method === m && op.match(path) !== undefined));
}

const bundledMatchers = new Map<ProviderSlug, OperationMatcher[]>();

/** The provider whose bundled spec documents `method path` (a path without its query), among `candidates`. */
export function providerFor(method: string, path: string, candidates: readonly ProviderSlug[] = providerSlugs): ProviderSlug | undefined {
  return findProvider(method, path, candidates, (slug) => {
    let list = bundledMatchers.get(slug);
    if (!list) bundledMatchers.set(slug, (list = matchersOf(specDocument(slug))));
    return list;
  });
}

/** The request's URL as the API sees it (the upstream's base path taken off). */
const apiUrl = (exchange: { request: Pick<ObservedExchange["request"], "url" | "apiPath"> }): URL => {
  const { url, apiPath } = exchange.request;
  // The common case, an absolute URL and no base path, parsed once.
  if (apiPath === undefined && /^https?:\/\//i.test(url)) return new URL(url);
  return new URL(apiPath ?? url, new URL(url, "http://unknown.invalid"));
};

/** An absolute http(s) URL whose path the URL parser leaves as written: no escapes, backslashes, spaces or other characters it would encode. */
const PLAIN_URL = /^https?:\/\/[^/?#\\\s]*(\/[\w\-.~!$&'()*+,;=:@/]*)?(?:[?#]|$)/i;
/** A path the URL parser leaves as written (as PLAIN_URL's, and not protocol-relative). */
const PLAIN_PATH = /^(\/(?!\/)[\w\-.~!$&'()*+,;=:@/]*)(?:[?#]|$)/;
/** A `.` or `..` segment, which the URL parser removes. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/**
 * The path of the request as the API sees it (`apiUrl(…).pathname`, the path the checker and its
 * lifecycle check read), without parsing the URL when its path is plain (the usual case: it is
 * read once per entry by the router of check-traffic.ts).
 */
export function requestPathname(request: Pick<ObservedExchange["request"], "url" | "apiPath">): string {
  const plain = request.apiPath === undefined ? PLAIN_URL.exec(request.url) : /^https?:\/\//i.test(request.url) ? PLAIN_PATH.exec(request.apiPath) : null;
  if (plain) {
    const path = plain[1] ?? "/";
    if (!DOT_SEGMENT.test(path)) return path;
  }
  return apiUrl({ request }).pathname;
}

/**
 * Which of `count` shards a key belongs to, 0-based: FNV-1a, then MurmurHash3's finalizer (the
 * same on every machine and Node version). The finalizer matters: FNV-1a's low bits are the
 * parity of the key's bytes, so without it `% 2` splits keys that differ in one digit unevenly,
 * and two hashes of keys with a common prefix (shard and worker) would agree.
 */
export function shardOf(key: string, count: number): number {
  return keyHash(key) % count;
}

/** The 32-bit hash of `shardOf` (unsigned). */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function createTrafficChecker(options: TrafficOptions = {}): TrafficChecker {
  const documents: Partial<Record<ProviderSlug, OpenApiDocument>> = options.specs ?? Object.fromEntries(providerSlugs.map((slug) => [slug, specDocument(slug)]));
  const candidates = providerSlugs.filter((slug) => documents[slug] !== undefined && (options.provider === undefined || slug === options.provider));
  const matchers = new Map<ProviderSlug, OperationMatcher[]>(candidates.map((slug) => [slug, matchersOf(documents[slug]!)]));
  const detect = (method: string, path: string): ProviderSlug | undefined => findProvider(method, path, candidates, (slug) => matchers.get(slug)!);
  const checkers = new Map<ProviderSlug, ConformanceChecker>();
  /** The checks every exchange of a provider goes through (a finding of another check adds it to that exchange's list). */
  const applied = new Map<ProviderSlug, CheckName[]>();
  const checkerFor = (slug: ProviderSlug): ConformanceChecker => {
    let c = checkers.get(slug);
    if (!c) checkers.set(slug, (c = createCheckerForSpec(slug, documents[slug]!, options.checker ?? {})));
    return c;
  };
  const masker = createPiiMasker(options.maskPii !== false);
  const scrubber = new Scrubber(masker);
  const reports: ExchangeReport[] = [];
  const counter = createSummaryCounter();
  let next = 1;
  const scrubViolation = (v: Violation): Violation => ({ ...v, expected: scrubber.scrub(v.expected), actual: scrubber.scrub(v.actual), message: scrubber.scrub(v.message) });

  return {
    reports,
    masker,
    scrubber,
    scrub: (text) => scrubber.scrub(text),
    check(exchange, index = next) {
      next = index + 1;
      scrubber.addSecrets(credentialValues(exchange.request.headers));
      // Mask first, so personal values are known to the scrubber before any report text exists.
      masker.maskBody(exchange.response.body);
      const url = apiUrl(exchange);
      const provider = detect(exchange.request.method, url.pathname);
      const base = { index, method: exchange.request.method.toUpperCase(), path: scrubber.scrub(masker.maskUrl(`${url.pathname}${url.search}`)), status: exchange.response.status };
      let report: ExchangeReport;
      if (!provider) {
        report = { ...base, violations: [], contradictions: [], warnings: [], checks: [] };
      } else {
        const result = checkerFor(provider).check({
          method: exchange.request.method,
          path: `${url.pathname}${url.search}`,
          status: exchange.response.status,
          headers: exchange.response.headers,
          body: exchange.response.body,
          label: `exchange ${index}`,
          ...(exchange.durationMs === undefined ? {} : { durationMs: exchange.durationMs }),
        });
        let checks = applied.get(provider);
        if (!checks) applied.set(provider, (checks = appliedChecks(provider, options.checker)));
        const extra = [...result.violations, ...result.contradictions, ...result.warnings].filter((v) => !checks!.includes(v.check));
        if (extra.length > 0) checks = [...new Set([...checks, ...extra.map((v) => v.check)])];
        report = {
          ...base,
          provider,
          ...(result.operation?.operationId ? { operationId: result.operation.operationId } : {}),
          violations: result.violations.map(scrubViolation),
          contradictions: result.contradictions.map(scrubViolation),
          warnings: result.warnings.map(scrubViolation),
          checks: [...checks],
        };
      }
      counter.add(report);
      if (options.keepReports !== false) reports.push(report);
      return report;
    },
    summary() {
      return { ...counter.summary, forgottenIds: [...checkers.values()].reduce((n, c) => n + c.forgottenIds(), 0) };
    },
  };
}

/**
 * Checks observed traffic (a proxy session, a HAR file): each exchange is matched to a provider
 * operation (the one given, or whichever provider's spec documents the path) and run through
 * every check — schema, semantic and lifecycle, with one checker per provider so repeated
 * observations of an id are compared. Exchanges matching no operation are listed, not failed.
 * Reports are scrubbed: credentials always, personal data unless masking is off.
 */
import { providerSlugs, type ProviderSlug } from "../providers.js";
import { specDocument } from "../spec/load.js";
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
  /** 1-based position in the session or file. */
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
}

export interface TrafficOptions {
  /** Check everything as this provider's traffic; undefined → detect per exchange. */
  provider?: ProviderSlug;
  checker?: CheckerOptions;
  /** Mask personal data in reports (default true). Credentials are always removed. */
  maskPii?: boolean;
}

export interface TrafficChecker {
  check(exchange: ObservedExchange): ExchangeReport;
  readonly reports: readonly ExchangeReport[];
  summary(): TrafficSummary;
  /** Scrubs text for output (credentials; personal data when masking). */
  scrub(text: string): string;
  readonly masker: PiiMasker;
  readonly scrubber: Scrubber;
}

/** The provider whose spec documents `method path` (a path without its query), among `candidates`. */
export function providerFor(method: string, path: string, candidates: readonly ProviderSlug[] = providerSlugs): ProviderSlug | undefined {
  const m = method.toLowerCase();
  return candidates.find((slug) => operationMatchers(slug).some((op) => op.method === m && op.match(path) !== undefined));
}

const matchers = new Map<ProviderSlug, { method: string; match: ReturnType<typeof pathMatcher> }[]>();
function operationMatchers(slug: ProviderSlug): { method: string; match: ReturnType<typeof pathMatcher> }[] {
  let list = matchers.get(slug);
  if (!list) matchers.set(slug, (list = listOperations(specDocument(slug)).map((op) => ({ method: op.method, match: pathMatcher(op.path) }))));
  return list;
}

export function createTrafficChecker(options: TrafficOptions = {}): TrafficChecker {
  const checkers = new Map<ProviderSlug, ConformanceChecker>();
  const checkerFor = (slug: ProviderSlug): ConformanceChecker => {
    let c = checkers.get(slug);
    if (!c) checkers.set(slug, (c = createCheckerForSpec(slug, specDocument(slug), options.checker ?? {})));
    return c;
  };
  const masker = createPiiMasker(options.maskPii !== false);
  const scrubber = new Scrubber(masker);
  const reports: ExchangeReport[] = [];
  const scrubViolation = (v: Violation): Violation => ({ ...v, expected: scrubber.scrub(v.expected), actual: scrubber.scrub(v.actual), message: scrubber.scrub(v.message) });

  return {
    reports,
    masker,
    scrubber,
    scrub: (text) => scrubber.scrub(text),
    check(exchange) {
      scrubber.addSecrets(credentialValues(exchange.request.headers));
      // Mask first, so personal values are known to the scrubber before any report text exists.
      masker.maskBody(exchange.response.body);
      const url = new URL(exchange.request.apiPath ?? exchange.request.url, new URL(exchange.request.url, "http://unknown.invalid"));
      const pathOnly = url.pathname;
      const candidates = options.provider ? [options.provider] : providerSlugs;
      const provider = providerFor(exchange.request.method, pathOnly, candidates);
      const base = { index: reports.length + 1, method: exchange.request.method.toUpperCase(), path: scrubber.scrub(masker.maskUrl(`${url.pathname}${url.search}`)), status: exchange.response.status };
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
          ...(exchange.durationMs === undefined ? {} : { durationMs: exchange.durationMs }),
        });
        const checks = new Set<CheckName>([...appliedChecks(provider, options.checker), ...[...result.violations, ...result.contradictions, ...result.warnings].map((v) => v.check)]);
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
      reports.push(report);
      return report;
    },
    summary() {
      const checked = reports.filter((r) => r.provider);
      const byProvider: Partial<Record<ProviderSlug, number>> = {};
      for (const r of checked) byProvider[r.provider!] = (byProvider[r.provider!] ?? 0) + 1;
      const failed = checked.filter((r) => r.violations.length > 0).length;
      return {
        exchanges: reports.length,
        checked: checked.length,
        passed: checked.length - failed,
        failed,
        contradictions: checked.reduce((n, r) => n + r.contradictions.length, 0),
        warnings: checked.reduce((n, r) => n + r.warnings.length, 0),
        unmatched: reports.length - checked.length,
        byProvider,
      };
    },
  };
}

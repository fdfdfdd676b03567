/**
 * Where an exchange of recorded traffic is checked when the check is split (worker threads,
 * `--shard K/N`): the route key of an entry, read from its request line alone (har-entry-request.ts),
 * before anything parsed the entry.
 *
 * The lifecycle check is the one check that compares exchanges: it follows each subject (method
 * and path, e.g. `GET /api/kyc/status/ver_1`) through the statuses it reports. So an exchange of
 * an operation whose lifecycle is checked is keyed by that subject, and every observation of an id
 * goes to the same checker, in order. Every other exchange (an operation without a checked
 * lifecycle, such as BTC Direct's requirements, whose one path serves every user; a request no
 * spec documents; an entry whose request line cannot be read) is keyed by its position in the
 * recording, which spreads such traffic evenly instead of sending one busy path to one checker.
 */
import { providerSlugs, type ProviderSlug } from "../providers.js";
import { specDocument, type OpenApiDocument } from "../spec/load.js";
import { listOperations, listResponses } from "../spec/walk.js";
import type { EntryRequestLine } from "./har-entry-request.js";
import { readLifecycle } from "./lifecycle.js";
import { pathMatcher } from "./semantic.js";
import { requestPathname, type TrafficOptions } from "./traffic.js";

export interface TrafficRouter {
  /** The key of the entry at 1-based `position` whose request line is `line` (undefined: unreadable). */
  key(line: EntryRequestLine | undefined, position: number): string;
}

interface RoutedOperation {
  method: string;
  matches: (path: string) => boolean;
  /** Its success responses' status has a checked `x-lifecycle`. */
  tracked: boolean;
}

export function createTrafficRouter(options: Pick<TrafficOptions, "provider" | "specs" | "checker">): TrafficRouter {
  const documents: Partial<Record<ProviderSlug, OpenApiDocument>> = options.specs ?? Object.fromEntries(providerSlugs.map((slug) => [slug, specDocument(slug)]));
  const lifecycle = options.checker?.lifecycle !== false;
  // As the traffic checker detects the provider (the first, in this order, documenting the request) and the checker the operation (the first in document order).
  const providers: RoutedOperation[][] = providerSlugs
    .filter((slug) => documents[slug] !== undefined && (options.provider === undefined || slug === options.provider))
    .map((slug) => {
      const doc = documents[slug]!;
      return listOperations(doc).map((op) => {
        const match = pathMatcher(op.path);
        const success = listResponses(doc, op).find((r) => /^2\d\d$/.test(r.status));
        return { method: op.method, matches: (path: string) => match(path) !== undefined, tracked: lifecycle && success !== undefined && readLifecycle(doc, success) !== undefined };
      });
    });
  const tracked = (method: string, path: string): boolean => {
    const m = method.toLowerCase();
    for (const operations of providers) {
      const found = operations.find((op) => op.method === m && op.matches(path));
      if (found) return found.tracked;
    }
    return false;
  };
  return {
    key(line, position) {
      if (line) {
        const path = requestPathname(line);
        if (tracked(line.method, path)) return `${line.method.toUpperCase()} ${path}`;
      }
      return `#${position}`;
    },
  };
}

/**
 * Which documented response Prism 5 serves when the request does not choose one with `Prefer`
 * (verified against these specs in test/mock-server.test.ts):
 * - a valid request: the lowest 2xx status, its first named example;
 * - a request without the operation's credentials: the 401 response, its first named example
 *   (even when a `Prefer` header asks for something else);
 * - a request that fails Prism's validation (e.g. a path parameter not matching its `pattern`):
 *   the 422 response, else the 400 response, its first named example.
 */
import type { OpenApiDocument } from "../spec/load.js";
import { listScenarios, type Scenario } from "../spec/scenarios.js";
import type { Operation } from "../spec/walk.js";

export interface PrismDefaults {
  /** Served to a valid request without `Prefer`. */
  valid: Scenario | undefined;
  /** Served to a request without credentials. */
  missingCredentials: Scenario | undefined;
  /** Served to a request Prism finds invalid against the spec. */
  invalidRequest: Scenario | undefined;
}

export function prismDefaults(doc: OpenApiDocument, operation: Operation): PrismDefaults {
  const scenarios = listScenarios(doc).filter((s) => s.path === operation.path && s.method === operation.method.toUpperCase());
  const first = (status: string): Scenario | undefined => scenarios.find((s) => s.status === status);
  const success = scenarios
    .map((s) => s.status)
    .filter((status) => /^2\d\d$/.test(status))
    .sort()[0];
  return {
    valid: success === undefined ? undefined : first(success),
    missingCredentials: first("401"),
    invalidRequest: first("422") ?? first("400"),
  };
}

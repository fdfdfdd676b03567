import type { OpenApiDocument } from "./load.js";
import { listOperations, listResponses } from "./walk.js";

/** One response a mock can serve: a documented status with one of its named examples. */
export interface Scenario {
  operationId: string | undefined;
  method: string;
  path: string;
  status: string;
  example: string;
  summary: string | undefined;
  /** The example body, as the spec gives it. */
  value: unknown;
  /** The `Prefer` header value that makes Prism serve exactly this response. */
  prefer: string;
}

/** Every (status, named example) pair of every operation, in spec order. */
export function listScenarios(doc: OpenApiDocument): Scenario[] {
  return listOperations(doc).flatMap((op) =>
    listResponses(doc, op).flatMap((res) =>
      res.media.flatMap((m) =>
        m.examples.map((ex) => ({
          operationId: op.operationId,
          method: op.method.toUpperCase(),
          path: op.path,
          status: res.status,
          example: ex.name,
          summary: ex.summary,
          value: ex.value,
          prefer: `code=${res.status}, example=${ex.name}`,
        })),
      ),
    ),
  );
}

/** Why twins could not be created or started (`TwinError`), and invalid fixtures (`TwinFixturesError`). */
import type { FixtureProblem } from "./validate-fixtures.js";

export type TwinErrorCode =
  /** Fixtures that do not pass the schema or the checks after it (`field` names the field). */
  | "invalid-fixtures"
  /** The fixtures file cannot be read or parsed. */
  | "fixtures-unreadable"
  /** Contradictory or malformed options (unknown provider, duplicate or invalid port). */
  | "invalid-options"
  /** A requested port is in use or cannot be listened on. */
  | "port-unavailable";

/** Why twins could not be created or started. Nothing was left running. The message says what to do. */
export class TwinError extends Error {
  override readonly name: string = "TwinError";
  constructor(
    readonly code: TwinErrorCode,
    message: string,
    /** The fixture field at fault (`invalid-fixtures`), e.g. `myaza.records.ver_1.status`. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Fixtures that do not pass the schema or the checks after it. */
export class TwinFixturesError extends TwinError {
  override readonly name = "TwinFixturesError";
  constructor(problem: FixtureProblem, source?: string) {
    super("invalid-fixtures", `Invalid twin fixtures${source ? ` (${source})` : ""}: ${problem.message} The format is kyc-status-contracts/twin/fixtures.schema.json (see docs/twins.md, "Fixtures").`, problem.field);
  }
}

/** Reads a fixtures file (YAML or JSON) and checks it: the result is validated fixtures or one clear error. */
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { resolveFixtures, TwinError } from "./engine.js";
import type { TwinFixtureMap } from "./fixtures.js";
import type { CheckFixturesOptions } from "./validate-fixtures.js";

/**
 * Parses and validates `file` against the specs the twins serve (`options.specs`, else the bundled
 * ones); rejects with a TwinError (`fixtures-unreadable` or `invalid-fixtures`, naming the field).
 */
export async function loadFixturesFile(file: string, options: CheckFixturesOptions = {}): Promise<TwinFixtureMap> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TwinError("fixtures-unreadable", `Cannot read the fixtures file ${file}${code === "ENOENT" ? ": it does not exist" : ` (${code ?? (error as Error).message})`}. Give the path of a YAML or JSON file.`);
  }
  let value: unknown;
  try {
    value = /\.json$/i.test(file) ? JSON.parse(text) : parse(text, { prettyErrors: true });
  } catch (error) {
    const kind = /\.json$/i.test(file) ? "JSON" : "YAML";
    // The parser's first line ends with ":" before an excerpt of the file (YAML); keep the sentence, not the colon.
    const reason = ((error as Error).message.split("\n")[0] ?? "").replace(/[\s:.]+$/, "");
    throw new TwinError("fixtures-unreadable", `The fixtures file ${file} is not valid ${kind}: ${reason}. Correct the file there; the format is kyc-status-contracts/twin/fixtures.schema.json.`);
  }
  if (value === null || value === undefined) throw new TwinError("fixtures-unreadable", `The fixtures file ${file} is empty. Give at least one provider section, e.g. "myaza:".`);
  return resolveFixtures(value, file, options.specs);
}

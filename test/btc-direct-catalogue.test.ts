import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import { btcDirectErrorCatalogue, btcDirectErrorCodes, isBtcDirectErrorCode, type BtcDirectErrorCode } from "../generated/btc-direct-errors.js";
import { deriveBtcDirectCatalogue } from "../scripts/btc-direct-catalogue.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const docsErrors = (
  JSON.parse(readFileSync(path.join(here, "fixtures", "provider-docs", "btc-direct.json"), "utf8")) as { status: string; body: unknown }[]
).find((f) => f.status !== "200")!.body as { errors: Record<string, { code: string; message: string; solution: string }> };

describe("generated BTC Direct error catalogue", () => {
  it("has exactly the 17 documented codes, ER804 absent", () => {
    expect([...btcDirectErrorCodes].sort()).toEqual(Object.keys(docsErrors.errors).sort());
    expect(btcDirectErrorCodes).toHaveLength(17);
    expect(isBtcDirectErrorCode("ER804")).toBe(false);
  });

  it("carries BTC Direct's message and solution verbatim for every code", () => {
    for (const [code, doc] of Object.entries(docsErrors.errors)) {
      const entry = isBtcDirectErrorCode(code) ? btcDirectErrorCatalogue[code] : undefined;
      expect(entry, code).toBeDefined();
      expect({ message: entry!.message, solution: entry!.solution }, code).toEqual({ message: doc.message, solution: doc.solution });
    }
  });

  it("keeps the one documented HTTP status: ER801 → 400", () => {
    expect(btcDirectErrorCatalogue.ER801.httpStatus).toBe(400);
  });

  it("is typed: codes are a closed union, entries are literal", () => {
    expectTypeOf<BtcDirectErrorCode>().toEqualTypeOf<
      "ER700" | "ER701" | "ER702" | "ER703" | "ER704" | "ER705" | "ER706" | "ER707" | "ER708" | "ER709" | "ER800" | "ER801" | "ER802" | "ER803" | "ER805" | "ER806" | "ER999"
    >();
    expectTypeOf(btcDirectErrorCatalogue.ER801.httpStatus).toEqualTypeOf<400>();
    // @ts-expect-error ER804 is not a documented code
    void btcDirectErrorCatalogue.ER804;
  });
});

/** A minimal dereferenced spec with the given error examples under one status. */
const specWith = (status: string, examples: Record<string, unknown>): Record<string, unknown> => ({
  paths: { "/x": { get: { responses: { "200": { content: {} }, [status]: { content: { "application/json": { examples } } } } } } },
});
const example = (code: string, over: Record<string, unknown> = {}): unknown => ({
  value: { errors: { [code]: { code, message: "m", solution: "s", ...over } } },
});

describe("deriveBtcDirectCatalogue", () => {
  it("derives code → status, message, solution and example name", () => {
    expect(deriveBtcDirectCatalogue(specWith("401", { er806_api_key_not_found: example("ER806") }))).toEqual([
      { code: "ER806", httpStatus: 401, message: "m", solution: "s", example: "er806_api_key_not_found" },
    ]);
  });

  it.each([
    ["an example whose key and code differ", specWith("400", { er801_x: { value: { errors: { ER801: { code: "ER802", message: "m", solution: "s" } } } } }), /must be \{ code: "ER801"/],
    ["an example with two codes", specWith("400", { er801_x: { value: { errors: { ER801: {}, ER802: {} } } } }), /exactly one error/],
    ["an example without a solution", specWith("400", { er801_x: example("ER801", { solution: undefined }) }), /message, solution/],
    ["an example named after another code", specWith("400", { er802_x: example("ER801") }), /must start with "er801_"/],
    [
      "a code under two statuses",
      { paths: { "/x": { get: { responses: { "400": { content: { "application/json": { examples: { er801_a: example("ER801") } } } }, "401": { content: { "application/json": { examples: { er801_b: example("ER801") } } } } } } } } },
      /already catalogued under 400/,
    ],
    ["no error examples at all", specWith("400", {}), /empty/],
  ])("rejects %s", (_name, spec, message) => {
    expect(() => deriveBtcDirectCatalogue(spec)).toThrow(message);
  });
});

import { describe, expect, it } from "vitest";
import { isObject, jsonEqual } from "../src/json.js";

describe("jsonEqual", () => {
  it("is equality of parsed JSON, key order aside", () => {
    expect(jsonEqual(JSON.parse('{"a":1,"b":[1,{"c":null}]}'), { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(jsonEqual("x", "x")).toBe(true);
    expect(jsonEqual(null, null)).toBe(true);
  });

  it("tells apart values, types, lengths, missing and extra keys, arrays and objects", () => {
    for (const [a, b] of [
      [{ a: 1 }, { a: 2 }],
      [{ a: 1 }, { a: "1" }],
      [[1, 2], [1, 2, 3]],
      [{ a: 1 }, { a: 1, b: 2 }],
      [{ a: 1, b: undefined }, { a: 1, c: 2 }],
      [[], {}],
      [{}, []],
      [null, {}],
      [{ a: [1] }, { a: [2] }],
      [0, false],
    ] as [unknown, unknown][]) {
      expect(jsonEqual(a, b), JSON.stringify([a, b])).toBe(false);
      expect(jsonEqual(b, a), JSON.stringify([b, a])).toBe(false);
    }
  });
});

describe("isObject", () => {
  it("is true for plain objects only", () => {
    expect(isObject({})).toBe(true);
    expect([null, [], "x", 1, undefined].map(isObject)).toEqual([false, false, false, false, false]);
  });
});

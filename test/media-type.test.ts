import { describe, expect, it } from "vitest";
import { excerpt } from "../src/conformance/excerpt.js";
import { mediaTypeMatches, mediaTypeOf } from "../src/http/media-type.js";

describe("mediaTypeOf", () => {
  it("keeps the essence of a Content-Type, lower-cased", () => {
    expect(mediaTypeOf("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(mediaTypeOf(" application/problem+json ")).toBe("application/problem+json");
  });

  it("is empty when there is no header", () => {
    expect(mediaTypeOf(null)).toBe("");
    expect(mediaTypeOf(undefined)).toBe("");
    expect(mediaTypeOf("")).toBe("");
  });
});

describe("mediaTypeMatches", () => {
  it("matches the same type, any case in the spec, and ranges", () => {
    expect(mediaTypeMatches("application/json", "application/json")).toBe(true);
    expect(mediaTypeMatches("Application/Json", "application/json")).toBe(true);
    expect(mediaTypeMatches("application/*", "application/problem+json")).toBe(true);
    expect(mediaTypeMatches("*/*", "text/html")).toBe(true);
  });

  it("rejects other types and a missing one", () => {
    expect(mediaTypeMatches("application/json", "text/html")).toBe(false);
    expect(mediaTypeMatches("application/json", "application/json-seq")).toBe(false);
    expect(mediaTypeMatches("text/*", "application/json")).toBe(false);
    expect(mediaTypeMatches("*/*", "")).toBe(false);
  });
});

describe("excerpt", () => {
  it("keeps a short body, names an empty one, and cuts a long one saying how long it was", () => {
    expect(excerpt("{}")).toBe("{}");
    expect(excerpt("")).toBe("(empty body)");
    expect(excerpt("x".repeat(250))).toBe(`${"x".repeat(200)}… (250 chars)`);
  });
});

/**
 * The one redactor (src/http/redact.ts): every form a secret can come back in, short ids, and the
 * order redact → clean → cut. Expectations are literal texts.
 */
import { describe, expect, it } from "vitest";
import { cleanText, createRedactor, withoutUserinfo } from "../src/http/redact.js";

describe("createRedactor", () => {
  it("removes a secret raw, percent-encoded (upper and lower case hex), form-encoded and JSON-escaped", () => {
    const redact = createRedactor(['sk_test/with spaces"q']);
    expect(redact('a sk_test/with spaces"q b')).toBe("a [redacted] b");
    expect(redact("a sk_test%2Fwith%20spaces%22q b")).toBe("a [redacted] b");
    expect(redact("a sk_test%2fwith%20spaces%22q b")).toBe("a [redacted] b");
    expect(redact("a sk_test%2fwith+spaces%22q b")).toBe("a [redacted] b");
    expect(redact('a sk_test/with spaces\\"q b')).toBe("a [redacted] b");
  });

  it("removes ids shorter than 3 characters where they stand alone, not inside other words", () => {
    const redact = createRedactor(["me", "42"]);
    expect(redact("no record for me")).toBe("no record for [redacted]");
    expect(redact("user 42 not found (HTTP 429), see message")).toBe("user [redacted] not found (HTTP 429), see message");
    expect(redact("/v1/kyc/me")).toBe("/v1/kyc/[redacted]");
  });

  it("removes a secret that contains control characters before anything cleans them", () => {
    const redact = createRedactor(["user\t42"]);
    expect(cleanText("no user\t42 here", redact, 300)).toBe("no [redacted] here");
    expect(cleanText("no user%0942 here", redact, 300)).toBe("no [redacted] here");
  });

  it("leaves text without secrets as it is", () => {
    expect(createRedactor([])("anything")).toBe("anything");
    expect(createRedactor(["", "token_abc"])("a token_ab b")).toBe("a token_ab b");
  });
});

describe("cleanText", () => {
  it("redacts before it cuts: no head of a long id is left at the cut", () => {
    const id = `usr_${"7".repeat(40)}`;
    const path = `/v1/kyc/${"x".repeat(100)}/${id}`;
    expect(cleanText(path, createRedactor([id]), 120)).toBe(`/v1/kyc/${"x".repeat(100)}/[redacted]`);
    expect(cleanText(`/v1/kyc/${"x".repeat(110)}/${id}`, createRedactor([id]), 120)).toBe(`/v1/kyc/${"x".repeat(110)}/[…`);
  });

  it("makes text one line and trims it; blank or non-string is undefined", () => {
    expect(cleanText("  two\r\nlines\u001b[31m  ", createRedactor([]), 300)).toBe("two lines [31m");
    expect(cleanText(" \n ", createRedactor([]), 300)).toBeUndefined();
    expect(cleanText(42, createRedactor([]), 300)).toBeUndefined();
  });
});

describe("withoutUserinfo", () => {
  it.each([
    ["https://user:s3cret@api.example.com/base", "https://api.example.com/base"],
    ["https://s3cret@api.example.com", "https://api.example.com/"],
    ["https://api.example.com/base", "https://api.example.com/base"],
    ["http://user:pa ss@exa mple/x", "http://exa mple/x"],
    ["http://u:p/w@host", "http://host"],
    ["not a url", "not a url"],
  ])("%s → %s", (input, output) => {
    expect(withoutUserinfo(input)).toBe(output);
  });
});

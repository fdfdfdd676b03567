/**
 * The request-line reader (src/conformance/har-entry-request.ts): an entry's method, url and
 * `_apiPath` read from its bytes as `JSON.parse` and `requestOfEntry` would read them, whatever
 * the order of the members, the white space, the escapes, and whatever a body says — and
 * undefined, not a guess, where the bytes are not an entry with a request line.
 */
import { describe, expect, it } from "vitest";
import { recordingTemplates } from "../bench/recording.js";
import { harEntry, requestOfEntry } from "../src/conformance/har.js";
import { readEntryRequestLine } from "../src/conformance/har-entry-request.js";
import { createPiiMasker, Scrubber } from "../src/conformance/pii.js";

const read = (text: string): ReturnType<typeof readEntryRequestLine> => readEntryRequestLine(Buffer.from(text, "utf8"));

/** What the full parse reads of the same text (requestOfEntry's request), or undefined. */
function parsed(text: string): ReturnType<typeof readEntryRequestLine> {
  const r = requestOfEntry(JSON.parse(text), 0);
  if (r.ok) return r.request;
  // requestOfEntry also wants a response: the request line alone is compared here.
  const entry = JSON.parse(text) as { request?: { method?: unknown; url?: unknown; _apiPath?: unknown } };
  const req = entry.request;
  if (typeof req?.method !== "string" || typeof req.url !== "string") return undefined;
  return { method: req.method, url: req.url, ...(typeof req._apiPath === "string" && req._apiPath.startsWith("/") ? { apiPath: req._apiPath } : {}) };
}

describe("readEntryRequestLine on what recorders write", () => {
  it("every entry the proxy writes for the twins' answers: the full parse's request line", async () => {
    const masker = createPiiMasker(true);
    const scrubber = new Scrubber(masker);
    const templates = await recordingTemplates();
    expect(templates.length).toBeGreaterThan(3);
    for (const { exchange } of templates) {
      for (const x of [exchange, { ...exchange, request: { ...exchange.request, apiPath: "/api/kyc/status/x?y=1" } }]) {
        const text = JSON.stringify(harEntry(x, masker, scrubber));
        // assert the same method, url and apiPath as JSON.parse + requestOfEntry
        expect(read(text)).toEqual(parsed(text));
        expect(read(text)).toMatchObject({ method: x.request.method });
      }
    }
  });

  it.each([
    ["members in another order, the response (with a url in its body) first", '{"response":{"status":200,"content":{"text":"{\\"url\\":\\"https://evil.test/\\",\\"method\\":\\"DELETE\\"}"}},"request":{"headers":[{"name":"url","value":"x"}],"url":"https://a.test/p","method":"GET"}}'],
    ["white space everywhere, pretty-printed", '{\n  "request" : {\n    "method" : "POST" ,\n    "url" : "https://a.test/p?q=1"\n  } ,\n  "response" : { "status" : 201 }\n}'],
    ["escapes in the values", '{"request":{"method":"GET","url":"https:\\/\\/a.test\\/caf\\u00e9\\/\\"q\\""}}'],
    ["multi-byte characters", '{"request":{"method":"GET","url":"https://a.test/été/日本"}}'],
    ["_apiPath after the headers", '{"request":{"method":"GET","url":"https://up.test/sandbox/x","headers":[{"name":"a","value":"]}\\""}],"_apiPath":"/x"},"response":{"status":200}}'],
    ["an _apiPath that is not a path", '{"request":{"method":"GET","url":"https://a.test/x","_apiPath":"x"}}'],
    ["a repeated method, read to the end because of an _apiPath", '{"request":{"method":"GET","url":"https://a.test/x","method":"PUT","_apiPath":"/y"}}'],
    ["a method repeated as a number", '{"request":{"method":"GET","_apiPath":"/y","url":"https://a.test/x","method":5}}'],
    ["strings ending in backslashes", '{"pages":["\\\\","a\\\\\\""],"request":{"method":"GET","url":"https://a.test/\\\\"}}'],
    ["values of every kind before the request", '{"time":-1.5e3,"ok":true,"no":null,"list":[[],{}],"request":{"method":"GET","url":"https://a.test/"}}'],
  ])("%s: as the full parse reads it", (_, text) => {
    // assert the reader agrees with JSON.parse (the text is JSON: the test fails loudly if not)
    expect(read(text)).toEqual(parsed(text));
  });

  it("reads the request's own url, not a url elsewhere (a body, a header, another object)", () => {
    const text = '{"response":{"content":{"text":"\\"request\\":{\\"url\\":\\"https://evil.test/\\"}"}},"_initiator":{"url":"https://page.test/"},"request":{"method":"GET","url":"https://a.test/right"}}';
    // assert the request's url: the quoted keys inside the body and the initiator's url are not it
    expect(read(text)).toEqual({ method: "GET", url: "https://a.test/right" });
  });
});

describe("readEntryRequestLine where there is no request line", () => {
  it.each([
    ["no request", '{"response":{"status":200}}'],
    ["a request without a url", '{"request":{"method":"GET"}}'],
    ["a url that is not a string", '{"request":{"method":"GET","url":7}}'],
    ["a request that is not an object", '{"request":"GET https://a.test/"}'],
    ["an entry that is not an object", '["request",{"method":"GET","url":"https://a.test/"}]'],
    ["bytes cut before the url", '{"request":{"method":"GET","ur'],
    ["a string that never closes", '{"request":{"method":"GET","url":"https://a.test/'],
    ["not JSON at all", "request method GET url https://a.test/"],
    ["nothing", ""],
  ])("%s: undefined", (_, text) => {
    // assert no request line is made up
    expect(read(text)).toBeUndefined();
  });
});

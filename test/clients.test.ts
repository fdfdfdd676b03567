/**
 * The four clients with an injected fetch (openapi-fetch's own test style): what they send, and
 * every failure kind as a value. Behaviours common to all providers run once per provider.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  clientErrorKinds,
  createBtcDirectClient,
  createMyazaClient,
  createNyotaImaraClient,
  createProofClient,
  kycStates,
  providerSlugs,
  type BtcDirectCatalogueEntry,
  type ClientErrorKind,
  type KycState,
  type MyazaKycStatusBody,
  type MyazaKycStatusResult,
  type NyotaImaraKycStatusBody,
  type ProofKycStatusBody,
  type BtcDirectKycStatusBody,
} from "../src/index.js";
import { createStatusCaller } from "../src/clients/core.js";
import type { paths as ProofPaths } from "../generated/proof.js";
import { proofClientContract } from "../generated/proof-client.js";
import { normalizeProofStatus } from "../src/status.js";
import { BASE_URL, harnesses, onlyRequest, recordingFetch, RECORD_ID, secretsInError, shapeProblems, TOKEN, USER_ID, type AnyResult, type Harness } from "./helpers/clients.js";

/** A body each provider's spec accepts with status 200, and its raw status. */
const validBodies: Record<string, { body: unknown; withStatus(status: string): unknown }> = {
  proof: { body: { partner_user_id: "u1", status: "pending" }, withStatus: (status) => ({ partner_user_id: "u1", status }) },
  "btc-direct": { body: [{ name: "idDocument", status: "pending" }], withStatus: (status) => [{ name: "idDocument", status }] },
  "nyota-imara": {
    body: nyotaRecord("pending"),
    withStatus: (status) => nyotaRecord(status),
  },
  myaza: {
    body: { verificationId: "ver_01", status: "pending", createdAt: "2026-04-27T12:00:00.000Z" },
    withStatus: (status) => ({ verificationId: "ver_01", status, createdAt: "2026-04-27T12:00:00.000Z" }),
  },
};

function nyotaRecord(status: string, url = "https://storage.example.com/doc?X-Amz-Expires=900") {
  return {
    success: true,
    data: {
      userId: "usr_01",
      userInfo: { email: "a@example.com", name: "A" },
      idNumber: "1",
      status,
      documents: { idFrontUrl: url, idBackUrl: url, passportPhotoUrl: url },
      verifiedAt: null,
      rejectionReason: null,
      submittedAt: "2025-04-20T08:30:00.000Z",
    },
  };
}

const call = (h: Harness, respond: (request: Request) => Response | Promise<Response>, extra: { timeoutMs?: number } = {}) => {
  const transport = recordingFetch(respond);
  return { run: () => h.create({ fetch: transport.fetch, ...extra })(RECORD_ID), requests: transport.requests };
};

const failed = (result: AnyResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result.error;
};

describe.each(providerSlugs)("%s client", (slug) => {
  const h = harnesses[slug];
  const valid = validBodies[slug]!;

  describe("request", () => {
    it("sends a GET with the credentials to the documented path below the base URL", async () => {
      const { run, requests } = call(h, () => Response.json(valid.body));
      const result = await run();
      const request = onlyRequest(requests);
      // assert method, URL, and exactly the provider's credential headers
      expect(request.method).toBe("GET");
      expect(request.url).toBe(`${BASE_URL}${h.path(RECORD_ID)}`);
      for (const [name, value] of Object.entries(h.headers)) expect(request.headers.get(name), name).toBe(value);
      const credentialHeaders = ["authorization", "x-api-key", "user-identifier", "user-authorization"].filter((n) => request.headers.has(n));
      expect(credentialHeaders.sort()).toEqual(Object.keys(h.headers).sort());
      // assert redirects are not followed (they would carry the credentials elsewhere)
      expect(request.redirect).toBe("manual");
      expect(result.ok).toBe(true);
    });

    // BTC Direct's call takes no id: the path tests apply to the other three.
    const withId = h.takesId ? it : () => undefined;
    withId("percent-encodes the id so ../, ?, #, / and % stay inside its segment", async () => {
      for (const id of ["../../admin", "a?b=c", "a#frag", "a/b", "%2e%2e", "ver_ü 1", "..%2f"]) {
        const transport = recordingFetch(() => Response.json(valid.body));
        await h.create({ fetch: transport.fetch })(id);
        const url = new URL(onlyRequest(transport.requests).url);
        // assert the id is one encoded segment: nothing in the query or fragment, the path unchanged
        expect(url.pathname, id).toBe(new URL(BASE_URL).pathname + h.path(encodeURIComponent(id)));
        expect(url.search, id).toBe("");
        expect(url.hash, id).toBe("");
      }
    });

    withId('rejects ids that cannot be a path segment ("", ".", "..") with a TypeError, before sending', async () => {
      const transport = recordingFetch(() => Response.json(valid.body));
      const get = h.create({ fetch: transport.fetch });
      for (const id of ["", ".", ".."]) await expect(get(id), JSON.stringify(id)).rejects.toThrow(TypeError);
      await expect(get("\ud800")).rejects.toThrow(/well-formed/);
      expect(transport.requests).toHaveLength(0);
    });
  });

  describe("success", () => {
    it("returns the typed body, the HTTP status and a normalized status", async () => {
      const result = await call(h, () => Response.json(valid.body)).run();
      // assert the documented success shape
      expect(result).toMatchObject({ ok: true, data: valid.body, httpStatus: 200, kyc: { provider: slug, state: "pending" } });
      expect(shapeProblems(result, slug, kycStates, clientErrorKinds)).toEqual([]);
    });

    it("accepts a JSON content type with parameters", async () => {
      const result = await call(h, () => new Response(JSON.stringify(valid.body), { headers: { "content-type": "Application/JSON; charset=utf-8" } })).run();
      expect(result.ok).toBe(true);
    });

    it("normalizes a status value the spec does not list to unknown, keeping the raw value", async () => {
      const result = await call(h, () => Response.json(valid.withStatus("expired_by_new_rule"))).run();
      // assert forward compatible: a success, not a crash and not a guess
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.kyc).toMatchObject({ state: "unknown", rawStatus: "expired_by_new_rule" });
    });
  });

  describe("failure: http", () => {
    it("is an http error whatever the error body is (JSON of another shape, HTML, empty)", async () => {
      const bodies = [Response.json({ unexpected: true }, { status: 404 }), new Response("<html><body>Bad gateway</body></html>", { status: 502, headers: { "content-type": "text/html" } }), new Response(null, { status: 500 })];
      for (const response of bodies) {
        const status = response.status;
        const error = failed(await call(h, () => response).run());
        // assert the status decides, the body only adds detail
        expect(error).toMatchObject({ kind: "http", provider: slug, httpStatus: status, retryable: status === 502 });
        expect(error.code).toBeUndefined();
        expect(error.message).toContain(`HTTP ${status}`);
      }
    });

    it.each([
      [400, false],
      [401, false],
      [403, false],
      [404, false],
      [409, false],
      [429, true],
      [500, false],
      [501, false],
      [502, true],
      [503, true],
      [504, true],
    ])("HTTP %i is retryable: %s", async (status, retryable) => {
      const error = failed(await call(h, () => Response.json({}, { status })).run());
      expect(error).toMatchObject({ kind: "http", httpStatus: status, retryable });
    });

    it("does not follow a redirect: an http error telling to fix baseUrl", async () => {
      const { run, requests } = call(h, () => new Response(null, { status: 302, headers: { location: "https://elsewhere.test/" } }));
      const error = failed(await run());
      expect(requests).toHaveLength(1);
      expect(error).toMatchObject({ kind: "http", httpStatus: 302, retryable: false });
      expect(error.message).toContain("baseUrl");
    });

    it("reads how long to wait from Retry-After (seconds or date) or RateLimit-Reset", async () => {
      const cases: [Record<string, string>, (ms: number | undefined) => boolean][] = [
        [{ "retry-after": "7" }, (ms) => ms === 7000],
        [{ "ratelimit-reset": "42" }, (ms) => ms === 42_000],
        [{ "retry-after": "3", "ratelimit-reset": "42" }, (ms) => ms === 3000],
        [{ "retry-after": new Date(Date.now() + 3_600_000).toUTCString() }, (ms) => ms !== undefined && ms > 3_000_000 && ms <= 3_600_000],
        [{ "ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600) }, (ms) => ms !== undefined && ms > 3_000_000 && ms <= 3_600_000],
        [{ "retry-after": "soon" }, (ms) => ms === undefined],
        [{}, (ms) => ms === undefined],
      ];
      for (const [headers, expected] of cases) {
        const error = failed(await call(h, () => Response.json({}, { status: 429, headers })).run());
        expect(expected(error.retryAfterMs), `${JSON.stringify(headers)} → ${error.retryAfterMs}`).toBe(true);
      }
    });

    it("keeps the provider's request id for support", async () => {
      const error = failed(await call(h, () => Response.json({}, { status: 500, headers: { "x-request-id": "req_8f14e45fceea167a" } })).run());
      expect(error.requestId).toBe("req_8f14e45fceea167a");
    });

    it("keeps the request id of a success status whose body is unusable", async () => {
      const error = failed(await call(h, () => new Response("<html>gateway</html>", { status: 200, headers: { "content-type": "text/html", "x-request-id": "req_c4ca4238a0b92382" } })).run());
      expect(error.kind).toBe("invalid_response");
      expect(error.requestId).toBe("req_c4ca4238a0b92382");
    });
  });

  describe("failure: network", () => {
    it("is a retryable network error, keeping only the system error code", async () => {
      const refused = Object.assign(new TypeError(`fetch failed for ${BASE_URL}/${RECORD_ID}`), { cause: Object.assign(new Error(`connect ECONNREFUSED (${TOKEN})`), { code: "ECONNREFUSED" }) });
      const error = failed(await call(h, () => Promise.reject(refused)).run());
      expect(error).toEqual({ kind: "network", provider: slug, retryable: true, message: expect.stringContaining("(ECONNREFUSED)") });
    });

    it("is a network error when the transport throws anything, or reading the body fails", async () => {
      const broken = new Response(new ReadableStream({ pull: (c) => c.error(new Error("socket hang up")) }), { headers: { "content-type": "application/json" } });
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a transport rejecting with a non-Error is the case under test
      for (const respond of [() => Promise.reject("not even an Error"), () => broken, () => undefined as unknown as Response]) {
        const error = failed(await call(h, respond).run());
        expect(error).toMatchObject({ kind: "network", retryable: true });
      }
    });
  });

  describe("failure: timeout", () => {
    it("is a retryable timeout when the provider does not answer within timeoutMs, even if fetch ignores the signal", async () => {
      const error = failed(await call(h, () => new Promise<Response>(() => {}), { timeoutMs: 5 }).run());
      expect(error).toEqual({ kind: "timeout", provider: slug, retryable: true, message: expect.stringContaining("5 ms") });
    });

    it("gives the transport the signal, aborted at the timeout", async () => {
      const { run, requests } = call(h, (request) => new Promise<Response>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))), { timeoutMs: 5 });
      expect(failed(await run()).kind).toBe("timeout");
      expect(onlyRequest(requests).signal.aborted).toBe(true);
    });
  });

  describe("cancellation", () => {
    it("rejects with the caller's abort reason (a caller's decision, not a provider failure)", async () => {
      const controller = new AbortController();
      const transport = recordingFetch(() => new Promise<Response>(() => {}));
      const pending = h.create({ fetch: transport.fetch })(RECORD_ID, { signal: controller.signal });
      controller.abort(new Error("user navigated away"));
      await expect(pending).rejects.toThrow("user navigated away");
      const already = AbortSignal.abort();
      await expect(h.create({ fetch: transport.fetch })(RECORD_ID, { signal: already })).rejects.toThrow(/abort/i);
    });
  });

  describe("failure: invalid_response", () => {
    const cases: [string, () => Response, RegExp][] = [
      ["an HTML page with 200", () => new Response("<!doctype html><h1>Welcome</h1>", { headers: { "content-type": "text/html" } }), /Content-Type "text\/html"/],
      ["JSON sent as text/plain", () => new Response(JSON.stringify(valid.body), { headers: { "content-type": "text/plain" } }), /Content-Type "text\/plain"/],
      ["no content type", () => new Response(new Blob([JSON.stringify(valid.body)])), /no Content-Type/],
      ["a truncated body", () => new Response(JSON.stringify(valid.body).slice(0, 12), { headers: { "content-type": "application/json" } }), /not JSON/],
      ["an empty body", () => new Response("", { headers: { "content-type": "application/json" } }), /empty body/],
      ["an empty body with Content-Length: 0", () => new Response("", { headers: { "content-type": "application/json", "content-length": "0" } }), /empty body/],
      ["JSON whose status fields do not match the schema", () => Response.json({ status: 42 }), /a body whose status fields do not match its spec/],
      ["an undocumented 2xx status", () => Response.json(valid.body, { status: 201 }), /does not document/],
      ["204 No Content", () => new Response(null, { status: 204 }), /does not document/],
    ];
    it.each(cases)("%s", async (_name, respond, reason) => {
      const error = failed(await call(h, respond).run());
      expect(error).toMatchObject({ kind: "invalid_response", provider: slug, retryable: false });
      expect(error.message).toMatch(reason);
      expect(shapeProblems({ ok: false, error } as AnyResult, slug, kycStates, clientErrorKinds)).toEqual([]);
    });
  });

  describe("secrets", () => {
    it("never puts a credential or the id into an error, its JSON or message, across every kind, even when the server echoes them", async () => {
      const echo = h.secrets.join(" ");
      const hang = () => new Promise<Response>(() => {});
      const hostile: (() => Response | Promise<Response>)[] = [
        () => Response.json({ error: `bad ${echo}`, code: echo, message: `token ${echo}`, errors: { [echo]: { code: echo, message: echo, solution: echo } } }, { status: 401, headers: { "x-request-id": echo } }),
        () => Response.json({ error: echo, message: encodeURIComponent(echo) }, { status: 429, headers: { "retry-after": echo } }),
        () => new Response(`<html>${echo}</html>`, { status: 502, headers: { "content-type": `text/html; x=${encodeURIComponent(TOKEN)}` } }),
        () => new Response(`<html>${echo}</html>`, { status: 200, headers: { "content-type": `text/${encodeURIComponent(TOKEN)}` } }),
        () => Response.json({ [TOKEN]: echo, status: { [USER_ID]: echo }, data: { [TOKEN]: echo, status: { [USER_ID]: echo } } }),
        () => Promise.reject(new TypeError(`fetch failed: ${echo}`, { cause: { code: echo } })),
        hang,
      ];
      const kinds = new Set<ClientErrorKind>();
      for (const respond of hostile) {
        // Only the hang needs a short timeout; a loaded machine must not turn the others into timeouts.
        const result = await call(h, respond, { timeoutMs: respond === hang ? 5 : 60_000 }).run();
        kinds.add(failed(result).kind);
        // assert none of the provider's secrets (nor the other providers' test secrets) is in the error
        expect(secretsInError(result, [TOKEN, USER_ID, RECORD_ID]), JSON.stringify(result)).toEqual([]);
      }
      expect([...kinds].sort()).toEqual([...clientErrorKinds].sort());
    });

    it("keeps credentials out of factory errors", () => {
      const transport = recordingFetch(() => Response.json(valid.body));
      // assert a bad option is named, its value never shown
      expect(() => h.create({ fetch: transport.fetch, baseUrl: `https://user:${TOKEN}@host.test` })).toThrow(/baseUrl must be an absolute http\(s\) URL/);
      try {
        h.create({ fetch: transport.fetch, baseUrl: `https://user:${TOKEN}@host.test` });
      } catch (error) {
        expect(String(error)).not.toContain(TOKEN);
      }
    });
  });

  describe("options", () => {
    it("rejects a bad baseUrl, timeoutMs or fetch with a TypeError naming the option", () => {
      const transport = recordingFetch(() => Response.json(valid.body));
      expect(() => h.create({ fetch: transport.fetch, baseUrl: "not a url" })).toThrow(/baseUrl/);
      expect(() => h.create({ fetch: transport.fetch, baseUrl: "ftp://host.test" })).toThrow(/baseUrl/);
      expect(() => h.create({ fetch: transport.fetch, baseUrl: "https://host.test/?a=1" })).toThrow(/baseUrl/);
      for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) expect(() => h.create({ fetch: transport.fetch, timeoutMs }), String(timeoutMs)).toThrow(/timeoutMs/);
      expect(() => h.create({ fetch: "fetch" as never })).toThrow(/fetch must be a function/);
    });

    it("keeps a base URL path prefix and drops a trailing slash", async () => {
      const transport = recordingFetch(() => Response.json(valid.body));
      await h.create({ fetch: transport.fetch, baseUrl: "https://host.test/api-proxy/" })(RECORD_ID);
      expect(onlyRequest(transport.requests).url).toBe(`https://host.test/api-proxy${h.path(RECORD_ID)}`);
    });
  });
});

describe("credentials", () => {
  const fetch = recordingFetch(() => Response.json({})).fetch;
  const baseUrl = BASE_URL;

  it("refuses a missing, empty or header-breaking credential, naming the option and never its value", () => {
    const bad = ["", "   ", `${TOKEN}\r\nX-Injected: 1`, `${TOKEN}\u0000`, "tök€n", 42, undefined];
    for (const value of bad) {
      const attempts = [
        () => createProofClient({ baseUrl, fetch, clientToken: value as string }),
        () => createMyazaClient({ baseUrl, fetch, apiKey: value as string }),
        () => createNyotaImaraClient({ baseUrl, fetch, token: value as string }),
        () => createBtcDirectClient({ baseUrl, fetch, apiKey: value as string, userIdentifier: USER_ID }),
        () => createBtcDirectClient({ baseUrl, fetch, apiKey: TOKEN, userToken: value as string }),
      ];
      const names = [/clientToken/, /apiKey/, /token/, /apiKey/, /userToken/];
      attempts.forEach((attempt, i) => {
        expect(attempt, `${i} ${JSON.stringify(value)}`).toThrow(TypeError);
        expect(attempt, `${i}`).toThrow(names[i]!);
        try {
          attempt();
        } catch (error) {
          expect(String(error)).not.toContain(TOKEN);
        }
      });
    }
  });

  it("BTC Direct needs exactly one of userIdentifier and userToken", () => {
    // @ts-expect-error both user credentials
    expect(() => createBtcDirectClient({ baseUrl, fetch, apiKey: TOKEN, userIdentifier: USER_ID, userToken: TOKEN })).toThrow(/exactly one of userIdentifier or userToken/);
    // @ts-expect-error neither user credential
    expect(() => createBtcDirectClient({ baseUrl, fetch, apiKey: TOKEN })).toThrow(/exactly one/);
  });

  it("BTC Direct needs exactly one of apiKey and partnerToken", () => {
    // @ts-expect-error both partner credentials
    expect(() => createBtcDirectClient({ baseUrl, fetch, apiKey: TOKEN, partnerToken: TOKEN, userIdentifier: USER_ID })).toThrow(/exactly one of apiKey or partnerToken .*ER803 to both, ER802 to neither/);
    // @ts-expect-error neither partner credential
    expect(() => createBtcDirectClient({ baseUrl, fetch, userIdentifier: USER_ID })).toThrow(/exactly one of apiKey or partnerToken/);
    expect(() => createBtcDirectClient({ baseUrl, fetch, partnerToken: "", userIdentifier: USER_ID })).toThrow(/partnerToken must be a non-empty string/);
  });

  it("BTC Direct sends a partner token as Authorization: Bearer, and no X-Api-Key", async () => {
    const transport = recordingFetch(() => Response.json([]));
    const result = await createBtcDirectClient({ baseUrl, fetch: transport.fetch, partnerToken: TOKEN, userIdentifier: USER_ID }).getKycStatus();
    expect(result.ok).toBe(true);
    const request = onlyRequest(transport.requests);
    expect(request.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(request.headers.get("user-identifier")).toBe(USER_ID);
    expect(request.headers.has("x-api-key")).toBe(false);
    expect(request.headers.has("user-authorization")).toBe(false);
  });

  it("BTC Direct sends a partner token and a user token side by side, each in its own header", async () => {
    const transport = recordingFetch(() => Response.json([]));
    await createBtcDirectClient({ baseUrl, fetch: transport.fetch, partnerToken: TOKEN, userToken: USER_ID }).getKycStatus();
    const request = onlyRequest(transport.requests);
    expect(request.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(request.headers.get("user-authorization")).toBe(`Bearer ${USER_ID}`);
    expect(request.headers.has("x-api-key")).toBe(false);
  });

  it("BTC Direct sends a user token as User-Authorization: Bearer, and no User-Identifier", async () => {
    const transport = recordingFetch(() => Response.json([]));
    await createBtcDirectClient({ baseUrl, fetch: transport.fetch, apiKey: TOKEN, userToken: USER_ID }).getKycStatus();
    const request = onlyRequest(transport.requests);
    expect(request.headers.get("user-authorization")).toBe(`Bearer ${USER_ID}`);
    expect(request.headers.get("x-api-key")).toBe(TOKEN);
    expect(request.headers.has("user-identifier")).toBe(false);
    expect(request.headers.has("authorization")).toBe(false);
  });

  it("keeps credentials out of the client objects", () => {
    const clients = [
      createProofClient({ baseUrl, fetch, clientToken: TOKEN }),
      createBtcDirectClient({ baseUrl, fetch, apiKey: TOKEN, userIdentifier: USER_ID }),
      createNyotaImaraClient({ baseUrl, fetch, token: TOKEN }),
      createMyazaClient({ baseUrl, fetch, apiKey: TOKEN }),
    ];
    for (const client of clients) {
      expect(JSON.stringify(client)).toBe(JSON.stringify({ provider: client.provider }));
      expect(Object.isFrozen(client)).toBe(true);
    }
  });

  it("a factory without options is a TypeError saying what to pass", () => {
    // @ts-expect-error no options
    expect(() => createMyazaClient()).toThrow(/pass an options object/);
  });
});

describe("provider specifics", () => {
  it("Proof: the error's code is Proof's `code`, its text Proof's `message`", async () => {
    const transport = recordingFetch(() => Response.json({ error: "unauthorised", code: "invalid_token", message: "Client token is invalid." }, { status: 401 }));
    const error = failed(await createProofClient({ baseUrl: BASE_URL, clientToken: TOKEN, fetch: transport.fetch }).getKycStatus("u1"));
    expect(error).toMatchObject({ kind: "http", httpStatus: 401, code: "invalid_token" });
    expect(error.message).toBe("Proof answered HTTP 401 (invalid_token): Client token is invalid. Check the credentials given to the client (missing, invalid or expired).");
  });

  it("BTC Direct: a documented ER code carries its catalogue entry; an undocumented one keeps the server's text", async () => {
    const btc = (body: unknown, status: number) =>
      createBtcDirectClient({ baseUrl: BASE_URL, apiKey: TOKEN, userIdentifier: USER_ID, fetch: recordingFetch(() => Response.json(body, { status })).fetch }).getKycStatus();
    const known = await btc({ errors: { ER801: { code: "ER801", message: "Authorization token has expired.", solution: "Request a new authorization token." } } }, 400);
    expect(known.ok).toBe(false);
    if (!known.ok) {
      expectTypeOf(known.error.catalogueEntry).toEqualTypeOf<BtcDirectCatalogueEntry | undefined>();
      expect(known.error.catalogueEntry).toEqual({ code: "ER801", httpStatus: 400, message: "Authorization token has expired.", solution: "Request a new authorization token.", example: "er801_token_expired" });
      expect(known.error.message).toBe("BTC Direct answered HTTP 400 (ER801): Authorization token has expired. Request a new authorization token.");
    }
    const unknown = failed(await btc({ errors: { ER804: { code: "ER804", message: "Something new.", solution: "Do the new thing." } } }, 400));
    expect(unknown).toMatchObject({ code: "ER804", message: "BTC Direct answered HTTP 400 (ER804): Something new. Do the new thing." });
    expect("catalogueEntry" in unknown).toBe(false);
  });

  it("BTC Direct: outstanding lists the requirements still missing or open", async () => {
    const body = [
      { name: "idDocument", status: "missing" },
      { name: "emailCode", status: "pending" },
      { name: "kyc", status: "open" },
    ];
    const result = await createBtcDirectClient({ baseUrl: BASE_URL, apiKey: TOKEN, userIdentifier: USER_ID, fetch: recordingFetch(() => Response.json(body)).fetch }).getKycStatus();
    expect(result.ok && result.kyc).toEqual({ state: "action_required", provider: "btc-direct", rawStatus: "missing, pending, open", outstanding: ["idDocument", "kyc"] });
  });

  it("Myaza: reasonCode and reason are kept; the 429 RateLimit-Reset becomes retryAfterMs", async () => {
    const failedBody = { verificationId: "ver_01", status: "failed", reason: "Selfie mismatch.", reasonCode: "selfie_mismatch", createdAt: "2026-04-27T12:00:00.000Z", completedAt: "2026-04-27T12:00:05.000Z" };
    const ok = await createMyazaClient({ baseUrl: BASE_URL, apiKey: TOKEN, fetch: recordingFetch(() => Response.json(failedBody)).fetch }).getKycStatus("ver_01");
    expect(ok.ok && ok.kyc).toEqual({ state: "rejected", provider: "myaza", rawStatus: "failed", reasonCode: "selfie_mismatch", reason: "Selfie mismatch." });
    const limited = failed(
      await createMyazaClient({
        baseUrl: BASE_URL,
        apiKey: TOKEN,
        fetch: recordingFetch(() => Response.json({ error: "Too many requests, please try again later." }, { status: 429, headers: { "RateLimit-Reset": "120" } })).fetch,
      }).getKycStatus("ver_01"),
    );
    expect(limited).toMatchObject({ kind: "http", httpStatus: 429, retryable: true, retryAfterMs: 120_000 });
    expect(limited.message).toBe("Myaza answered HTTP 429: Too many requests, please try again later. Rate limited: retry in 120 s.");
  });

  it("Nyota Imara: `me` is sent as is, and the result says when the document URLs expire", async () => {
    const transport = recordingFetch(() => Response.json(nyotaRecord("verified", "https://storage.example.com/doc?X-Amz-Date=20250420T083000Z&X-Amz-Expires=900&X-Amz-Signature=abc")));
    const result = await createNyotaImaraClient({ baseUrl: BASE_URL, token: TOKEN, fetch: transport.fetch }).getKycStatus("me");
    expect(onlyRequest(transport.requests).url).toBe(`${BASE_URL}/v1/kyc/me`);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expectTypeOf(result.documentsExpireAt).toEqualTypeOf<Date>();
      // assert signed at X-Amz-Date, valid X-Amz-Expires seconds
      expect(result.documentsExpireAt.toISOString()).toBe("2025-04-20T08:45:00.000Z");
    }
  });

  it("Nyota Imara: without X-Amz-Date the URLs expire X-Amz-Expires after the response", async () => {
    const before = Date.now();
    const result = await createNyotaImaraClient({ baseUrl: BASE_URL, token: TOKEN, fetch: recordingFetch(() => Response.json(nyotaRecord("pending"))).fetch }).getKycStatus("me");
    const after = Date.now();
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.documentsExpireAt.getTime()).toBeGreaterThanOrEqual(before + 900_000);
      expect(result.documentsExpireAt.getTime()).toBeLessThanOrEqual(after + 900_000);
    }
  });

  it("Nyota Imara: the reviewer's rejection note becomes the reason", async () => {
    const body = nyotaRecord("rejected");
    body.data.rejectionReason = "Blurred ID photo." as unknown as null;
    const result = await createNyotaImaraClient({ baseUrl: BASE_URL, token: TOKEN, fetch: recordingFetch(() => Response.json(body)).fetch }).getKycStatus("me");
    expect(result.ok && result.kyc).toEqual({ state: "rejected", provider: "nyota-imara", rawStatus: "rejected", reason: "Blurred ID photo." });
  });
});

describe("types", () => {
  it("types results end to end and refuses wrong options at compile time", async () => {
    const fetch = recordingFetch(() => Response.json({ verificationId: "ver_01", status: "verified", createdAt: "2026-04-27T12:00:00.000Z", completedAt: "2026-04-27T12:00:05.000Z" })).fetch;
    const myaza = createMyazaClient({ baseUrl: BASE_URL, apiKey: TOKEN, fetch });
    const result = await myaza.getKycStatus("ver_01");
    expectTypeOf(result).toEqualTypeOf<MyazaKycStatusResult>();
    if (result.ok) {
      expectTypeOf(result.data).toEqualTypeOf<MyazaKycStatusBody>();
      expectTypeOf(result.kyc.state).toEqualTypeOf<KycState>();
      expectTypeOf(result.kyc.provider).toEqualTypeOf<"myaza">();
      expectTypeOf(result.httpStatus).toBeNumber();
      // one meaning per word: the normalized status is `kyc`, the raw one stays in `data`
      expectTypeOf(result).not.toHaveProperty("status");
      expect(Object.keys(result).sort()).toEqual(["data", "httpStatus", "kyc", "ok", "warnings"]);
    } else {
      expectTypeOf(result.error.kind).toEqualTypeOf<ClientErrorKind>();
      expectTypeOf(result.error.retryable).toBeBoolean();
      expectTypeOf(result.error.code).toEqualTypeOf<string | undefined>();
    }
    // assert: the narrowing runs too
    expect(result.ok && result.kyc.state).toBe("approved");

    expectTypeOf(createProofClient).returns.toHaveProperty("getKycStatus").returns.resolves.extract<{ ok: true }>().toHaveProperty("data").toEqualTypeOf<ProofKycStatusBody>();
    expectTypeOf(createBtcDirectClient).returns.toHaveProperty("getKycStatus").returns.resolves.extract<{ ok: true }>().toHaveProperty("data").toEqualTypeOf<BtcDirectKycStatusBody>();
    expectTypeOf(createNyotaImaraClient).returns.toHaveProperty("getKycStatus").returns.resolves.extract<{ ok: true }>().toHaveProperty("data").toEqualTypeOf<NyotaImaraKycStatusBody>();
    expectTypeOf<MyazaKycStatusBody["status"]>().toExtend<string>();
    expectTypeOf<"verified">().toExtend<MyazaKycStatusBody["status"]>();

    const attempts = [
      // @ts-expect-error apiKey missing
      () => createMyazaClient({ baseUrl: BASE_URL, fetch }),
      // @ts-expect-error clientToken missing
      () => createProofClient({ baseUrl: BASE_URL }),
      // @ts-expect-error token missing
      () => createNyotaImaraClient({ baseUrl: BASE_URL, fetch }),
      // @ts-expect-error timeoutMs is a number of milliseconds
      () => createMyazaClient({ baseUrl: BASE_URL, apiKey: TOKEN, fetch, timeoutMs: "10s" }),
      // @ts-expect-error baseUrl missing
      () => createProofClient({ clientToken: TOKEN, fetch }),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(TypeError);

    // @ts-expect-error BTC Direct's user comes from the options, not an id
    await expect(createBtcDirectClient({ baseUrl: BASE_URL, apiKey: TOKEN, userIdentifier: USER_ID, fetch }).getKycStatus("u1")).rejects.toThrow(
      "createBtcDirectClient(…).getKycStatus takes only call options ({ signal, timeoutMs }): the user comes from the client's userIdentifier or userToken, not from an id.",
    );
    // @ts-expect-error Myaza needs the verification id
    await expect(myaza.getKycStatus()).rejects.toThrow(TypeError);
  });

  it("checks a provider's path against the generated paths: at compile time (tsc), and at run time against the spec", async () => {
    const definition = {
      provider: "proof" as const,
      contract: proofClientContract,
      readError: () => ({}),
      normalize: normalizeProofStatus,
    };
    const options = { baseUrl: BASE_URL, credentials: {}, fetch: recordingFetch(() => Response.json({ partner_user_id: "u1", status: "verified" })).fetch };
    const right = createStatusCaller<"proof", ProofPaths, ProofKycStatusBody>("t", { ...definition, path: "/widget/users/{partner_user_id}/kyc-status" }, options);
    expect(await right({ partner_user_id: "u1" })).toMatchObject({ ok: true, kyc: { state: "approved", rawStatus: "verified" } });
    // @ts-expect-error the reference page's `{id}` is not the spec's path
    const wrong = createStatusCaller<"proof", ProofPaths, ProofKycStatusBody>("t", { ...definition, path: "/widget/users/{id}/kyc-status" }, options);
    await expect(wrong({ id: "u1" })).rejects.toThrow("The proof spec has no GET /widget/users/{id}/kyc-status: the client and the spec disagree (its generated contract is for GET /widget/users/{partner_user_id}/kyc-status).");
  });
});

/**
 * Routing of recorded traffic when a check is split (src/conformance/traffic-route.ts, and the
 * hash of traffic.ts): exchanges whose lifecycle is checked are keyed by their subject, so an
 * id's observations stay together; the rest by position, so one busy path is spread; the path
 * read without parsing the URL is the URL parser's; and the hash splits evenly, with the shard
 * and the thread chosen independently.
 */
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpecsOption } from "../src/cli/specs-option.js";
import { createTrafficRouter } from "../src/conformance/traffic-route.js";
import { keyHash, requestPathname, shardOf } from "../src/conformance/traffic.js";
import { copySpecWithEdit } from "./support/spec-copy.js";

const tmp = mkdtempSync(path.join(tmpdir(), "kyc-traffic-route-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const line = (method: string, url: string, apiPath?: string): { method: string; url: string; apiPath?: string } => ({ method, url, ...(apiPath === undefined ? {} : { apiPath }) });

describe("createTrafficRouter", () => {
  const router = createTrafficRouter({});

  it("an operation whose lifecycle is checked: keyed by method and path, whatever its position", () => {
    // assert Myaza's, Proof's and Nyota Imara's status reads are keyed by their subject
    for (const url of ["https://x.test/api/kyc/status/ver_1", "https://x.test/widget/users/u1/kyc-status", "https://x.test/v1/kyc/user_1"]) {
      const path = new URL(url).pathname;
      expect(router.key(line("get", `${url}?a=1`), 7)).toBe(`GET ${path}`);
      expect(router.key(line("GET", url), 99)).toBe(`GET ${path}`);
    }
    // assert the path the API saw, when the recorder noted one
    expect(router.key(line("GET", "https://up.test/sandbox/api/kyc/status/ver_1", "/api/kyc/status/ver_1"), 3)).toBe("GET /api/kyc/status/ver_1");
  });

  it("everything else is keyed by position: BTC Direct's one path (lifecycle not checked), undocumented requests, unreadable entries", () => {
    // assert each position gives its own key, so such traffic spreads over the threads
    expect(router.key(line("GET", "https://x.test/api/v2/user/verification-status"), 5)).toBe("#5");
    expect(router.key(line("GET", "https://x.test/api/v2/user/verification-status"), 6)).toBe("#6");
    expect(router.key(line("GET", "https://x.test/favicon.ico"), 8)).toBe("#8");
    expect(router.key(line("POST", "https://x.test/api/kyc/status/ver_1"), 9)).toBe("#9");
    expect(router.key(undefined, 10)).toBe("#10");
  });

  it("follows the options: lifecycle off, one provider, the specs of --specs DIR", async () => {
    // assert with the lifecycle check off nothing needs to stay together
    expect(createTrafficRouter({ checker: { lifecycle: false } }).key(line("GET", "https://x.test/api/kyc/status/ver_1"), 4)).toBe("#4");
    // assert --provider proof: Myaza's path is not Proof's, so it is not a subject
    expect(createTrafficRouter({ provider: "proof" }).key(line("GET", "https://x.test/api/kyc/status/ver_1"), 4)).toBe("#4");
    // assert a spec in DIR whose lifecycle is not checked: Myaza's reads spread too
    const dir = copySpecWithEdit(path.join(tmp, "specs"), "myaza", { file: "components/schemas/VerificationStatusResponse.yaml", from: "x-lifecycle:\n", to: "x-lifecycle:\n  checked: false\n" });
    const specs = await loadSpecsOption(dir);
    if (!specs.ok) throw new Error(specs.message);
    const relaxed = createTrafficRouter({ specs: specs.value.documents });
    expect(relaxed.key(line("GET", "https://x.test/api/kyc/status/ver_1"), 4)).toBe("#4");
    expect(router.key(line("GET", "https://x.test/api/kyc/status/ver_1"), 4)).toBe("GET /api/kyc/status/ver_1");
  });
});

describe("requestPathname", () => {
  it.each([
    ["https://a.test/api/kyc/status/ver_1?x=1#f", undefined],
    ["https://a.test", undefined],
    ["https://a.test?x", undefined],
    ["HTTPS://A.TEST/Up/Case", undefined],
    ["https://a.test/a/./b/../c", undefined],
    ["https://a.test/é space/%7e", undefined],
    ["https://a.test\\b\\c", undefined],
    ["https://user:pw@a.test:8443/p;q=1/r", undefined],
    ["https://a.test//double//slash", undefined],
    ["https://up.test/sandbox/x", "/api/kyc/status/ver_1?x=1"],
    ["https://up.test/sandbox/x", "/a/../b"],
    ["https://up.test/sandbox/x", "//evil.test/p"],
    ["/relative/url", undefined],
  ])("%s (api path %s): the URL parser's pathname", (url, apiPath) => {
    const expected = new URL(apiPath ?? url, new URL(url, "http://unknown.invalid")).pathname;
    // assert the fast reading and the URL parser agree
    expect(requestPathname({ url, ...(apiPath === undefined ? {} : { apiPath }) })).toBe(expected);
  });
});

describe("shardOf", () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? `#${i}` : `GET /api/kyc/status/ver_twin_pending0${i}`));

  it.each([2, 3, 4])("splits keys evenly into %i shards", (count) => {
    const sizes = new Array<number>(count).fill(0);
    for (const key of keys) sizes[shardOf(key, count)]!++;
    // assert every shard within 5 % of an even share
    for (const size of sizes) expect(Math.abs(size - keys.length / count)).toBeLessThan((keys.length / count) * 0.05);
  });

  it("the thread is chosen independently of the shard (a prefixed key's hash)", () => {
    // assert within shard 1 of 2, the prefixed keys' hashes split evenly too (FNV-1a alone makes them agree on every key)
    const inShard = keys.filter((k) => shardOf(k, 2) === 0);
    const odd = inShard.filter((k) => keyHash(`checker\u0000${k}`) % 2 === 1).length;
    expect(Math.abs(odd - inShard.length / 2)).toBeLessThan(inShard.length * 0.05);
  });
});

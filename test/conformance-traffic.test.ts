/**
 * Every semantic check through the validating proxy (node:http transport, real sockets on
 * 127.0.0.1) and as a HAR file (`kyc-contracts check-har`): the correct upstream passes clean and
 * is forwarded unchanged; the upstream broken in one way is forwarded unchanged and reported in
 * the check's category. Plus lifecycle from recorded sequences, and unmatched traffic.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { harDocument, harEntry, type HarEntry } from "../src/conformance/har.js";
import { serveNodeHttp, type NodeServer } from "../src/conformance/node-transport.js";
import { createProxyHandler } from "../src/conformance/proxy.js";
import { createTrafficChecker, type ExchangeReport, type TrafficChecker } from "../src/conformance/traffic.js";
import type { ProviderSlug } from "../src/providers.js";
import { runCli } from "./helpers/cli.js";
import { semanticCases, toResponse, type CannedResponse, type SemanticCase } from "./fixtures/semantic-breakages.js";

const cases = await semanticCases();
const tmp = mkdtempSync(path.join(tmpdir(), "kyc-traffic-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Session {
  reports: ExchangeReport[];
  entries: HarEntry[];
  responses: { status: number; body: string }[];
}

/** Sends `requests` through a proxy in front of an upstream answering with `answers` in turn. */
async function throughProxy(provider: ProviderSlug | undefined, answers: CannedResponse[], paths: string[], maxResponseMs?: number): Promise<Session> {
  let turn = 0;
  const servers: NodeServer[] = [];
  const traffic: TrafficChecker = createTrafficChecker({ ...(provider ? { provider } : {}), ...(maxResponseMs ? { checker: { maxResponseMs } } : {}) });
  const session: Session = { reports: [], entries: [], responses: [] };
  try {
    const upstream = await serveNodeHttp(() => toResponse(answers[Math.min(turn++, answers.length - 1)]!));
    servers.push(upstream);
    const proxy = await serveNodeHttp(
      createProxyHandler({
        upstream: new URL(upstream.url),
        onExchange: (x) => {
          session.reports.push(traffic.check(x));
          session.entries.push(harEntry(x, traffic.masker, traffic.scrubber));
        },
      }),
    );
    servers.push(proxy);
    for (const p of paths) {
      const r = await fetch(`${proxy.url}${p}`, { headers: { authorization: "Bearer test-token-0123456789" } });
      session.responses.push({ status: r.status, body: await r.text() });
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
  return session;
}

const bucket = { violation: "violations", contradiction: "contradictions", warning: "warnings" } as const;

async function checkHar(entries: HarEntry[], ...args: string[]) {
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.har`);
  writeFileSync(file, harDocument(entries, "test"));
  return runCli("check-har", file, ...args);
}

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_, c: SemanticCase) => {
  it("through the proxy: forwarded unchanged; correct is clean, broken reports its check", async () => {
    const good = await throughProxy(c.provider, [c.correct], [c.path], c.maxResponseMs);
    const bad = await throughProxy(c.provider, [c.broken], [c.path], c.maxResponseMs);
    // assert the proxy returns the upstream's response unchanged
    expect(good.responses).toEqual([{ status: c.correct.status, body: JSON.stringify(c.correct.body) }]);
    expect(bad.responses).toEqual([{ status: c.broken.status, body: JSON.stringify(c.broken.body) }]);
    const [g] = good.reports;
    expect([g!.violations, g!.contradictions, g!.warnings]).toEqual([[], [], []]);
    const [b] = bad.reports;
    expect(b!.provider).toBe(c.provider);
    expect(b![bucket[c.severity]].map((v) => v.check)).toContain(c.check);
    expect(b!.checks).toContain(c.check);
  });

  it("as a HAR file: check-har exits 0 on the correct one and names the check on the broken one", async () => {
    const good = await throughProxy(c.provider, [c.correct], [c.path], c.maxResponseMs);
    const bad = await throughProxy(c.provider, [c.broken], [c.path], c.maxResponseMs);
    const budget = c.maxResponseMs ? ["--max-response-ms", String(c.maxResponseMs)] : [];
    const ok = await checkHar(good.entries, ...budget);
    expect(ok.out).toMatch(/Checked 1 of 1 exchange\(s\) \(\S+ 1\): 1 passed, 0 failed/);
    expect(ok.code).toBe(0);
    const r = await checkHar(bad.entries, ...budget);
    expect(r.out).toContain(`[${c.check}]`);
    if (c.severity === "violation") {
      expect(r.out).toContain(`✗ [${c.check}]`);
      expect(r.code).toBe(1);
    } else {
      // assert a contradiction or warning is reported but does not fail the run
      expect(r.out).toContain(c.severity === "contradiction" ? "≠ contradicts a spec decision" : "⚠ warning");
      expect(r.code).toBe(0);
    }
  });
});

describe("lifecycle from a recorded sequence", () => {
  const myaza = cases.find((c) => c.check === "myaza-completed-at")!;
  const pending: CannedResponse = { ...myaza.correct, body: { ...(myaza.correct.body as object), status: "pending", completedAt: undefined } };

  it("pending → verified → pending of one id: the proxy and check-har report lifecycle-transition", async () => {
    const s = await throughProxy("myaza", [pending, myaza.correct, pending], [myaza.path, myaza.path, myaza.path]);
    expect(s.reports.map((r) => r.violations.map((v) => v.check))).toEqual([[], [], ["lifecycle-transition"]]);
    const r = await checkHar(s.entries);
    expect(r.out).toContain('✗ [lifecycle-transition] at /status: expected verified (final: no status may follow it), got "pending"');
    expect(r.code).toBe(1);
  });

  it("pending → verified is clean", async () => {
    const s = await throughProxy("myaza", [pending, myaza.correct], [myaza.path, myaza.path]);
    const r = await checkHar(s.entries);
    expect(r.out).toMatch(/2 passed, 0 failed/);
    expect(r.code).toBe(0);
  });
});

describe("proxy with an upstream base path", () => {
  it("forwards to the base path and checks the path as the API sees it", async () => {
    const c = cases.find((x) => x.provider === "myaza" && x.check === "id-echo")!;
    const seen: string[] = [];
    const upstream = await serveNodeHttp(async (req) => {
      seen.push(new URL(req.url).pathname);
      return toResponse(c.broken);
    });
    const traffic = createTrafficChecker({ provider: "myaza" });
    const reports: ExchangeReport[] = [];
    const entries: HarEntry[] = [];
    const proxy = await serveNodeHttp(
      createProxyHandler({
        upstream: new URL(`${upstream.url}/sandbox/`),
        onExchange: (x) => {
          reports.push(traffic.check(x));
          entries.push(harEntry(x, traffic.masker, traffic.scrubber));
        },
      }),
    );
    try {
      await (await fetch(`${proxy.url}${c.path}`)).text();
    } finally {
      await Promise.all([proxy.close(), upstream.close()]);
    }
    expect(seen).toEqual([`/sandbox${c.path}`]);
    expect(reports.map((r) => [r.path, r.violations.map((v) => v.check)])).toEqual([[c.path, ["id-echo"]]]);
    // the recorded HAR keeps the upstream URL and the path as the API sees it: check-har matches it too
    expect(entries.map((e) => [new URL(e.request.url).pathname, e.request._apiPath])).toEqual([[`/sandbox${c.path}`, c.path]]);
    const result = await checkHar(entries);
    expect(result.out).toContain("Checked 1 of 1 exchange(s) (myaza 1): 0 passed, 1 failed");
    expect(result.out).toContain("id-echo");
    expect(result.out).not.toContain("match no provider operation");
    expect(result.code).toBe(1);
  });
});

describe("check-har on mixed traffic", () => {
  it("detects each exchange's provider without --provider, and lists unmatched exchanges without failing", async () => {
    const proof = cases.find((c) => c.provider === "proof" && c.check === "id-echo")!;
    const other = await throughProxy(undefined, [{ status: 200, headers: { "content-type": "text/html" }, body: "<html></html>" }], ["/index.html"]);
    const s = await throughProxy(undefined, [proof.correct], [proof.path]);
    const r = await checkHar([...other.entries, ...s.entries]);
    expect(r.out).toContain("Checked 1 of 2 exchange(s) (proof 1): 1 passed, 0 failed");
    expect(r.out).toContain("1 exchange(s) match no provider operation and were not checked:");
    expect(r.out).toContain("#1 GET /index.html → 200");
    expect(r.code).toBe(0);
  });

  it("with --provider, another provider's traffic is unmatched", async () => {
    const proof = cases.find((c) => c.provider === "proof" && c.check === "id-echo")!;
    const s = await throughProxy(undefined, [proof.broken], [proof.path]);
    const r = await checkHar(s.entries, "--provider", "myaza");
    expect(r.out).toContain("Nothing was checked");
    expect(r.code).toBe(0);
  });

  it("--reporter github annotates each violation with its check; junit names a test case per check", async () => {
    const c = cases.find((x) => x.provider === "myaza" && x.check === "id-echo")!;
    const s = await throughProxy(undefined, [c.broken], [c.path]);
    const gh = await checkHar(s.entries, "--reporter", "github");
    expect(gh.out).toMatch(/^::error title=id-echo%3A #1 GET \/api\/kyc\/status\/ver_\w+ → 200 \(myaza\)::\[id-echo\] at \/verificationId/m);
    expect(gh.code).toBe(1);
    const out = path.join(tmp, "report.xml");
    const junit = await checkHar(s.entries, "--reporter", "junit", "--output", out);
    expect(junit.code).toBe(1);
    const xml = (await import("node:fs")).readFileSync(out, "utf8");
    expect(xml).toMatch(/<testcase classname="#1 GET [^"]+" name="id-echo"><failure message="\[id-echo\] at \/verificationId/);
    expect(xml).toMatch(/<testcase classname="#1 GET [^"]+" name="body-schema"><\/testcase>/);
  });

  it("reads a browser's HAR: base64 content, mimeType without a content-type header, pseudo-headers, aborted entries", async () => {
    const c = cases.find((x) => x.provider === "myaza" && x.check === "id-echo")!;
    const har = {
      log: {
        version: "1.2",
        entries: [
          {
            startedDateTime: "2026-04-27T12:00:00.000Z",
            time: 12,
            request: { method: "GET", url: `https://identity.myaza.app${c.path}`, headers: [{ name: ":authority", value: "identity.myaza.app" }] },
            response: {
              status: 200,
              headers: Object.entries(c.correct.headers).filter(([k]) => k !== "content-type").map(([name, value]) => ({ name, value })),
              content: { mimeType: "application/json", encoding: "base64", text: Buffer.from(JSON.stringify(c.correct.body)).toString("base64") },
            },
          },
          { startedDateTime: "2026-04-27T12:00:01.000Z", time: 0, request: { method: "GET", url: `https://identity.myaza.app${c.path}`, headers: [] }, response: { status: 0, headers: [], content: {} } },
        ],
      },
    };
    const file = path.join(tmp, "browser.har");
    writeFileSync(file, JSON.stringify(har));
    const r = await runCli("check-har", file);
    expect(r.out).toContain("Checked 1 of 1 exchange(s) (myaza 1): 1 passed, 0 failed");
    expect(r.err).toContain("skipped browser.har: entry 2");
    expect(r.code).toBe(0);
  });
});

describe("check-har usage errors (exit 2)", () => {
  it.each([
    [[], "give the HAR files or folders to check"],
    [["/nonexistent/x.har"], "cannot read /nonexistent/x.har: no such file or folder"],
    [["x.har", "--provider", "paypal"], 'unknown provider "paypal"'],
    [["x.har", "--provider", "proof,myaza"], "--provider takes one provider"],
    [["x.har", "--reporter", "tap"], 'unknown reporter "tap"'],
    [["x.har", "--output", "o.json"], "--output goes with --reporter json or junit"],
    [["x.har", "--max-response-ms", "-1"], "--max-response-ms"],
    [["x.har", "--bogus"], "Unknown option '--bogus'"],
  ])("%j", async (args, message) => {
    const r = await runCli("check-har", ...args);
    expect(r.err).toContain(message);
    expect(r.code).toBe(2);
  });

  it("a file that is not a HAR", async () => {
    const file = path.join(tmp, "not.har");
    writeFileSync(file, JSON.stringify({ hello: "world" }));
    const r = await runCli("check-har", file);
    expect(r.err).toContain('no "log.entries" array: this is not a HAR file');
    expect(r.code).toBe(2);
  });

  it("--help", async () => {
    const r = await runCli("check-har", "--help");
    expect(r.out).toContain("Usage: kyc-contracts check-har PATH...");
    expect(r.code).toBe(0);
  });
});

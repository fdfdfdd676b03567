/**
 * The built API reference as a reader sees it: headless Chromium (Debian's /usr/bin/chromium
 * through playwright-core) loads every page from a local static server, with every request
 * that would leave this machine blocked and reported. What the pages must show is derived from
 * the specs (src/spec walkers, src/docs listings) and from the generated BTC Direct catalogue.
 *
 * No browser: outside CI the suite is skipped and says why; in CI (CI=true) it fails.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { btcDirectErrorCatalogue, btcDirectErrorCodes } from "../generated/btc-direct-errors.js";
import { docsFileNames } from "../src/docs/build.js";
import { builtDocs } from "./support/built-docs.js";
import { ERROR_CATALOGUE_HEADING, listErrorCatalogue } from "../src/docs/error-catalogue.js";
import { STATUS_VALUES_HEADING, listStatusFields, listSuccessExamples } from "../src/docs/status-values.js";
import { providerSlugs, type ProviderSlug } from "../src/providers.js";
import { loadSpec, type OpenApiDocument } from "../src/spec/load.js";
import { bundledSpecPath } from "../src/spec/paths.js";
import { listOperations, listResponses, listWebhooks } from "../src/spec/walk.js";
import { listParameters } from "../src/spec/parameters.js";
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type ChromiumSession } from "./helpers/chromium.js";
import { statusTableRows } from "../src/status.js";
import { missingRows, missingTexts, tableRows, watchPage, type PageWatch } from "./helpers/page-check.js";
import { startStaticServer, type StaticServer } from "./helpers/static-server.js";

const inCi = Boolean(process.env.CI) && process.env.CI !== "false";
const missing = !chromiumInstalled();
const skip = missing && !inCi;
const SKIP_REASON = `${CHROMIUM_PATH} is missing: install it with scripts/install-chromium.sh (needs root) to run this test`;
if (skip) console.warn(`[docs.browser.test] SKIPPED: ${SKIP_REASON}. In CI (CI=true) a missing browser fails instead.`);

/** The spec's decisions section: its heading and the bold lead of each bullet. */
function decisionsOf(doc: OpenApiDocument): { heading: string; leads: string[] } {
  const description = doc.info.description ?? "";
  const heading = /^## (Decisions.*)$/m.exec(description)?.[1] ?? "";
  const section = description.slice(description.indexOf(heading));
  // Markdown code spans are shown without their backticks.
  return { heading, leads: [...section.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1]!.replace(/`/g, "")) };
}

/** How long rendered content is waited for: a bound for a loaded machine, not a timing assertion. */
const RENDER_WAIT = { timeout: 20_000, interval: 100 };

/**
 * Asserts that the page shows every text, waiting for it to render: Redoc renders after load
 * and after each navigation, so the body is read again until nothing is missing (or the poll's
 * bound passes, and the assertion names what is still missing). Never a fixed sleep.
 */
async function expectTexts(page: Page, texts: readonly string[]): Promise<void> {
  await expect.poll(async () => missingTexts(await page.locator("body").innerText(), texts), RENDER_WAIT).toEqual([]);
}

/** Like `expectTexts`, for table rows (each given by cells it must contain). */
async function expectRows(page: Page, rows: readonly (readonly string[])[]): Promise<void> {
  await expect.poll(async () => missingRows(await tableRows(page), rows), RENDER_WAIT).toEqual([]);
}

/** Waits until Redoc has hydrated the prerendered page (its search box stops saying "Loading"). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => {
    const search = document.querySelector('[data-testid="search-trigger"]');
    return search !== null && !search.textContent.includes("Loading");
  });
}

describe("Chromium for the docs browser test", () => {
  // In CI a missing browser must count as a failed test, not only as a suite that could not start.
  it.runIf(!skip)(`is installed at ${CHROMIUM_PATH}`, () => {
    expect(chromiumInstalled(), `${CHROMIUM_PATH} is missing. .ci/run installs it with scripts/install-chromium.sh; check that step's output.`).toBe(true);
  });
});

describe.skipIf(skip)(`the docs in headless Chromium${skip ? ` — SKIPPED: ${SKIP_REASON}` : ""}`, () => {
  let outDir: string;
  let server: StaticServer | undefined;
  const origin = (): string => server?.origin ?? expect.unreachable("the static server did not start");
  let browser: ChromiumSession | undefined;
  const specs = new Map<ProviderSlug, OpenApiDocument>();

  beforeAll(async () => {
    if (missing) throw new Error(`${CHROMIUM_PATH} is missing in CI. .ci/run installs it with scripts/install-chromium.sh; check that step's output.`);
    for (const slug of providerSlugs) specs.set(slug, await loadSpec(slug));
    outDir = mkdtempSync(path.join(tmpdir(), "kyc-docs-browser-"));
    // the pages as `kyc-contracts docs` builds them (test/docs.test.ts checks the build), restored when their sources are unchanged
    const built = await builtDocs(outDir);
    if (!built.ok) throw new Error(built.message);
    server = await startStaticServer(outDir);
    browser = await launchChromium(origin());
  }, 120_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    }
  });

  /** Opens a page in a fresh tab, watching what the browser reports. */
  async function open(file: string): Promise<{ page: Page; watch: PageWatch }> {
    const page = await browser!.context.newPage();
    const watch = watchPage(page, origin());
    await page.goto(`${origin()}/${file}`);
    return { page, watch };
  }

  /**
   * Each provider's page is loaded and hydrated once (a Redoc page is most of this file's CPU);
   * its tests run in order on it: first those that read, then those that click the sidebar.
   */
  describe.each(providerSlugs)("%s page", (slug) => {
    const spec = (): OpenApiDocument => specs.get(slug)!;
    let opened: { page: Page; watch: PageWatch } | undefined;
    const providerPage = (): { page: Page; watch: PageWatch } => opened ?? expect.unreachable(`the ${slug} page did not open in beforeAll`);
    beforeAll(async () => {
      opened = await open(docsFileNames(slug).page);
      await hydrated(opened.page);
    }, 120_000);
    afterAll(async () => {
      await opened?.page.close();
    });

    it("shows the spec's decisions, its status values and every documented error as a table row", async () => {
      const { page, watch } = providerPage();
      const decisions = decisionsOf(spec());
      expect(decisions.heading).not.toBe("");
      expect(decisions.leads.length).toBeGreaterThan(0);
      // assert the reader sees the spec's title, its decisions heading and every decision
      await expectTexts(page, [spec().info.title, decisions.heading, ...decisions.leads, STATUS_VALUES_HEADING, ERROR_CATALOGUE_HEADING]);
      // assert every status value the spec names is on the page, and every success example is a row showing its values
      for (const op of listOperations(spec())) {
        const fields = listStatusFields(spec(), op);
        expect(fields.length).toBeGreaterThan(0);
        await expectTexts(page, fields.flatMap((f) => f.values));
        const examples = listSuccessExamples(spec(), op, fields);
        await expectRows(page, examples.map((e) => [e.status, e.name, ...fields.map((f) => [...new Set(e.values[f.path])].join(", ") || "none")]));
      }
      // assert every documented error is one row: HTTP status, each field of its body, example name
      const catalogue = listErrorCatalogue(spec());
      expect(catalogue.length).toBeGreaterThan(0);
      await expectRows(page, catalogue.map((e) => [e.status, ...e.fields.map(([, v]) => v), e.example]));
      expect(watch.problems()).toEqual([]);
    });

    if (slug === "btc-direct")
      it("BTC Direct's page lists every ER code with its HTTP status, message and solution", async () => {
        const { page, watch } = providerPage();
        expect(btcDirectErrorCodes.length).toBeGreaterThan(0);
        // assert one row per code of the generated catalogue, carrying all four facts
        const expected = btcDirectErrorCodes.map((code) => {
          const e = btcDirectErrorCatalogue[code];
          return [String(e.httpStatus), code, e.message, e.solution];
        });
        await expectRows(page, expected);
        expect(watch.problems()).toEqual([]);
      });

    it("shows the operation, with every response status, when the reader opens it from the sidebar", async () => {
      const { page, watch } = providerPage();
      const menu = page.locator('[data-component-name="Menu/Menu"]');
      for (const op of listOperations(spec())) {
        const tag = (op.value.tags as string[] | undefined)?.[0];
        const summary = op.value.summary as string;
        if (tag) await menu.getByText(tag, { exact: true }).first().click();
        await menu.getByText(summary, { exact: true }).first().click();
        await page.waitForURL(/#\//);
        const statuses = listResponses(spec(), op).map((r) => r.status);
        // assert method + path, the summary, and the tab of every documented response status
        await expectTexts(page, [`${op.method.toUpperCase()} ${op.path}`, summary, `Responses ${statuses.join(" ")}`]);
      }
      expect(watch.problems()).toEqual([]);
    });

    if (slug === "myaza")
      it("Myaza's page shows every webhook, opened from the sidebar, with its headers and named example payloads", async () => {
        const { page, watch } = providerPage();
        const doc = spec();
        const webhooks = listWebhooks(doc);
        expect(webhooks.map((w) => w.name).sort()).toEqual(Object.keys(doc.webhooks as object).sort());
        expect(webhooks.length).toBe(10);
        const menu = page.locator('[data-component-name="Menu/Menu"]');
        const tag = (webhooks[0]!.value.tags as string[])[0]!;
        await menu.getByText(tag, { exact: true }).last().click();
        for (const hook of webhooks) {
          await menu.getByText(hook.summary!, { exact: true }).first().click();
          await page.waitForURL(/#\/webhooks\//);
          const headers = listParameters(doc, hook).filter((p) => p.in === "header").map((p) => p.name);
          // Redoc shows a named example's payload (ids are unique per example)
          const examples = hook.requestBody.flatMap((m) => m.examples.map((e) => (e.value as { id: string }).id));
          expect(headers.length).toBeGreaterThanOrEqual(4);
          expect(examples.length).toBeGreaterThan(0);
          // assert the reader lands on the webhook and sees its event, its X-Myaza-* headers and its example payloads
          expect(page.url()).toContain(`#/webhooks/${hook.operationId!.toLowerCase()}`);
          await expectTexts(page, [hook.name, ...headers, ...examples]);
        }
        expect(watch.problems()).toEqual([]);
      });
  });

  describe("index.html", () => {
    it("links every provider page and bundled spec, and shows the status normalization table", async () => {
      const { page, watch } = await open("index.html");
      try {
        await page.waitForLoadState("networkidle");
        const hrefs = await page.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
        // assert the four pages and the four bundles are linked
        for (const slug of providerSlugs) expect(hrefs).toEqual(expect.arrayContaining([docsFileNames(slug).page, docsFileNames(slug).spec]));
        // assert the status table shows every row of the normalized mapping (src/status.ts)
        const expected = statusTableRows().map((r) => [r.provider, r.rawStatus.replace(/`/g, ""), r.state]);
        expect(expected.length).toBeGreaterThan(15);
        await expectRows(page, expected);
        expect(watch.problems()).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it("links nothing but provider pages and bundled specs", async () => {
      const { page, watch } = await open("index.html");
      try {
        const links = await page.locator("a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        expect(links.length).toBeGreaterThanOrEqual(providerSlugs.length * 2);
        const strays = links.filter((link) => !providerSlugs.some((s) => link.endsWith(`/${docsFileNames(s).page}`) || link.endsWith(`/${docsFileNames(s).spec}`)));
        expect(strays, "links that are neither a provider page nor a bundle").toEqual([]);
        expect(watch.problems()).toEqual([]);
      } finally {
        await page.close();
      }
    });

    // One test per provider, so each has the whole test budget on a loaded machine (a page opens and hydrates Redoc).
    it.each(providerSlugs)("%s: its link opens the page with the spec's title, its bundle is the shipped spec", async (slug) => {
      const { page, watch } = await open("index.html");
      try {
        const links = await page.locator("a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        const pageLink = links.find((link) => link.endsWith(`/${docsFileNames(slug).page}`));
        const specLink = links.find((link) => link.endsWith(`/${docsFileNames(slug).spec}`));
        expect(pageLink, `index.html links ${docsFileNames(slug).page}`).toBeDefined();
        expect(specLink, `index.html links ${docsFileNames(slug).spec}`).toBeDefined();
        // a bundle is a download for the browser: fetch it through the browser context instead
        const response = await browser!.context.request.get(specLink!);
        expect(response.status(), specLink).toBe(200);
        expect(parse(await response.text())).toEqual(parse(readFileSync(bundledSpecPath(slug), "utf8")));
        const target = await browser!.context.newPage();
        const targetWatch = watchPage(target, origin());
        try {
          const opened = await target.goto(pageLink!);
          expect(opened?.status(), pageLink).toBe(200);
          await hydrated(target);
          expect(await target.title()).toBe(specs.get(slug)!.info.title);
          expect(targetWatch.problems()).toEqual([]);
        } finally {
          await target.close();
        }
        expect(watch.problems()).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  describe("the page checks", () => {
    it("report console errors, failed, external and 404 requests, and missing texts and rows", async () => {
      const bad = path.join(outDir, "bad");
      mkdirSync(bad, { recursive: true });
      writeFileSync(
        path.join(bad, "page.html"),
        `<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body>
<table><tr><td>401</td><td>ER700</td><td>User authorization token not found.</td></tr></table>
<img src="https://fonts.example.invalid/font.png"><img src="missing.png">
<script>console.error("boom")</script></body></html>`,
      );
      const { page, watch } = await open("bad/page.html");
      try {
        await page.waitForLoadState("networkidle");
        const problems = watch.problems();
        // assert each kind of problem is reported
        expect(problems).toEqual(
          expect.arrayContaining([
            "console error: boom",
            "external request: https://fonts.example.invalid/font.png",
            expect.stringMatching(/^request failed: https:\/\/fonts\.example\.invalid\/font\.png/),
            `HTTP 404: ${origin()}/bad/missing.png`,
          ]),
        );
        // assert a missing error code and a row with a wrong status are reported; present ones are not
        const rows = await tableRows(page);
        expect(missingRows(rows, [["401", "ER700"]])).toEqual([]);
        expect(missingRows(rows, [["400", "ER700"], ["ER999"]])).toEqual(['no table row with "400", "ER700"', 'no table row with "ER999"']);
        expect(missingTexts(await page.locator("body").innerText(), ["ER700", "ER999"])).toEqual(["ER999"]);
      } finally {
        await page.close();
      }
    });
  });
});

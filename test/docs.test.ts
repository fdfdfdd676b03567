/**
 * The docs build without a browser: what the pages are generated from (error catalogue, status
 * values, the page spec, the index), the offline rewrite, the Redocly runner, and the
 * `kyc-contracts docs` command. What a reader sees in Chromium is docs.browser.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { runCli } from "./helpers/cli.js";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { btcDirectErrorCatalogue, btcDirectErrorCodes } from "../generated/btc-direct-errors.js";
import { docsFileNames } from "../src/docs/build.js";
import { errorFields, listErrorCatalogue, noteOf, renderErrorCatalogue, type ErrorCatalogueEntry } from "../src/docs/error-catalogue.js";
import { renderIndexPage } from "../src/docs/index-page.js";
import { inlineRedocLogos, REDOC_CDN_LOGOS } from "../src/docs/offline.js";
import { pageSpec } from "../src/docs/page-spec.js";
import { runBuildDocs } from "../src/docs/redocly.js";
import { specStatusTable, type StatusTable } from "../src/docs/status-table.js";
import { listStatusFields, listSuccessExamples, valuesAtPath } from "../src/docs/status-values.js";
import { inlineHtml, markdownLiteral, markdownProse } from "../src/docs/text.js";
import { buildDocs, type BuildDocsResult } from "../src/docs/index.js";
import { providerSlugs, type ProviderSlug } from "../src/providers.js";
import { loadSpec, type OpenApiDocument } from "../src/spec/load.js";
import { bundledSpecPath } from "../src/spec/paths.js";
import { listScenarios } from "../src/spec/scenarios.js";
import { getAtPointer, listOperations, listResponses } from "../src/spec/walk.js";

const specs = {} as Record<ProviderSlug, OpenApiDocument>;
beforeAll(async () => {
  for (const slug of providerSlugs) specs[slug] = await loadSpec(slug);
});

const firstOperation = (doc: OpenApiDocument) => listOperations(doc)[0]!;

/** A tiny one-operation document whose 200 body has `schema` and whose 401 has `errorExamples`. */
function tinyDoc(schema: unknown, options: { components?: Record<string, unknown>; successExamples?: Record<string, unknown>; errorExamples?: Record<string, unknown> } = {}): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "Tiny", version: "1", description: "Tiny API.\n\n## Decisions where the sources disagree\n- **One.** Kept." },
    paths: {
      "/things/{id}": {
        get: {
          operationId: "getThing",
          responses: {
            "200": { description: "ok", content: { "application/json": { schema, ...(options.successExamples ? { examples: options.successExamples } : {}) } } },
            "401": { description: "Missing | bad token.", content: { "application/json": { examples: options.errorExamples ?? {} } } },
          },
        },
      },
    },
    components: { schemas: options.components ?? {} },
  };
}

describe("errorFields", () => {
  it("reads the text fields of a flat error body, in body order, and skips non-text ones", () => {
    expect(errorFields({ error: "not_found", code: "not_found", message: "Unknown." })).toEqual([
      ["error", "not_found"],
      ["code", "not_found"],
      ["message", "Unknown."],
    ]);
    expect(errorFields({ success: false, error: "KYC record not found for this user." })).toEqual([["error", "KYC record not found for this user."]]);
  });

  it("unwraps envelopes that hold one object and no text (BTC Direct's errors.<code>)", () => {
    expect(errorFields({ errors: { ER801: { code: "ER801", message: "m", solution: "s" } } })).toEqual([
      ["code", "ER801"],
      ["message", "m"],
      ["solution", "s"],
    ]);
  });

  it("shows a bare string body as `body` and finds nothing in shapes it cannot read", () => {
    expect(errorFields("Bad Gateway")).toEqual([["body", "Bad Gateway"]]);
    expect(errorFields({ a: { x: "1" }, b: { y: "2" } })).toEqual([]);
    expect(errorFields([{ message: "m" }])).toEqual([]);
    expect(errorFields(undefined)).toEqual([]);
  });
});

describe("listErrorCatalogue", () => {
  it("lists every error example of every provider's spec, and nothing else", () => {
    for (const slug of providerSlugs) {
      const errorScenarios = listScenarios(specs[slug]).filter((s) => /^[45]/.test(s.status));
      // assert one entry per (error status, named example), in spec order
      expect(
        listErrorCatalogue(specs[slug]).map((e) => `${e.status} ${e.example}`),
        slug,
      ).toEqual(errorScenarios.map((s) => `${s.status} ${s.example}`));
    }
  });

  it("gives every BTC Direct code the HTTP status, message and solution of the generated catalogue", () => {
    const entries = listErrorCatalogue(specs["btc-direct"]);
    expect(entries).toHaveLength(btcDirectErrorCodes.length);
    for (const code of btcDirectErrorCodes) {
      const expected = btcDirectErrorCatalogue[code];
      const entry = entries.find((e) => e.fields.some(([k, v]) => k === "code" && v === code));
      expect(entry, code).toBeDefined();
      // assert the same four facts, read independently of generated/
      expect({ status: entry!.status, fields: Object.fromEntries(entry!.fields), example: entry!.example }, code).toEqual({
        status: String(expected.httpStatus),
        fields: { code, message: expected.message, solution: expected.solution },
        example: expected.example,
      });
    }
  });

  it("reads Proof's error, code and message, and the response description as `when`", () => {
    const entry = listErrorCatalogue(specs.proof).find((e) => e.example === "forbidden_origin");
    const response = getAtPointer(specs.proof, "/components/responses/Forbidden") as { description: string };
    expect(entry?.when).toBe(response.description);
    expect(entry?.fields.map(([k]) => k)).toEqual(["error", "code", "message"]);
  });

  it("skips success responses and yields nothing for an error response without examples", () => {
    expect(listErrorCatalogue(tinyDoc({ type: "object" }, { successExamples: { ok: { value: {} } } }))).toEqual([]);
  });
});

describe("noteOf", () => {
  const entry = (summary: string | undefined, fields: [string, string][]): ErrorCatalogueEntry => ({ operation: "GET /x", status: "401", when: "", example: "x", summary, fields });

  it("drops a summary that only repeats the fields", () => {
    expect(noteOf(entry("ER801 — Authorization token has expired.", [["code", "ER801"], ["message", "Authorization token has expired."]]))).toBe("");
    // assert longer values are removed first ("forbidden_origin" before "forbidden")
    expect(noteOf(entry("forbidden / forbidden_origin", [["error", "forbidden"], ["code", "forbidden_origin"]]))).toBe("");
    expect(noteOf(entry(undefined, []))).toBe("");
  });

  it("keeps a summary that says more", () => {
    expect(noteOf(entry("Invalid API key (verbatim from the docs)", [["error", "Invalid API key"]]))).toBe("Invalid API key (verbatim from the docs)");
  });
});

describe("renderErrorCatalogue", () => {
  it("renders one row per error with a column per body field, escaping the values", () => {
    const doc = tinyDoc({ type: "object" }, { errorExamples: { bad_token: { summary: "Bad token (illustrative)", value: { error: "a | b *c* <d>", code: "bad_token" } } } });
    const md = renderErrorCatalogue(listErrorCatalogue(doc));
    expect(md).toContain("| HTTP | When |");
    expect(md).toContain("| 401 | Missing \\| bad token. |");
    expect(md).toContain("| HTTP | `error` | `code` | Example | Note |");
    expect(md).toContain("| 401 | a \\| b \\*c\\* \\<d\\> | bad\\_token | `bad_token` | Bad token (illustrative) |");
    expect(md).toContain("1 errors under 1 HTTP statuses");
  });

  it("says so when a spec documents no error", () => {
    expect(renderErrorCatalogue([])).toContain("documents no error responses");
  });
});

describe("listStatusFields", () => {
  it("reads Proof's closed `status` enum from its schema", () => {
    const [field, ...rest] = listStatusFields(specs.proof, firstOperation(specs.proof));
    expect(rest).toEqual([]);
    expect(field).toEqual({ path: "status", values: getAtPointer(specs.proof, "/components/schemas/KycStatus/enum"), closed: true });
  });

  it("finds Nyota Imara's status inside the envelope (`data.status`)", () => {
    const fields = listStatusFields(specs["nyota-imara"], firstOperation(specs["nyota-imara"]));
    expect(fields).toEqual([{ path: "data.status", values: getAtPointer(specs["nyota-imara"], "/components/schemas/KycStatus/enum"), closed: true }]);
  });

  it("merges the enums of Myaza's oneOf variants", () => {
    const variants = getAtPointer(specs.myaza, "/components/schemas/VerificationStatusResponse/oneOf") as { $ref: string }[];
    const enums = variants.flatMap((v) => getAtPointer(specs.myaza, `${v.$ref.slice(1)}/properties/status/enum`) as string[]);
    expect(enums.length).toBeGreaterThan(3);
    expect(listStatusFields(specs.myaza, firstOperation(specs.myaza))).toEqual([{ path: "status", values: enums, closed: true }]);
  });

  it("marks BTC Direct's item status open, with the values its schema and examples name", () => {
    const doc = specs["btc-direct"];
    const [field] = listStatusFields(doc, firstOperation(doc));
    const shown = listResponses(doc, firstOperation(doc))
      .filter((r) => r.status === "200")
      .flatMap((r) => r.media.flatMap((m) => m.examples.flatMap((ex) => valuesAtPath(ex.value, "[].status"))));
    expect(field?.path).toBe("[].status");
    expect(field?.closed).toBe(false);
    // assert every value an example shows is listed
    expect(shown.length).toBeGreaterThan(0);
    for (const v of shown) expect(field?.values).toContain(v);
  });

  it("follows $ref, const, allOf and array items, and stops on a self-referential schema", () => {
    const doc = tinyDoc(
      { type: "array", items: { $ref: "#/components/schemas/Item" } },
      {
        components: {
          Item: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { child: { $ref: "#/components/schemas/Item" } } }] },
          Base: { type: "object", properties: { status: { const: "ready" } } },
        },
        successExamples: { one: { value: [{ status: "ready" }] } },
      },
    );
    // assert the recursion through `child` ends at the repeated schema
    expect(listStatusFields(doc, firstOperation(doc))).toEqual([{ path: "[].status", values: ["ready"], closed: true }]);
  });

  it("finds nothing in a body without a status field", () => {
    const doc = tinyDoc({ type: "object", properties: { name: { type: "string" } } });
    expect(listStatusFields(doc, firstOperation(doc))).toEqual([]);
  });
});

describe("valuesAtPath", () => {
  it("reads nested and array paths, ignoring what is not text", () => {
    expect(valuesAtPath({ data: { status: "none" } }, "data.status")).toEqual(["none"]);
    expect(valuesAtPath([{ status: "missing" }, { status: 3 }, {}], "[].status")).toEqual(["missing"]);
    expect(valuesAtPath({ a: [{ b: [{ c: "x" }, { c: "y" }] }] }, "a[].b[].c")).toEqual(["x", "y"]);
    expect(valuesAtPath(null, "status")).toEqual([]);
  });
});

describe("pageSpec", () => {
  it("keeps the spec's description and decisions, appends status values, error catalogue and links, and leaves the spec untouched", () => {
    for (const slug of providerSlugs) {
      const original = structuredClone(specs[slug]);
      const page = pageSpec(specs[slug], slug);
      const description = page.info.description ?? "";
      expect(description.startsWith(original.info.description!.trimEnd()), slug).toBe(true);
      expect(description).toContain("## Status values");
      expect(description).toContain("## Error catalogue");
      expect(description).toContain(`(${docsFileNames(slug).spec})`);
      expect(description).toContain("(index.html)");
      expect(specs[slug]).toEqual(original);
    }
  });

  it("shows each success example's status values (BTC Direct's empty array as none)", () => {
    const doc = specs["btc-direct"];
    const op = firstOperation(doc);
    const examples = listSuccessExamples(doc, op, listStatusFields(doc, op));
    const empty = examples.find((e) => e.values["[].status"]?.length === 0);
    expect(empty).toBeDefined();
    expect(pageSpec(doc, "btc-direct").info.description).toContain(`| 200 | \`${empty!.name}\` | none |`);
  });
});

describe("text escaping", () => {
  it("keeps wire values literal, prose code spans as code, and escapes HTML", () => {
    expect(markdownLiteral("a_b `c` | *d*\n e")).toBe("a\\_b \\`c\\` \\| \\*d\\* e");
    expect(markdownProse("An open `kyc` item | <b>")).toBe("An open `kyc` item \\| \\<b\\>");
    expect(inlineHtml("`<a>` & <script>")).toBe("<code>&lt;a&gt;</code> &amp; &lt;script&gt;");
  });
});

describe("renderIndexPage", () => {
  const table: StatusTable = { heading: "Normalized status", intro: "One `state` per provider value.", columns: ["Provider", "Raw", "State"], rows: [["Proof", "`verified`", "`approved`"]] };
  const html = renderIndexPage({
    packageName: "kyc-status-contracts",
    version: "9.9.9",
    description: "Contracts <script>alert(1)</script>",
    statusTable: table,
    providers: [{ name: "Proof", title: "Proof API", summary: "Status of a `user`.", operations: [{ method: "GET", path: "/a/{id}", summary: "Get it" }], page: "proof.html", spec: "proof.yaml", errorCount: 12 }],
  });

  it("links each page and bundle and renders whatever status table it is given", () => {
    expect(html).toContain('<a href="proof.html">Proof</a>');
    expect(html).toContain('<a href="proof.yaml">proof.yaml</a>');
    expect(html).toContain("<h2>Normalized status</h2>");
    expect(html).toContain("<td><code>verified</code></td><td><code>approved</code></td>");
  });

  it("escapes text and loads nothing: no script, no external URL", () => {
    expect(html).toContain("Contracts &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it("types the status table hook", () => {
    expectTypeOf(specStatusTable).parameter(0).toEqualTypeOf<Readonly<Record<ProviderSlug, OpenApiDocument>>>();
    expectTypeOf(specStatusTable).returns.toEqualTypeOf<StatusTable>();
  });
});

describe("specStatusTable", () => {
  it("has one row per provider status field with its values and kind", () => {
    const t = specStatusTable(specs);
    expect(t.rows.map((r) => r[0])).toEqual(["Proof", "BTC Direct", "Nyota Imara", "Myaza"]);
    expect(t.rows[0]).toEqual(["Proof", "`GET /widget/users/{partner_user_id}/kyc-status`", "`status`", (getAtPointer(specs.proof, "/components/schemas/KycStatus/enum") as string[]).map((v) => `\`${v}\``).join(", "), "closed (enum)"]);
    expect(t.rows[1]?.[4]).toBe("open string");
  });
});

describe("inlineRedocLogos", () => {
  it("replaces every CDN logo URL with an inline image that cannot break the script it sits in", () => {
    const urls = Object.keys(REDOC_CDN_LOGOS);
    const out = inlineRedocLogos(`src:e?\`${urls[0]}\`:\`${urls[1]}\`; again "${urls[0]}"`);
    expect(out).not.toContain("cdn.redoc.ly");
    expect(out.match(/data:image\/svg\+xml,/g)).toHaveLength(3);
    for (const inline of Object.values(REDOC_CDN_LOGOS)) expect(inline).not.toMatch(/[`"'$\\<>\s]/);
  });
});

describe("runBuildDocs", () => {
  it("returns Redocly's error, not an exception, when it cannot build", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kyc-docs-fail-"));
    try {
      const config = path.join(dir, "redocly.yaml");
      const template = path.join(dir, "page.hbs");
      writeFileSync(config, "telemetry: off\n");
      writeFileSync(template, "{{{redocHTML}}}");
      const input = path.join(dir, "missing.yaml");
      const result = await runBuildDocs({ input, output: path.join(dir, "out.html"), config, template });
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.message).toContain("redocly build-docs failed for missing.yaml");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const run = runCli;

describe("kyc-contracts docs", () => {
  let dir: string;
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "kyc-docs-cli-"));
    result = await run("docs", "--out", path.join(dir, "site"));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the four pages, their bundles and index.html, reporting each", () => {
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const expected = [...providerSlugs.flatMap((s) => [docsFileNames(s).page, docsFileNames(s).spec]), "index.html"].sort();
    expect(readdirSync(path.join(dir, "site")).sort()).toEqual(expected);
    // assert one progress line per provider and one line per file written
    for (const f of expected) expect(result.out).toMatch(new RegExp(`wrote .*${f.replace(".", "\\.")} \\(`));
    expect(result.out.match(/^Building /gm)).toHaveLength(providerSlugs.length);
    expect(result.out).toContain(`Wrote ${expected.length} files to ${path.join(dir, "site")}`);
  });

  it("publishes each bundle byte for byte, and pages that load nothing from the network", () => {
    for (const slug of providerSlugs) {
      expect(readFileSync(path.join(dir, "site", docsFileNames(slug).spec), "utf8")).toBe(readFileSync(bundledSpecPath(slug), "utf8"));
      const html = readFileSync(path.join(dir, "site", docsFileNames(slug).page), "utf8");
      // assert Redoc is inlined (no script or preload from a URL), telemetry is off, no CDN logo is left
      const tags = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, "$1"); // markup without inline script bodies
      expect(tags).not.toMatch(/<script\b[^>]*\bsrc=|<(link|img|iframe|source)\b[^>]*\b(src|href)="https?:|modulepreload/);
      expect(html).toContain('"disableTelemetry":true');
      expect(html).not.toContain("cdn.redoc.ly");
    }
  });

  it("prints help, and exits 2 on bad usage", async () => {
    const help = await run("docs", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("Usage: kyc-contracts docs [--out DIR]");
    for (const argv of [["docs", "--bogus"], ["docs", "--out", ""], ["docs", "extra"]]) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toContain("kyc-contracts docs --help");
    }
  });

  it("exits 1 with what to do when the output folder cannot be created", async () => {
    const file = path.join(dir, "a-file");
    writeFileSync(file, "");
    const r = await run("docs", "--out", path.join(file, "docs"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Cannot create the output folder .*a-file.*Choose another folder with --out/);
  });
});

describe("buildDocs", () => {
  it("takes the index's status table from the hook it is given", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kyc-docs-hook-"));
    try {
      const result: BuildDocsResult = await buildDocs({
        outDir: dir,
        statusTable: (s) => ({ heading: "Normalized", intro: "From a hook.", columns: ["Provider", "Title"], rows: [["Myaza", s.myaza.info.title]] }),
      });
      expect(result.ok).toBe(true);
      const index = readFileSync(path.join(dir, "index.html"), "utf8");
      expect(index).toContain("<h2>Normalized</h2>");
      expect(index).toContain(`<td>Myaza</td><td>${specs.myaza.info.title}</td>`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

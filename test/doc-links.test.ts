/** Every relative link and #anchor in README.md and docs/**\/*.md resolves (test/support/doc-links.ts), and the check fails on broken ones. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { brokenLinks } from "./support/doc-links.js";
import { anchors, docFiles, headingSlug, links } from "./support/markdown.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("relative links in README.md and docs/", () => {
  it("all resolve: files, folders and #anchors", () => {
    const files = docFiles(root);
    // assert the guides are all there and the links were found, so an empty scan cannot pass
    expect(files).toEqual(expect.arrayContaining(["README.md", "docs/README.md", "docs/twins.md", "docs/conformance.md", "docs/clients-and-status.md", "docs/traffic.md", "docs/webhooks.md", "docs/cli.md", "docs/performance.md", "docs/layout.md"]));
    expect(files.flatMap((f) => links(readFileSync(path.join(root, f), "utf8"))).length).toBeGreaterThan(40);
    expect(brokenLinks(root)).toEqual([]);
  });
});

describe("the link check", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kyc-doc-links-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, "docs"));
  writeFileSync(
    path.join(dir, "README.md"),
    [
      "# Title",
      "## Install: `npm` & co.",
      "See [the guide](docs/guide.md#fixtures-yaml), [install](#install-npm--co), [a folder](docs/), [web](https://example.com/x#y).",
      "Broken: [gone](docs/gone.md), [no anchor](docs/guide.md#nowhere), [here](#missing), [up](../outside.md).",
      "`[in code](docs/gone.md)` is not a link.",
      "```sh",
      "[in a block](docs/gone.md)",
      "```",
    ].join("\n"),
  );
  writeFileSync(path.join(dir, "docs", "guide.md"), "# Guide\n\n## Fixtures (YAML)\n\nBack to the [README](../README.md#title).\n");

  it("fails on a missing file, a missing anchor in another file or the same one, and a link outside the repository; nothing in code counts", () => {
    expect(brokenLinks(dir)).toEqual([
      "README.md:4: docs/gone.md: docs/gone.md does not exist",
      "README.md:4: docs/guide.md#nowhere: docs/guide.md has no heading for #nowhere",
      "README.md:4: #missing: README.md has no heading for #missing",
      "README.md:4: ../outside.md: points outside the repository",
    ]);
  });

  it("makes anchors as GitHub does", () => {
    expect(headingSlug("The API reference: `kyc-contracts docs`")).toBe("the-api-reference-kyc-contracts-docs");
    expect(headingSlug("In your vitest tests: `toSatisfyContract`")).toBe("in-your-vitest-tests-tosatisfycontract");
    expect([...anchors("# A\n## A\n```\n# not a heading\n```\n<a id=\"x\"></a>\n")]).toEqual(["a", "a-1", "x"]);
  });
});

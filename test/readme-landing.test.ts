/** README.md stays a landing page (≤ 300 lines) and every guide in docs/ is reachable from it and from the index, docs/README.md. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { docFiles, links } from "./support/markdown.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const read = (file: string): string => readFileSync(path.join(root, file), "utf8");
/** The files a Markdown file links to, as paths from the repo root, anchors dropped. */
const linkedFiles = (file: string): Set<string> =>
  new Set(links(read(file)).flatMap(({ target }) => (/^[a-z]+:/i.test(target) || target.startsWith("#") ? [] : [path.posix.normalize(path.posix.join(path.posix.dirname(file), target.split("#")[0] ?? ""))])));

describe("README.md", () => {
  it("fits on a page: at most 300 lines", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(300);
  });

  it("keeps both quick-start commands exactly, and says the package is ESM-only with the tsconfig it needs", () => {
    const readme = read("README.md");
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
    expect(readme).toContain("**The package is ESM-only**");
    expect(readme).toContain('`"moduleResolution": "NodeNext"`');
    expect(readme).toContain('`"moduleResolution": "Bundler"`');
  });
});

describe("the guides", () => {
  const guides = docFiles(root).filter((f) => f.startsWith("docs/") && f !== "docs/README.md");

  it("are each linked from README.md and from docs/README.md", () => {
    expect(guides.length).toBeGreaterThanOrEqual(8);
    const fromReadme = linkedFiles("README.md");
    const fromIndex = linkedFiles("docs/README.md");
    expect(fromReadme.has("docs/README.md")).toBe(true);
    expect(guides.filter((g) => !fromReadme.has(g)), "guides the README does not link").toEqual([]);
    expect(guides.filter((g) => !fromIndex.has(g)), "guides docs/README.md does not list").toEqual([]);
  });
});

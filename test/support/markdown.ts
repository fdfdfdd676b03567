/**
 * Reading the project's Markdown (README.md and docs/**\/*.md) for the tests that keep it honest:
 * its fenced code blocks (test/support/doc-blocks.ts gives each a runner) and its relative links
 * and anchors (test/doc-links.test.ts). Plain line scanning: no Markdown library.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** README.md and every .md under docs/, as paths relative to `root`, sorted. */
export function docFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(root, dir)).flatMap((name) => {
      const rel = path.posix.join(dir, name);
      return statSync(path.join(root, rel)).isDirectory() ? walk(rel) : name.endsWith(".md") ? [rel] : [];
    });
  return ["README.md", ...(existsSync(path.join(root, "docs")) ? walk("docs") : [])].sort();
}

export interface FencedBlock {
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string after the fence: its first word is the language (`ts`, `sh`, …), "" when none. */
  info: string;
  code: string;
}

/** Every fenced block (``` fences) of a Markdown text, and the text with the blocks' contents blanked (for link and heading scans). */
export function fencedBlocks(markdown: string): { blocks: FencedBlock[]; prose: string[] } {
  const blocks: FencedBlock[] = [];
  const prose: string[] = [];
  let open: { line: number; info: string; lines: string[]; fence: string } | undefined;
  markdown.split("\n").forEach((text, i) => {
    const fence = /^(\s*)(`{3,})(.*)$/.exec(text);
    if (!open && fence) {
      open = { line: i + 1, info: (fence[3] ?? "").trim(), lines: [], fence: fence[2] ?? "```" };
      prose.push("");
    } else if (open && fence && (fence[2] ?? "").length >= open.fence.length && (fence[3] ?? "").trim() === "") {
      blocks.push({ line: open.line, info: open.info, code: `${open.lines.join("\n")}\n` });
      open = undefined;
      prose.push("");
    } else if (open) {
      open.lines.push(text);
      prose.push("");
    } else {
      prose.push(text);
    }
  });
  if (open) blocks.push({ line: open.line, info: open.info, code: `${open.lines.join("\n")}\n` });
  return { blocks, prose };
}

/** GitHub's anchor for a heading text: lower case, punctuation dropped, spaces to hyphens. */
export const headingSlug = (heading: string): string =>
  heading
    .trim()
    .replace(/<[^>]+>/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

/** The anchors a Markdown text offers: one per heading (repeats get -1, -2, … as on GitHub), plus explicit `<a id="…">` / `<a name="…">`. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of fencedBlocks(markdown).prose) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const slug = headingSlug(heading[1] ?? "");
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      result.add(n === 0 ? slug : `${slug}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) result.add(m[1] ?? "");
  }
  return result;
}

export interface MarkdownLink {
  line: number;
  target: string;
}

/** Every inline link and image target of a Markdown text outside code (blocks and `spans`), with its line. */
export function links(markdown: string): MarkdownLink[] {
  return fencedBlocks(markdown).prose.flatMap((text, i) =>
    [...text.replace(/`[^`]*`/g, "").matchAll(/!?\[(?:[^\]]|\][^(])*?\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({ line: i + 1, target: m[1] ?? "" })),
  );
}

/**
 * The relative links of the project's Markdown, resolved: a link to a file or folder that does
 * not exist, or to an `#anchor` its target has no heading for, is a problem naming file, line
 * and target. External links (`http:`, `https:`, `mailto:`) are not followed.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { anchors, docFiles, links } from "./markdown.js";

/** Every broken relative link or anchor in `files` (paths relative to `root`; default README.md and docs/**\/*.md). */
export function brokenLinks(root: string, files: readonly string[] = docFiles(root)): string[] {
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOf = (file: string): Set<string> => {
    let set = anchorCache.get(file);
    if (!set) anchorCache.set(file, (set = anchors(readFileSync(path.join(root, file), "utf8"))));
    return set;
  };
  return files.flatMap((file) =>
    links(readFileSync(path.join(root, file), "utf8")).flatMap(({ line, target }) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return [];
      const where = `${file}:${line}: ${target}`;
      const [rawPath = "", anchor] = target.split("#", 2) as [string, string | undefined];
      const linked = rawPath === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(rawPath)));
      if (linked.startsWith("..")) return [`${where}: points outside the repository`];
      if (!existsSync(path.join(root, linked))) return [`${where}: ${linked} does not exist`];
      if (anchor === undefined || anchor === "") return [];
      if (statSync(path.join(root, linked)).isDirectory() || !linked.endsWith(".md")) return [`${where}: #${anchor} on a file that is not Markdown`];
      return anchorsOf(linked).has(anchor) ? [] : [`${where}: ${linked} has no heading for #${anchor}`];
    }),
  );
}

/**
 * A copy of one provider's split spec (openapi/<slug>/) in a `--specs DIR` layout, with one edit
 * made in one of its files: the stricter or drifted spec a `--specs` test checks traffic against.
 * An edit whose text is not in the file throws, so a reworded spec cannot turn the test into one
 * that checks against an unchanged copy.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProviderSlug } from "../../src/providers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Copies openapi/<slug> to <dir>/<slug> and replaces `from` with `to` in `file` (relative to the spec's folder); returns `dir`. */
export function copySpecWithEdit(dir: string, slug: ProviderSlug, edit: { file: string; from: string; to: string }): string {
  cpSync(path.join(root, "openapi", slug), path.join(dir, slug), { recursive: true });
  const file = path.join(dir, slug, edit.file);
  const text = readFileSync(file, "utf8");
  if (!text.includes(edit.from)) throw new Error(`openapi/${slug}/${edit.file} no longer contains "${edit.from}": update the test's edit.`);
  writeFileSync(file, text.replace(edit.from, edit.to));
  return dir;
}

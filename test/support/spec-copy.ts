/**
 * A copy of one provider's split spec (openapi/<slug>/) in a `--specs DIR` layout, with one edit
 * (or a few, each in one of its files, applied in order) made in it: the stricter or drifted spec a `--specs` test checks traffic against.
 * An edit whose text is not in the file throws, so a reworded spec cannot turn the test into one
 * that checks against an unchanged copy.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProviderSlug } from "../../src/providers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface SpecEdit {
  /** Relative to the spec's folder: `components/schemas/KycStatus.yaml`. */
  file: string;
  from: string;
  to: string;
}

/** Copies openapi/<slug> to <dir>/<slug> and replaces `from` with `to` in `file`, for each edit in order; returns `dir`. */
export function copySpecWithEdit(dir: string, slug: ProviderSlug, edits: SpecEdit | readonly SpecEdit[]): string {
  cpSync(path.join(root, "openapi", slug), path.join(dir, slug), { recursive: true });
  const list: readonly SpecEdit[] = "file" in edits ? [edits] : edits;
  for (const edit of list) {
    const file = path.join(dir, slug, edit.file);
    const text = readFileSync(file, "utf8");
    if (!text.includes(edit.from)) throw new Error(`openapi/${slug}/${edit.file} no longer contains "${edit.from}": update the test's edit.`);
    writeFileSync(file, text.replace(edit.from, edit.to));
  }
  return dir;
}

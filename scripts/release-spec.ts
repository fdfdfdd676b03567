/**
 * `npm run release:spec -- <slug>`: releases the current version of a provider's spec.
 *
 * Reads openapi/<slug>/openapi.yaml (bundled by src/spec/source.ts), refuses when its
 * `info.version` is already released or not bumped as much as its changes since the latest
 * release need (or a new raw KYC status has no normalized state), then stores
 * releases/<slug>/<version>.yaml, records its hash in releases/index.json, and writes the
 * version's section of CHANGELOG.md (under the top "Unreleased" heading) from the diff in
 * Markdown. Every path is injectable (`releaseSpec`), so the test runs it on a temp copy.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diffSpecs, summarizeDiffs } from "../src/evolution/diff.js";
import { gateSpec } from "../src/evolution/release-gate.js";
import { contentHash, readReleaseIndex, releaseFile, releaseText, type ReleaseIndex } from "../src/evolution/releases.js";
import { markdownReport } from "../src/evolution/report.js";
import { isProviderSlug, providers, providerSlugs, type ProviderSlug } from "../src/providers.js";
import type { OpenApiDocument } from "../src/spec/load.js";
import { readSpecFile } from "../src/spec/source.js";

export interface ReleasePaths {
  /** The split sources: `<openapi>/<slug>/openapi.yaml`. */
  openapiDir: string;
  releasesDir: string;
  changelog: string;
}

export type ReleaseResult = { ok: true; file: string; version: string; message: string } | { ok: false; message: string };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const repoPaths: ReleasePaths = { openapiDir: path.join(root, "openapi"), releasesDir: path.join(root, "releases"), changelog: path.join(root, "CHANGELOG.md") };

/** Inserts (or replaces) `### <heading>` and its body under the changelog's top Unreleased section. */
export function withChangelogSection(changelog: string, heading: string, body: string): string {
  const section = `### ${heading}\n\n${body.trim()}\n`;
  const lines = changelog.split("\n");
  let top = lines.findIndex((l) => /^## .*Unreleased/i.test(l));
  if (top < 0) {
    const firstRelease = lines.findIndex((l) => l.startsWith("## "));
    top = firstRelease < 0 ? lines.length : firstRelease;
    lines.splice(top, 0, "## Unreleased", "");
  }
  const end = lines.findIndex((l, i) => i > top && l.startsWith("## "));
  const sectionEnd = end < 0 ? lines.length : end;
  const existing = lines.findIndex((l, i) => i > top && i < sectionEnd && l === `### ${heading}`);
  if (existing >= 0) {
    const next = lines.findIndex((l, i) => i > existing && (l.startsWith("### ") || l.startsWith("## ")));
    lines.splice(existing, (next < 0 ? lines.length : next) - existing, ...section.split("\n"));
  } else {
    lines.splice(top + 1, 0, "", ...section.trimEnd().split("\n"));
  }
  return lines.join("\n");
}

export async function releaseSpec(provider: ProviderSlug, paths: ReleasePaths = repoPaths): Promise<ReleaseResult> {
  const source = await readSpecFile(path.join(paths.openapiDir, provider, "openapi.yaml"), provider);
  if (!source.ok) return { ok: false, message: `cannot read ${provider}'s spec: ${source.message}` };
  const document: OpenApiDocument = source.spec.document;
  const version = String(document.info.version);
  const store = { dir: paths.releasesDir };
  const verdict = gateSpec(provider, document, store);
  const first = verdict.latest === undefined;
  if (!first && verdict.problems.length > 0) return { ok: false, message: `not released:\n${verdict.problems.map((p) => `  - ${p}`).join("\n")}` };
  if (!first && verdict.latest === version) return { ok: false, message: `${provider} ${version} is already released and unchanged: nothing to release` };
  if (first) {
    const unmapped = diffSpecs({ ...document, paths: {}, components: {}, webhooks: {} }, document, { provider }).changes.filter((c) => c.id === "kyc-status-unmapped");
    if (unmapped.length > 0) return { ok: false, message: `not released:\n${unmapped.map((c) => `  - ${c.message}`).join("\n")}` };
  }
  const index = readReleaseIndex(store);
  if (!index.ok) return index;

  const text = releaseText(document);
  const file = releaseFile(paths.releasesDir, provider, version);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const next: ReleaseIndex = { ...index.index, [provider]: { ...index.index[provider], [version]: contentHash(text) } };
  const sorted = Object.fromEntries(providerSlugs.filter((s) => next[s]).map((s) => [s, Object.fromEntries(Object.entries(next[s] ?? {}).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })))]));
  writeFileSync(path.join(paths.releasesDir, "index.json"), `${JSON.stringify(sorted, null, 2)}\n`);

  const heading = `${providers[provider].name} spec ${version}`;
  const body = verdict.diff
    ? markdownReport(summarizeDiffs([verdict.diff]), 4)
    : `First released version of this package's description of the ${providers[provider].name} API (\`${provider}@${version}\`).`;
  const changelog = readFileSync(paths.changelog, "utf8");
  writeFileSync(paths.changelog, withChangelogSection(changelog, heading, body));
  const summary = verdict.diff ? `${verdict.diff.changes.length} changes since ${verdict.latest}, a ${verdict.diff.recommendedBump} bump` : "first release";
  return { ok: true, file, version, message: `released ${provider}@${version} (${summary}): ${path.relative(process.cwd(), file)}, releases/index.json and CHANGELOG.md updated` };
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const slug = process.argv[2];
  if (slug === undefined || !isProviderSlug(slug) || process.argv.length > 3) {
    process.stderr.write(`Usage: npm run release:spec -- <slug>   (one of ${providerSlugs.join(", ")})\n`);
    process.exit(2);
  }
  const result = await releaseSpec(slug);
  if (result.ok) process.stdout.write(`${result.message}\n`);
  else process.stderr.write(`release:spec ${slug}: ${result.message}\n`);
  process.exit(result.ok ? 0 : 1);
}

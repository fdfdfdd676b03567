/**
 * The release gate: a spec's current document against its latest released version (its
 * `info.version` must be bumped at least as much as its changes need, and every new raw KYC
 * status must be mapped), and the release store's integrity (every released file matches the
 * hash it was released with; no file outside the index). Run by test/spec-release-gate.test.ts
 * in `npm test` and by `npm run release:spec` before it stores a version.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { diffSpecs, type ProviderDiff } from "./diff.js";
import { listReleasedVersions, loadReleasedSpec, packageReleasesDir, readReleaseIndex, type ReleaseStoreOptions } from "./releases.js";
import { alwaysFailingRules } from "./rules.js";

export interface GateVerdict {
  provider: ProviderSlug;
  /** The latest released version; undefined when the spec was never released. */
  latest: string | undefined;
  /** The diff from the latest release to the current document. */
  diff: ProviderDiff | undefined;
  /** What stops the release (empty: the current document may be released, or already is). */
  problems: string[];
}

const releaseCommand = (provider: ProviderSlug): string => `npm run release:spec -- ${provider}`;

/** The current document of a provider against its latest release. */
export function gateSpec(provider: ProviderSlug, document: OpenApiDocument, options?: ReleaseStoreOptions): GateVerdict {
  const released = listReleasedVersions(provider, options);
  if (released.length === 0) {
    return { provider, latest: undefined, diff: undefined, problems: [`${provider} has no released version: release ${document.info.version} with \`${releaseCommand(provider)}\``] };
  }
  const latest = loadReleasedSpec(`${provider}@latest`, options);
  if (!latest.ok) return { provider, latest: undefined, diff: undefined, problems: [latest.message] };
  const diff = diffSpecs(latest.spec.document, document, { provider });
  const problems: string[] = [];
  const current = String(document.info.version);
  if (current === latest.spec.version) {
    if (diff.changes.length > 0) problems.push(`${provider} changed since its release ${current} (${diff.changes.length} changes, a ${diff.recommendedBump} bump needed) but info.version is still ${current}: bump it in openapi/${provider}/openapi.yaml, then \`${releaseCommand(provider)}\``);
  } else if (released.includes(current)) {
    problems.push(`${provider} ${current} is already released (the latest is ${latest.spec.version}): released versions are immutable, choose a version above ${latest.spec.version}`);
  } else if (!diff.versionOk) {
    problems.push(`${provider} ${latest.spec.version} → ${current}: the changes need a ${diff.recommendedBump} bump (${diff.changes.filter((c) => c.level === "breaking").length} breaking, ${diff.changes.filter((c) => c.level === "warning").length} warning); run \`kyc-contracts diff ${provider}@${latest.spec.version} openapi/${provider}/openapi.yaml\` to see them`);
  }
  for (const c of diff.changes) if (alwaysFailingRules.has(c.id)) problems.push(`${provider} ${c.where}: ${c.message}`);
  return { provider, latest: latest.spec.version, diff, problems };
}

/** Every released file loads (exists, matches its hash, holds its version) and every file in the store is in the index. */
export function verifyReleaseStore(options?: ReleaseStoreOptions): string[] {
  const dir = options?.dir ?? packageReleasesDir();
  const read = readReleaseIndex(options);
  if (!read.ok) return [read.message];
  const problems: string[] = [];
  for (const [provider, versions] of Object.entries(read.index) as [ProviderSlug, Record<string, string>][]) {
    for (const version of Object.keys(versions)) {
      const loaded = loadReleasedSpec(`${provider}@${version}`, options);
      if (!loaded.ok) problems.push(loaded.message);
    }
  }
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return problems;
  }
  for (const entry of entries) {
    if (!entry.endsWith(".yaml")) continue;
    const [provider, file] = entry.split(path.sep);
    const version = file?.replace(/\.yaml$/, "");
    if (!provider || !version || !(read.index as Record<string, Record<string, string> | undefined>)[provider]?.[version]) {
      problems.push(`${path.join(dir, entry)} is not in releases/index.json: release specs with \`npm run release:spec -- <slug>\` only (delete the file or release it)`);
    }
  }
  return problems;
}

/**
 * `suggest` end to end, without the CLI: streams the HAR files, hands each exchange to the
 * observer of the provider whose split sources document it, and turns every provider's findings
 * into classified suggestions and source patches.
 */
import path from "node:path";
import { providerSlugs, type ProviderSlug } from "../providers.js";
import { readHarFiles } from "../conformance/har-stream.js";
import { createTrafficObserver, MAX_FINDINGS, type TrafficObserver } from "./observe.js";
import { readSourceTree, type SourceTree } from "./source-tree.js";
import { suggestForProvider, type ProviderSuggestions, type SuggestOptions } from "./suggest.js";

export interface SuggestRun {
  providers: ProviderSuggestions[];
  exchanges: number;
  /** Exchanges no provider's sources document. */
  unmatched: number;
  /** HAR entries that were not exchanges (no response), and files cut off. */
  notes: string[];
}

export type SuggestRunResult = { ok: true; run: SuggestRun } | { ok: false; message: string };

export interface SuggestInput extends SuggestOptions {
  files: readonly string[];
  /** The root file of each provider's sources (`<dir>/<slug>/openapi.yaml`); exchanges go to the first provider that documents them. */
  roots: Partial<Record<ProviderSlug, string>>;
  /** The folder the patches' file names are relative to. */
  specsDir: string;
}

export async function suggestFromTraffic(input: SuggestInput): Promise<SuggestRunResult> {
  const observers: { provider: ProviderSlug; tree: SourceTree; observer: TrafficObserver }[] = [];
  for (const provider of providerSlugs) {
    const root = input.roots[provider];
    if (root === undefined) continue;
    const read = readSourceTree(root);
    if (!read.ok) return read;
    observers.push({ provider, tree: read.tree, observer: createTrafficObserver(provider, read.tree) });
  }
  let exchanges = 0;
  let unmatched = 0;
  const notes: string[] = [];
  for await (const item of readHarFiles(input.files)) {
    if (item.kind === "skipped") notes.push(`${path.basename(item.file)}: skipped ${item.reason}`);
    else if (item.kind === "truncated") notes.push(`${path.basename(item.file)}: ${item.message}`);
    else if (item.kind === "invalid") return { ok: false, message: item.message };
    else {
      exchanges++;
      if (!observers.some(({ observer }) => observer.observe(item.exchange))) unmatched++;
    }
  }
  const providers: ProviderSuggestions[] = [];
  for (const { provider, tree, observer } of observers) {
    if (observer.counts.dropped > 0) notes.push(`${provider}: ${observer.counts.dropped} observation(s) of findings beyond the first ${MAX_FINDINGS} were not kept (keys that are data, such as ids?); propose these first, then run again.`);
    const findings = observer.findings();
    if (findings.length > 0) providers.push(await suggestForProvider(provider, tree, findings, input, input.specsDir));
  }
  return { ok: true, run: { providers, exchanges, unmatched, notes } };
}

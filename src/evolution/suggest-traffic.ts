/**
 * `suggest` end to end, without the CLI: streams the HAR files, hands each exchange to the
 * observer of the provider whose split sources document it, and turns every provider's findings
 * into classified suggestions and source patches.
 */
import path from "node:path";
import { providerSlugs, type ProviderSlug } from "../providers.js";
import { readHarFiles } from "./har-stream-adapter.js";
import { createTrafficObserver, type TrafficObserver } from "./observe.js";
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
  /** Folder holding `<slug>/openapi.yaml` split sources. */
  specsDir: string;
  /** Read every exchange as this provider's; undefined → whichever provider documents it. */
  provider?: ProviderSlug;
}

export async function suggestFromTraffic(input: SuggestInput): Promise<SuggestRunResult> {
  const slugs = input.provider ? [input.provider] : providerSlugs;
  const observers: { provider: ProviderSlug; tree: SourceTree; observer: TrafficObserver }[] = [];
  for (const provider of slugs) {
    const read = readSourceTree(path.join(input.specsDir, provider, "openapi.yaml"));
    if (!read.ok) {
      // Without --provider a folder may hold only some providers; a named one must be there.
      if (input.provider) return read;
      continue;
    }
    observers.push({ provider, tree: read.tree, observer: createTrafficObserver(provider, read.tree) });
  }
  if (observers.length === 0) return { ok: false, message: `${path.resolve(input.specsDir)} holds no <slug>/openapi.yaml for ${slugs.join(", ")}; give --specs the folder of split sources (like the package's openapi/).` };
  let exchanges = 0;
  let unmatched = 0;
  const notes: string[] = [];
  for await (const item of readHarFiles(input.files)) {
    if (item.kind === "skipped") notes.push(`${path.basename(item.file)}: skipped ${item.reason}`);
    else if (item.kind === "truncated") notes.push(`${path.basename(item.file)}: ${item.message}`);
    else {
      exchanges++;
      if (!observers.some(({ observer }) => observer.observe(item.exchange))) unmatched++;
    }
  }
  const providers = observers.map(({ provider, tree, observer }) => suggestForProvider(provider, tree, observer.findings(), input, input.specsDir)).filter((p) => p.suggestions.length > 0);
  return { ok: true, run: { providers, exchanges, unmatched, notes } };
}

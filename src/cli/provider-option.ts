import { isProviderSlug, providerSlugs, type ProviderSlug } from "../providers.js";

export type ProviderSelection = { ok: true; providers: ProviderSlug[] } | { ok: false; message: string };

/** Parses a `--provider`/`--providers` value: `all`, one slug, or a comma-separated list. */
export function parseProviders(value: string | undefined, fallback: readonly ProviderSlug[] = providerSlugs): ProviderSelection {
  if (value === undefined || value === "all") return { ok: true, providers: [...fallback] };
  const requested = value.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  const unknown = requested.filter((s) => !isProviderSlug(s));
  if (unknown.length > 0 || requested.length === 0) {
    return { ok: false, message: `unknown provider ${unknown.map((u) => `"${u}"`).join(", ") || "(empty)"}; choose from ${providerSlugs.join(", ")} or all.` };
  }
  return { ok: true, providers: [...new Set(requested)] as ProviderSlug[] };
}

/** Parses a single-provider `--provider` (commands that otherwise detect each exchange's provider): undefined when not given. */
export function parseOneProvider(value: string | undefined): { ok: true; provider: ProviderSlug | undefined } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, provider: undefined };
  const selection = parseProviders(value, []);
  if (!selection.ok) return selection;
  if (selection.providers.length !== 1) return { ok: false, message: "--provider takes one provider (omit it to detect each exchange's provider)." };
  return { ok: true, provider: selection.providers[0] };
}

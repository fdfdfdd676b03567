/**
 * `--base-url`: one URL for one provider, or `slug=URL,slug=URL` to check several running
 * servers in one run. The CLI validates it; each suite reads its own URL from the same text
 * (SUITE_ENV.baseUrl), so both agree on the syntax.
 */
import { withoutUserinfo } from "../http/redact.js";
import { isProviderSlug, providerSlugs, type ProviderSlug } from "../providers.js";

export type BaseUrls = { ok: true; urls: Partial<Record<ProviderSlug, string>>; providers: ProviderSlug[] } | { ok: false; message: string };

/** `slug=URL,slug=URL` (an entry starts with a provider-like name and `=`; a URL may hold commas). */
const MAP_ENTRY = /^([a-z][a-z-]*)=(.*)$/s;
const splitMap = (value: string): string[] => value.split(/,(?=[a-z][a-z-]*=)/);
/** A map starts `name=`; a URL starts with its scheme (`https:`). */
const isMap = (value: string): boolean => MAP_ENTRY.test(value) && !/^[a-z][a-z0-9+.-]*:/i.test(value);

/**
 * Parses `--base-url` for the `selected` providers (`explicit`: they came from `--provider`).
 * A plain URL goes with exactly one provider; a map names the providers it checks.
 */
export function parseBaseUrls(value: string, selected: readonly ProviderSlug[], explicit: boolean): BaseUrls {
  if (!isMap(value)) {
    const problem = urlProblem(value, `"${withoutUserinfo(value)}"`);
    if (problem) return { ok: false, message: problem };
    if (selected.length > 1) return { ok: false, message: `one --base-url for ${selected.length} providers would check them all against one host; give each its own: --base-url proof=URL,myaza=URL (or pick one with --provider).` };
    return { ok: true, urls: Object.fromEntries(selected.map((slug) => [slug, value])), providers: [...selected] };
  }
  const urls: Partial<Record<ProviderSlug, string>> = {};
  for (const entry of splitMap(value)) {
    const [, name = "", url = ""] = MAP_ENTRY.exec(entry) ?? [];
    if (!isProviderSlug(name)) return { ok: false, message: `unknown provider "${name}" in --base-url; give slug=URL pairs with a slug from ${providerSlugs.join(", ")}.` };
    if (urls[name] !== undefined) return { ok: false, message: `--base-url names ${name} twice; give each provider one URL.` };
    const problem = urlProblem(url, `${name}="${withoutUserinfo(url)}"`);
    if (problem) return { ok: false, message: problem };
    urls[name] = url;
  }
  const providers = Object.keys(urls) as ProviderSlug[];
  if (explicit && (providers.length !== selected.length || providers.some((p) => !selected.includes(p)))) {
    return { ok: false, message: `--provider ${selected.join(",")} but --base-url names ${providers.join(",")}; give the same providers (or leave out --provider).` };
  }
  return { ok: true, urls, providers };
}

/** The URL of `slug` in a `--base-url` value (a plain URL is every selected provider's). */
export function baseUrlFor(slug: ProviderSlug, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!isMap(value)) return value;
  for (const entry of splitMap(value)) {
    const match = MAP_ENTRY.exec(entry);
    if (match?.[1] === slug) return match[2];
  }
  return undefined;
}

/** Why `text` cannot be a live target (`shown`: how the message names it), or undefined. */
function urlProblem(text: string, shown: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `--base-url ${shown} is not a URL; give e.g. https://api-sandbox.example.com.`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `--base-url must be http or https, not ${url.protocol}`;
  if (url.username !== "" || url.password !== "") return `--base-url ${withoutUserinfo(text)} must not carry user:password@; live credentials come from environment variables (see --help).`;
  return undefined;
}

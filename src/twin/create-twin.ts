/** One twin per provider over shared, validated fixtures: `createTwin(slug)` / `createTwins()`. */
import { providerSlugs, type ProviderSlug } from "../providers.js";
import { createTwinEngine, resolveFixtures, type CreateTwinOptions, type ProviderDefinition, type Twin } from "./engine.js";
import type { TwinFixtureMap } from "./fixtures.js";
import { btcDirectTwin } from "./providers/btc-direct.js";
import { myazaTwin } from "./providers/myaza.js";
import { nyotaImaraTwin } from "./providers/nyota-imara.js";
import { proofTwin } from "./providers/proof.js";

const definitions: { [S in ProviderSlug]: ProviderDefinition<S> } = {
  proof: proofTwin,
  "btc-direct": btcDirectTwin,
  "nyota-imara": nyotaImaraTwin,
  myaza: myazaTwin,
};

/** Internal: a twin over fixtures already resolved. */
export function twinFromResolved<S extends ProviderSlug>(slug: S, resolved: TwinFixtureMap, options: Omit<CreateTwinOptions, "fixtures">): Twin<S> {
  return createTwinEngine(slug, definitions[slug], resolved, options);
}

/**
 * The twin of one provider, in memory: call `handle(request)` (or use `twin.fetch` as a client's
 * `fetch`). Throws a `TwinFixturesError` naming the field when `fixtures` are invalid for the
 * specs it serves (`specs`, else the bundled ones).
 */
export function createTwin<S extends ProviderSlug>(slug: S, options: CreateTwinOptions = {}): Twin<S> {
  return twinFromResolved(slug, resolveFixtures(options.fixtures, undefined, options.specs), options);
}

/** Twins of several providers (default all four) over one fixtures document, validated once. */
export function createTwins<P extends ProviderSlug = ProviderSlug>(options: CreateTwinOptions & { providers?: readonly P[] } = {}): { [S in P]: Twin<S> } {
  const resolved = resolveFixtures(options.fixtures, undefined, options.specs);
  const selected = options.providers ?? (providerSlugs as readonly ProviderSlug[] as readonly P[]);
  return Object.fromEntries(selected.map((slug) => [slug, twinFromResolved(slug, resolved, options)])) as { [S in P]: Twin<S> };
}

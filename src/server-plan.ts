/**
 * Which providers to serve and on which ports, checked the same way for the Prism mocks and the
 * twins: known slugs, none twice, each given port a valid one and given to one provider only.
 */
import { isProviderSlug, providerSlugs, type ProviderSlug } from "./providers.js";

export type ServerPlan<P extends ProviderSlug> =
  | { ok: true; providers: P[]; ports: Partial<Record<P, number>> }
  | { ok: false; message: string; provider?: P; port?: number };

/** `words`: how the messages name the servers (`{ verb: "mock", noun: "mock" }`). Port 0 (a free one) is left out of `ports`. */
export function planServers<P extends ProviderSlug>(options: { providers?: readonly P[]; ports?: Partial<Record<P, number>> }, words: { verb: string; noun: string }): ServerPlan<P> {
  const { verb, noun } = words;
  const providers = [...(options.providers ?? (providerSlugs as readonly ProviderSlug[] as readonly P[]))];
  const unknown: string[] = providers.filter((p) => !isProviderSlug(p));
  if (unknown.length > 0) return { ok: false, message: `Unknown provider ${unknown.map((u) => `"${u}"`).join(", ")}; choose from ${providerSlugs.join(", ")}.` };
  if (providers.length === 0) return { ok: false, message: `No providers to ${verb}; pass some of ${providerSlugs.join(", ")} (or omit \`providers\` for all).` };
  if (new Set(providers).size !== providers.length) return { ok: false, message: `A provider is listed twice in ${JSON.stringify(providers)}.` };
  const ports: Partial<Record<P, number>> = {};
  const owner = new Map<number, P>();
  for (const [key, port] of Object.entries(options.ports ?? {}) as [P, number | undefined][]) {
    if (port === undefined) continue;
    if (!providers.includes(key)) return { ok: false, message: `A port is given for "${key}", which is not among the providers to ${verb} (${providers.join(", ")}).` };
    if (!Number.isInteger(port) || port < 0 || port > 65_535) return { ok: false, message: `The port for ${key} must be an integer from 1 to 65535 (or 0 for a free one), not ${String(port)}.`, provider: key };
    if (port === 0) continue;
    const other = owner.get(port);
    if (other) return { ok: false, message: `Port ${port} is given to both ${other} and ${key}; each ${noun} needs its own port.`, provider: key, port };
    owner.set(port, key);
    ports[key] = port;
  }
  return { ok: true, providers, ports };
}

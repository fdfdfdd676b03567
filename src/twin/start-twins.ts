/**
 * `startTwins()`: a twin per provider, each behind its own node:http server on 127.0.0.1 (free
 * ports by default). The fixtures are checked before anything listens; either every twin
 * listens, or nothing is left running.
 */
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { planServers } from "../server-plan.js";
import { resolveFixtures, TwinError, type Twin, type TwinClock, type TwinRequestRecord } from "./engine.js";
import type { TwinFixtureMap, TwinFixtures } from "./fixtures.js";
import { twinFromResolved } from "./create-twin.js";
import { loadFixturesFile } from "./load-fixtures.js";
import { serveHandler, type TwinServer } from "./node-server.js";
import type { TwinCors } from "./cors.js";

export interface StartTwinsOptions<P extends ProviderSlug = ProviderSlug> {
  /** A fixtures object, or the path of a YAML/JSON fixtures file. Default: the built-in fixtures. */
  fixtures?: TwinFixtures | string;
  /** Which providers (default: all four). */
  providers?: readonly P[];
  /** Port per provider; none (or 0) → a free port from the OS. */
  ports?: Partial<Record<NoInfer<P>, number>>;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  clock?: TwinClock;
  journalLimit?: number;
  /** Called with every request a twin answered (as its journal records it: credentials redacted). */
  onRequest?: (provider: NoInfer<P>, entry: TwinRequestRecord) => void;
  /** Browser origins answered with CORS, per provider (`true`: any, `false`: none, or a list); default: Myaza any, the others none (src/twin/cors.ts). */
  cors?: Partial<Record<NoInfer<P>, TwinCors>>;
  /** The spec each twin serves from (default: the bundled one), e.g. the documents `loadSpecsOption` read from `--specs DIR`; the fixtures are checked against the same specs. */
  specs?: Partial<Record<NoInfer<P>, OpenApiDocument>>;
}

export interface RunningTwins<P extends ProviderSlug = ProviderSlug> {
  /** Base URL per provider, e.g. `http://127.0.0.1:41234`. */
  readonly urls: Readonly<Record<P, string>>;
  readonly ports: Readonly<Record<P, number>>;
  /** The twins: `set`, `reset`, `requests`, `handle`, `fetch`. */
  readonly twins: { readonly [S in P]: Twin<S> };
  /** The fixtures in force (defaults filled in). */
  readonly fixtures: TwinFixtureMap;
  /** Closes every server and connection (hung ones included); resolves once the ports are free. Idempotent. */
  stop(): Promise<void>;
}

export async function startTwins<P extends ProviderSlug = ProviderSlug>(options: StartTwinsOptions<P> = {}): Promise<RunningTwins<P>> {
  const planned = planServers(options, { verb: "start", noun: "twin" });
  if (!planned.ok) throw new TwinError("invalid-options", planned.message);
  const { providers, ports } = planned;
  const { onRequest, clock, journalLimit, cors, specs } = options;
  const resolved = typeof options.fixtures === "string" ? await loadFixturesFile(options.fixtures, specs ? { specs } : {}) : resolveFixtures(options.fixtures, undefined, specs);
  const host = options.host ?? "127.0.0.1";
  const twins = Object.fromEntries(
    providers.map((slug) => [
      slug,
      twinFromResolved(slug, resolved, { ...(cors ? { cors } : {}), ...(specs ? { specs } : {}), ...(clock ? { clock } : {}), ...(journalLimit ? { journalLimit } : {}), ...(onRequest ? { onRequest: (entry: TwinRequestRecord) => onRequest(slug, entry) } : {}) }),
    ]),
  ) as { [S in P]: Twin<S> };

  const started = await Promise.allSettled(
    providers.map((slug) => serveHandler(twins[slug].answer, { host, port: ports[slug] ?? 0, onClose: twins[slug].close })),
  );
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failedIndex = started.findIndex((s) => s.status === "rejected");
  if (failedIndex >= 0) {
    await Promise.all(servers.map((s) => s.close()));
    const error = (started[failedIndex] as PromiseRejectedResult).reason as NodeJS.ErrnoException;
    const slug = providers[failedIndex]!;
    const port = ports[slug] ?? 0;
    const why = error.code === "EADDRINUSE" ? "is already in use" : error.code === "EACCES" ? "needs privileges this process does not have" : `cannot be listened on (${error.code ?? error.message})`;
    throw new TwinError("port-unavailable", `Cannot start the twins: port ${port} (${slug}) ${why} on ${host}. Nothing was left running; choose another port.`);
  }
  const bySlug = Object.fromEntries(providers.map((slug, i) => [slug, servers[i]!])) as Record<P, TwinServer>;
  let stopping: Promise<void> | undefined;
  return {
    urls: Object.fromEntries(providers.map((s) => [s, bySlug[s].url])) as Record<P, string>,
    ports: Object.fromEntries(providers.map((s) => [s, bySlug[s].port])) as Record<P, number>,
    twins,
    fixtures: resolved,
    stop() {
      stopping ??= Promise.all(servers.map((s) => s.close())).then(() => undefined);
      return stopping;
    },
  };
}

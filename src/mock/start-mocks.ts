/**
 * `startMocks()`: one Prism mock server per provider, serving the bundled spec, on free ports
 * by default. Either every requested mock listens (as reported by the Prism process itself), or
 * none is left running.
 */
import { existsSync } from "node:fs";
import type { ProviderSlug } from "../providers.js";
import { planServers } from "../server-plan.js";
import { bundledSpecPath } from "../spec/paths.js";
import { checkPort, freePort } from "./ports.js";
import { findPrismCli, launchPrism, summarizePrismOutput, type LaunchResult, type PrismCli, type RunningPrism } from "./prism-process.js";

export interface StartMocksOptions<P extends ProviderSlug = ProviderSlug> {
  /** Which providers to mock (default: all four). */
  providers?: readonly P[];
  /** Port per provider; a provider without one (or with 0) gets a free port from the OS. */
  ports?: Partial<Record<NoInfer<P>, number>>;
  /** Serve Prism-generated data (`prism mock --dynamic`) instead of the spec's examples. Default false. */
  dynamic?: boolean;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** How long each Prism may take to report listening on its port before start-up fails (default 60 000 ms). */
  readyTimeoutMs?: number;
  /** Receives every line Prism prints; when set, Prism also logs each request it serves. */
  onLog?: (provider: NoInfer<P>, line: string) => void;
  /**
   * The spec file each provider's Prism serves instead of the package's bundle: a split root
   * (`<dir>/<slug>/openapi.yaml`, its `$ref`s resolved by Prism) or a bundle, e.g. the files
   * `--specs DIR` names.
   */
  specFiles?: Partial<Record<NoInfer<P>, string>>;
}

export interface RunningMocks<P extends ProviderSlug = ProviderSlug> {
  /** Base URL per provider, e.g. `http://127.0.0.1:41234` (append the spec's paths). */
  readonly urls: Readonly<Record<P, string>>;
  readonly ports: Readonly<Record<P, number>>;
  /** Process id of each provider's Prism (a direct child of this process). */
  readonly pids: Readonly<Record<P, number>>;
  /** The Prism version serving the mocks. */
  readonly prismVersion: string;
  /**
   * Resolves with a `MockError` (code `prism-exited`) if a mock exits on its own before
   * `stop()`; never settles otherwise. The other mocks keep running: call `stop()`.
   */
  readonly crashed: Promise<MockError>;
  /** Stops every mock and resolves once each process has exited and its port is free. Idempotent. */
  stop(): Promise<void>;
}

export type MockErrorCode =
  /** The options are contradictory or malformed (unknown provider, duplicate or invalid port). */
  | "invalid-options"
  /** A requested port is in use (or cannot be listened on); nothing was started. */
  | "port-unavailable"
  /** A bundled spec is missing: the package is not built. */
  | "spec-missing"
  /** @stoplight/prism-cli (an optional peer dependency) is not installed, or not a usable version; the message names the install command. */
  | "prism-missing"
  /** Prism exited: during start-up (it rejected the spec, the port was taken, …) or later. */
  | "prism-exited"
  /** Prism did not report listening within `readyTimeoutMs`. */
  | "not-ready";

/** Why the mocks could not be started (or one stopped on its own). The message says what to do. */
export class MockError extends Error {
  override readonly name = "MockError";
  constructor(
    readonly code: MockErrorCode,
    message: string,
    readonly provider?: ProviderSlug,
    readonly port?: number,
    /** What Prism printed, when Prism was involved. */
    readonly prismOutput?: string,
  ) {
    super(message);
  }
}

export type StartMocksResult<P extends ProviderSlug> = { ok: true; mocks: RunningMocks<P> } | { ok: false; error: MockError };

/** Seams for tests: which spec file each provider's Prism serves, and how a free port is picked. */
export interface StartMocksInternals {
  specPath(slug: ProviderSlug): string;
  freePort?(host: string): Promise<number>;
}

const defaultInternals: StartMocksInternals = { specPath: bundledSpecPath, freePort };
const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_READY_TIMEOUT_MS = 60_000;
/** Attempts for a port picked here, in case another process takes it between the check and Prism's listen. */
const FREE_PORT_ATTEMPTS = 3;

/**
 * Starts a Prism mock per provider and resolves when every one listens (its own report, so it answers HTTP). Rejects with a
 * `MockError` (and leaves nothing running) when they cannot all start.
 */
export async function startMocks<P extends ProviderSlug = ProviderSlug>(options: StartMocksOptions<P> = {}): Promise<RunningMocks<P>> {
  const result = await tryStartMocks(options);
  if (!result.ok) throw result.error;
  return result.mocks;
}

/** `startMocks` with the failure as a value. */
export async function tryStartMocks<P extends ProviderSlug = ProviderSlug>(
  options: StartMocksOptions<P> = {},
  internals: StartMocksInternals = defaultInternals,
): Promise<StartMocksResult<P>> {
  const host = options.host ?? DEFAULT_HOST;
  const given = options.specFiles;
  if (given) internals = { ...internals, specPath: (slug) => given[slug as P] ?? internals.specPath(slug) };
  const planned = plan(options);
  if (!planned.ok) return planned;
  const { providers, ports } = planned;

  for (const slug of providers) {
    const spec = internals.specPath(slug);
    if (!existsSync(spec)) {
      if (given?.[slug]) return fail("spec-missing", `The ${slug} spec file ${spec} does not exist. Give an existing <slug>/openapi.yaml (or bundle).`, slug);
      return fail("spec-missing", `The bundled ${slug} spec is missing (${spec}). Run \`npm run build\` in kyc-status-contracts (npm ci does it through prepare).`, slug);
    }
  }
  const found = findPrismCli("startMocks() (kyc-status-contracts/mock)", "Or use the provider twins (startTwins from kyc-status-contracts/twin), which need no Prism.");
  if (!found.ok) return fail("prism-missing", found.message);
  const prism = found.prism;

  const busy: { slug: P; port: number; reason: string }[] = [];
  for (const slug of providers) {
    const port = ports[slug];
    if (port === undefined) continue;
    const check = await checkPort(host, port);
    if (!check.free) busy.push({ slug, port, reason: check.reason });
  }
  const firstBusy = busy[0];
  if (firstBusy) {
    const list = busy.map((b) => `port ${b.port} (${b.slug}) ${b.reason} on ${host}`).join("; ");
    return fail("port-unavailable", `Cannot start the mocks: ${list}. Nothing was started. Stop whatever holds the port, or choose other ports.`, firstBusy.slug, firstBusy.port);
  }

  const launched = await Promise.all(
    providers.map(async (slug) => ({ slug, result: await launchProvider(slug, ports[slug], prism, host, options, internals) })),
  );
  const running = launched.flatMap((l) => (l.result.ok ? [{ slug: l.slug, prism: l.result.prism }] : []));
  const failed = launched.find((l) => !l.result.ok);
  if (failed && !failed.result.ok) {
    await Promise.all(running.map((r) => r.prism.stop()));
    return { ok: false, error: startFailure(failed.slug, failed.result, options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS) };
  }
  return { ok: true, mocks: runningMocks(running, prism.version) };
}

type Plan<P extends ProviderSlug> = { ok: true; providers: P[]; ports: Partial<Record<P, number>> } | { ok: false; error: MockError };

function plan<P extends ProviderSlug>(options: StartMocksOptions<P>): Plan<P> {
  const planned = planServers(options, { verb: "mock", noun: "mock" });
  return planned.ok ? planned : fail("invalid-options", planned.message, planned.provider, planned.port);
}

async function launchProvider<P extends ProviderSlug>(
  slug: P,
  port: number | undefined,
  prism: PrismCli,
  host: string,
  options: StartMocksOptions<P>,
  internals: StartMocksInternals,
): Promise<(LaunchResult & { ok: true }) | (Exclude<LaunchResult, { ok: true }> & { port: number })> {
  const onLog = options.onLog;
  for (let attempt = 1; ; attempt++) {
    const chosen = port ?? (await (internals.freePort ?? freePort)(host));
    const result = await launchPrism({
      prism,
      specPath: internals.specPath(slug),
      host,
      port: chosen,
      dynamic: options.dynamic ?? false,
      readyTimeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
      onLog: onLog && ((line) => onLog(slug, line)),
    });
    if (result.ok) return result;
    const lostRace = port === undefined && result.reason === "exited" && result.output.includes("EADDRINUSE");
    if (!lostRace || attempt >= FREE_PORT_ATTEMPTS) return { ...result, port: chosen };
  }
}

function startFailure(slug: ProviderSlug, result: Exclude<LaunchResult, { ok: true }> & { port: number }, readyTimeoutMs: number): MockError {
  const said = summarizePrismOutput(result.output);
  const prismSaid = said ? `\nPrism said:\n${indent(said)}` : "\nPrism printed nothing.";
  const stopped = "The other mocks were stopped.";
  if (result.reason === "not-ready") {
    return new MockError("not-ready", `The ${slug} mock (Prism, port ${result.port}) did not answer within ${readyTimeoutMs} ms and was stopped. ${stopped} On a slow machine raise readyTimeoutMs.${prismSaid}`, slug, result.port, result.output);
  }
  const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${result.code ?? "?"}`;
  return new MockError("prism-exited", `The ${slug} mock (Prism, port ${result.port}) ${how} during start-up. ${stopped}${prismSaid}`, slug, result.port, result.output);
}

function runningMocks<P extends ProviderSlug>(running: { slug: P; prism: RunningPrism }[], prismVersion: string): RunningMocks<P> {
  const pick = <V>(f: (p: RunningPrism) => V): Record<P, V> => Object.fromEntries(running.map((r) => [r.slug, f(r.prism)])) as Record<P, V>;
  let stopping: Promise<void> | undefined;
  const crashed = new Promise<MockError>((resolve) => {
    for (const { slug, prism } of running) {
      void prism.exited.then((exit) => {
        if (exit.stopped) return;
        const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code ?? "?"}`;
        const said = summarizePrismOutput(exit.output);
        const port = Number(new URL(prism.url).port);
        resolve(new MockError("prism-exited", `The ${slug} mock (Prism, ${prism.url}) ${how}.${said ? `\nPrism said:\n${indent(said)}` : ""}`, slug, port, exit.output));
      });
    }
  });
  return {
    urls: pick((p) => p.url),
    ports: pick((p) => Number(new URL(p.url).port)),
    pids: pick((p) => p.pid),
    prismVersion,
    crashed,
    stop() {
      stopping ??= Promise.all(running.map((r) => r.prism.stop())).then(() => undefined);
      return stopping;
    },
  };
}

function fail(code: MockErrorCode, message: string, provider?: ProviderSlug, port?: number): { ok: false; error: MockError } {
  return { ok: false, error: new MockError(code, message, provider, port) };
}

const indent = (text: string): string => text.replace(/^/gm, "  ");

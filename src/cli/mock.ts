import { exampleRequest, toCurl } from "../mock/example-request.js";
import { findPrismCli } from "../mock/prism-process.js";
import { installCommand } from "../optional-tools.js";
import { tryStartMocks, type MockErrorCode } from "../mock/start-mocks.js";
import { describeFixtures, twinExampleRequest } from "../twin/describe.js";
import { TwinError, type TwinRequestRecord } from "../twin/engine.js";
import { CONTROL_ENDPOINTS, WEBHOOK_CONTROL_ENDPOINTS } from "../twin/control.js";
import { startTwins, type RunningTwins } from "../twin/start-twins.js";
import { isProviderSlug, providers, providerSlugs, type ProviderSlug } from "../providers.js";
import { loadSpec } from "../spec/load.js";
import { listScenarios } from "../spec/scenarios.js";
import { type CliIo, type Command, type ExitCode, parseCommandArgs, inputError, usageError } from "./command.js";
import { loadSpecsOption, specsOptionHelp, specsOptionSpec, type SpecSelection } from "./specs-option.js";
import type { OpenApiDocument } from "../spec/load.js";
import { parseProviders } from "./provider-option.js";
import { waitForSignal } from "./signals.js";

const firstDefaultPort = Math.min(...providerSlugs.map((s) => providers[s].defaultMockPort));
/** Each provider's distance from the first default port: --port-base keeps the default layout. */
const portOffset = (slug: ProviderSlug): number => providers[slug].defaultMockPort - firstDefaultPort;
const maxOffset = Math.max(...providerSlugs.map(portOffset));

/** Start-up failures that are the user's to fix (exit 2) rather than a failing mock (exit 1). */
const CONFIGURATION_ERRORS: readonly MockErrorCode[] = ["invalid-options", "port-unavailable", "spec-missing", "prism-missing"];

const ENGINES = ["prism", "twin"] as const;

export const mockCommand: Command = {
  name: "mock",
  summary: "Serve every provider's API from its spec (Prism mocks, or stateful twins), until Ctrl+C",
  help: `Usage: kyc-contracts mock [--engine prism|twin] [--fixtures FILE] [--providers <list>]
                          [--port-base <n>] [--port <provider>=<n>,...] [--host <address>]
                          [--dynamic] [--verbose] [--specs DIR]

Starts one mock server per provider, waits until each answers, prints their URLs with an
example curl line, and runs until Ctrl+C (SIGINT), SIGTERM, SIGHUP or the end of the process
that started it (e.g. npm), then stops every server.

--engine prism (default): Prism serves each spec's named examples, so responses are
deterministic. Pick any documented one with a Prefer header:
  Prefer: code=404                                  the first example of that status
  Prefer: code=400, example=er801_token_expired     a named example
Requests without the provider's credentials get its documented 401. All scenarios:
kyc-contracts scenarios.

--engine twin: provider twins that keep state and answer like each provider: only the
fixtures' credentials are accepted, unknown ids get the provider's not-found, statuses move as
the fixtures say (then: afterCalls / afterMs), Myaza rate-limits per key, faults on demand.
Bodies are still the specs' named examples (fields filled in), and Prefer works as with Prism.
The built-in fixtures (one record per status) are printed at start; --fixtures FILE (YAML or
JSON, schema: kyc-status-contracts/twin/fixtures.schema.json) replaces them per provider.
Each twin also answers GET /__twin/requests, POST /__twin/reset, PUT /__twin/records/{id}.

Options:
  --engine <name>     prism (default) or twin
  --fixtures FILE     twin fixtures, YAML or JSON (--engine twin only)
  --providers <list>  comma-separated, or all (default): ${providerSlugs.join(", ")}
  --port-base <n>     ports from n, in the default layout (default ${firstDefaultPort}:
                      ${providerSlugs.map((s) => `${s} ${providers[s].defaultMockPort}`).join(", ")})
  --port <p>=<n>,...  a port per provider, e.g. --port proof=5000,myaza=5001 (repeatable;
                      wins over --port-base)
  --host <address>    interface to listen on (default 127.0.0.1)
${specsOptionHelp(22)}
                      (Prism serves those files; the twins build their answers from them
                      and check --fixtures against them)
  --dynamic           serve data Prism generates from the schemas instead of the examples
                      (--engine prism only)
  --verbose           print every request, prefixed with the provider (Prism's log, or the
                      twins' journal)
  -h, --help          show this help

--engine prism needs @stoplight/prism-cli, an optional peer dependency (exit 2 with this
command if it is missing; the twins need nothing more):
  ${installCommand(["prism"])}

Exit codes: 0 stopped by a signal, 1 a mock failed to start or crashed, 2 usage error, a
port that is in use, or fixtures that are unreadable or invalid (the field is named).
`,
  async run(argv, io) {
    const args = parseCommandArgs(io, "mock", {
      args: argv,
      options: {
        providers: { type: "string" },
        "port-base": { type: "string" },
        port: { type: "string", multiple: true },
        host: { type: "string" },
        dynamic: { type: "boolean" },
        verbose: { type: "boolean" },
        engine: { type: "string" },
        fixtures: { type: "string" },
        ...specsOptionSpec,
      },
      strict: true,
      allowPositionals: false,
    });
    if (!args.ok) return args.code;
    const { values } = args.parsed;
    const selection = parseProviders(values.providers);
    if (!selection.ok) return usageError(io, "mock", selection.message);
    const ports = parsePorts(selection.providers, values["port-base"], values.port ?? []);
    if (!ports.ok) return usageError(io, "mock", ports.message);
    const host = values.host ?? "127.0.0.1";
    const engine = values.engine ?? "prism";
    if (!(ENGINES as readonly string[]).includes(engine)) return usageError(io, "mock", `unknown engine "${engine}"; choose ${ENGINES.join(" or ")}.`);
    const specs = await loadSpecsOption(values.specs, selection.providers);
    if (!specs.ok) return inputError(io, "mock", specs.message);
    const { sources } = specs.value;
    if (engine === "twin") {
      if (values.dynamic) return usageError(io, "mock", "--dynamic is a Prism option; the twins always build their bodies from the named examples.");
      return serveTwins(io, selection.providers, ports.ports, host, values.fixtures, values.verbose ?? false, sources ? specs.value : undefined);
    }
    if (values.fixtures !== undefined) return usageError(io, "mock", "--fixtures goes with --engine twin (Prism mocks have no state).");
    const specFiles = sources ? Object.fromEntries(Object.entries(sources).map(([slug, source]) => [slug, source.file])) : undefined;
    return serve(io, selection.providers, ports.ports, host, values.dynamic ?? false, values.verbose ?? false, specFiles);
  },
};

type PortPlan = { ok: true; ports: Record<string, number> } | { ok: false; message: string };

function parsePorts(selected: readonly ProviderSlug[], base: string | undefined, entries: readonly string[]): PortPlan {
  const parsePort = (text: string): number | undefined => (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535 ? Number(text) : undefined);
  let first = firstDefaultPort;
  if (base !== undefined) {
    const n = parsePort(base);
    if (n === undefined || n + maxOffset > 65_535) return { ok: false, message: `--port-base must be a port from 1 to ${65_535 - maxOffset}, not "${base}".` };
    first = n;
  }
  const ports: Record<string, number> = Object.fromEntries(selected.map((s) => [s, first + portOffset(s)]));
  for (const entry of entries.flatMap((e) => e.split(",")).map((e) => e.trim()).filter((e) => e.length > 0)) {
    const [slug, value, ...rest] = entry.split("=");
    const port = value === undefined ? undefined : parsePort(value);
    if (!slug || port === undefined || rest.length > 0) return { ok: false, message: `--port takes <provider>=<port> with a port from 1 to 65535, not "${entry}".` };
    if (!isProviderSlug(slug)) return { ok: false, message: `--port names unknown provider "${slug}"; choose from ${providerSlugs.join(", ")}.` };
    if (!selected.includes(slug)) return { ok: false, message: `--port gives a port to ${slug}, which is not among --providers (${selected.join(", ")}).` };
    ports[slug] = port;
  }
  return { ok: true, ports };
}

async function serve(io: CliIo, selected: ProviderSlug[], ports: Record<string, number>, host: string, dynamic: boolean, verbose: boolean, specFiles: Partial<Record<ProviderSlug, string>> | undefined): Promise<ExitCode> {
  const prism = findPrismCli("kyc-contracts mock --engine prism", "Or serve the provider twins, which need no Prism: kyc-contracts mock --engine twin");
  if (!prism.ok) {
    io.stderr(`kyc-contracts mock: ${prism.message}\n`);
    return 2;
  }
  io.stdout(`Starting ${selected.length} Prism mock${selected.length === 1 ? "" : "s"}: ${selected.map((s) => `${s} :${ports[s]}`).join(", ")}…\n`);
  const started = await tryStartMocks({
    providers: selected,
    ports,
    host,
    dynamic,
    ...(specFiles ? { specFiles } : {}),
    onLog: verbose ? (slug, line) => io.stdout(`[${slug}] ${line}\n`) : undefined,
  });
  if (!started.ok) {
    const { error } = started;
    const hint = error.code === "port-unavailable" ? "\nPick other ports with --port-base <n> or --port <provider>=<n>." : "";
    io.stderr(`kyc-contracts mock: ${error.message}${hint}\n`);
    return CONFIGURATION_ERRORS.includes(error.code) ? 2 : 1;
  }
  const mocks = started.mocks;
  io.stdout(await readyTable(selected, mocks.urls, mocks.prismVersion, dynamic));

  const outcome = await Promise.race([
    (io.waitForStop ?? waitForSignal)().then((signal) => ({ signal })),
    mocks.crashed.then((error) => ({ error })),
  ]);
  if ("error" in outcome) {
    io.stderr(`kyc-contracts mock: ${outcome.error.message}\nStopping the other mocks.\n`);
    await mocks.stop();
    return 1;
  }
  io.stdout(`\n${outcome.signal}: stopping the mocks…\n`);
  await mocks.stop();
  io.stdout(`Stopped ${selected.length} mock${selected.length === 1 ? "" : "s"}; port${selected.length === 1 ? "" : "s"} ${selected.map((s) => mocks.ports[s]).join(", ")} free again.\n`);
  return 0;
}

async function serveTwins(io: CliIo, selected: ProviderSlug[], ports: Record<string, number>, host: string, fixtures: string | undefined, verbose: boolean, specs: SpecSelection | undefined): Promise<ExitCode> {
  const plural = selected.length === 1 ? "" : "s";
  io.stdout(`Starting ${selected.length} twin${plural}${fixtures ? ` with ${fixtures}` : " with the built-in fixtures"}: ${selected.map((s) => `${s} :${ports[s]}`).join(", ")}…\n`);
  let twins: RunningTwins;
  try {
    twins = await startTwins({
      providers: selected,
      ports,
      host,
      ...(fixtures !== undefined ? { fixtures } : {}),
      ...(specs ? { specs: specs.documents } : {}),
      ...(verbose ? { onRequest: (slug: ProviderSlug, e: TwinRequestRecord) => io.stdout(`[${slug}] ${e.method} ${e.path} → ${e.status || "no answer"}${e.example ? ` (${e.example})` : ""}${e.fault ? ` [fault: ${e.fault}]` : ""}\n`) } : {}),
    });
  } catch (error) {
    if (!(error instanceof TwinError)) throw error;
    io.stderr(`kyc-contracts mock: ${error.message}${twinErrorHint(error, specs?.dir)}\n`);
    return 2;
  }
  io.stdout(twinTable(selected, twins, specs?.documents));
  const signal = await (io.waitForStop ?? waitForSignal)();
  io.stdout(`\n${signal}: stopping the twins…\n`);
  await twins.stop();
  io.stdout(`Stopped ${selected.length} twin${plural}; port${plural} ${selected.map((s) => twins.ports[s]).join(", ")} free again.\n`);
  return 0;
}

/** What to do about a twin that did not start; invalid fixtures name the specs they were checked against when those are DIR's. */
function twinErrorHint(error: TwinError, specsDir: string | undefined): string {
  if (error.code === "port-unavailable") return "\nPick other ports with --port-base <n> or --port <provider>=<n>.";
  if (error.code === "invalid-fixtures" && specsDir !== undefined) return `\nThe fixtures were checked against the specs in ${specsDir} (--specs), not the bundled ones.`;
  return "";
}

function twinTable(selected: ProviderSlug[], twins: RunningTwins, specs: Partial<Record<ProviderSlug, OpenApiDocument>> | undefined): string {
  const rows: string[][] = [["Provider", "URL", "Try"]];
  for (const slug of selected) {
    const request = twinExampleRequest(slug, twins.fixtures, specs?.[slug]);
    rows.push([providers[slug].name, twins.urls[slug], request ? toCurl(twins.urls[slug], request) : "(no credentials and record to try in the fixtures)"]);
  }
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}`.trimEnd()).join("\n");
  const fixtures = selected.map((slug) => `${providers[slug].name}:\n${describeFixtures(slug, twins.fixtures).map((l) => `    ${l}`).join("\n")}`).join("\n");
  return `
Provider twins are ready (state in memory, bodies from the specs' named examples):

${table}

Credentials and records:
${fixtures}

Control: ${CONTROL_ENDPOINTS} on each URL${selected.includes("myaza") ? `; Myaza's also ${WEBHOOK_CONTROL_ENDPOINTS}` : ""}.
Prefer: code=…, example=… selects a named example as with Prism. Press Ctrl+C to stop.
`;
}

async function readyTable(selected: ProviderSlug[], urls: Readonly<Record<ProviderSlug, string>>, prismVersion: string, dynamic: boolean): Promise<string> {
  const rows: string[][] = [["Provider", "URL", "Try"]];
  let preferExample: string | undefined;
  for (const slug of selected) {
    const doc = await loadSpec(slug);
    rows.push([providers[slug].name, urls[slug], toCurl(urls[slug], exampleRequest(doc))]);
    preferExample ??= listScenarios(doc).find((s) => !s.status.startsWith("2"))?.prefer;
  }
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}`.trimEnd()).join("\n");
  const mode = dynamic ? "data generated from the schemas (--dynamic)" : "the specs' examples";
  return `
Prism ${prismVersion} mocks are ready, serving ${mode}:

${table}

Choose a documented response with a Prefer header${preferExample ? `, e.g. -H "Prefer: ${preferExample}"` : ""};
list them all with \`kyc-contracts scenarios\`. Press Ctrl+C to stop.
`;
}

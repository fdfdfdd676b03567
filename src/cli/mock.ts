import { exampleRequest, toCurl } from "../mock/example-request.js";
import { tryStartMocks, type MockErrorCode } from "../mock/start-mocks.js";
import { isProviderSlug, providers, providerSlugs, type ProviderSlug } from "../providers.js";
import { loadSpec } from "../spec/load.js";
import { listScenarios } from "../spec/scenarios.js";
import { type CliIo, type Command, type ExitCode, parseCommandArgs, usageError } from "./command.js";
import { parseProviders } from "./provider-option.js";
import { waitForSignal } from "./signals.js";

const firstDefaultPort = Math.min(...providerSlugs.map((s) => providers[s].defaultMockPort));
/** Each provider's distance from the first default port: --port-base keeps the default layout. */
const portOffset = (slug: ProviderSlug): number => providers[slug].defaultMockPort - firstDefaultPort;
const maxOffset = Math.max(...providerSlugs.map(portOffset));

/** Start-up failures that are the user's to fix (exit 2) rather than a failing mock (exit 1). */
const CONFIGURATION_ERRORS: readonly MockErrorCode[] = ["invalid-options", "port-unavailable", "spec-missing", "prism-missing"];

export const mockCommand: Command = {
  name: "mock",
  summary: "Serve every provider's API from its spec with Prism mock servers, until Ctrl+C",
  help: `Usage: kyc-contracts mock [--providers <list>] [--port-base <n>] [--port <provider>=<n>,...]
                          [--host <address>] [--dynamic] [--verbose]

Starts one Prism mock server per provider, serving its spec, waits until each answers, prints
their URLs with an example curl line, and runs until Ctrl+C (SIGINT), SIGTERM, SIGHUP or the
end of the process that started it (e.g. npm), then stops every server.

Responses are the spec's named examples, so they are deterministic. Pick any documented one
with a Prefer header:
  Prefer: code=404                                  the first example of that status
  Prefer: code=400, example=er801_token_expired     a named example
Requests without the provider's credentials get its documented 401. All scenarios:
kyc-contracts scenarios.

Options:
  --providers <list>  comma-separated, or all (default): ${providerSlugs.join(", ")}
  --port-base <n>     ports from n, in the default layout (default ${firstDefaultPort}:
                      ${providerSlugs.map((s) => `${s} ${providers[s].defaultMockPort}`).join(", ")})
  --port <p>=<n>,...  a port per provider, e.g. --port proof=5000,myaza=5001 (repeatable;
                      wins over --port-base)
  --host <address>    interface to listen on (default 127.0.0.1)
  --dynamic           serve data Prism generates from the schemas instead of the examples
  --verbose           print Prism's log of every request, prefixed with the provider
  -h, --help          show this help

Exit codes: 0 stopped by a signal, 1 a mock failed to start or crashed, 2 usage error or a
port that is in use.
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
    return serve(io, selection.providers, ports.ports, host, values.dynamic ?? false, values.verbose ?? false);
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

async function serve(io: CliIo, selected: ProviderSlug[], ports: Record<string, number>, host: string, dynamic: boolean, verbose: boolean): Promise<ExitCode> {
  io.stdout(`Starting ${selected.length} Prism mock${selected.length === 1 ? "" : "s"}: ${selected.map((s) => `${s} :${ports[s]}`).join(", ")}…\n`);
  const started = await tryStartMocks({
    providers: selected,
    ports,
    host,
    dynamic,
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

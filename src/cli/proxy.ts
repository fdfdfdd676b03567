import path from "node:path";
import { harEntry } from "../conformance/har.js";
import { DEFAULT_SEGMENT_ENTRIES, openHarRecorder, type HarRecorder } from "../conformance/har-recorder.js";
import { serveNodeHttp } from "../conformance/node-transport.js";
import { createProxyHandler, DEFAULT_MAX_BODY_BYTES } from "../conformance/proxy.js";
import { liveLines, openReportWriter } from "../conformance/traffic-report.js";
import { createTrafficChecker } from "../conformance/traffic.js";
import { providerSlugs, type ProviderSlug } from "../providers.js";
import { type Command, parseCommandArgs, inputError, usageError } from "./command.js";
import { waitForSignal } from "./signals.js";
import { parseProviders } from "./provider-option.js";
import { loadSpecsOption, SPECS_OPTION_HELP, specsOptionSpec } from "./specs-option.js";
import { checkerOptions, parseCount, parseTrafficOptions, TRAFFIC_OPTIONS_HELP, trafficOptionSpecs } from "./traffic-options.js";
import { keepHeapSteady } from "./steady-heap.js";
import { packageVersion } from "./version.js";

export const proxyCommand: Command = {
  name: "proxy",
  summary: "Validating proxy: forward an application's calls to a provider and check every exchange live",
  help: `Usage: kyc-contracts proxy --provider <slug> --upstream URL [--port N] [--specs DIR] [--record FILE.har] [--segment N] [--reporter human|json|junit|github] [--output FILE] [--max-response-ms N] [--lifecycle-ids N] [--no-mask-pii]

Listens on 127.0.0.1 and forwards every request unchanged to --upstream (the provider's sandbox or
your integration environment), returning the upstream's response unchanged. Each exchange is
checked with every check (schema, semantic, lifecycle) and each violation is printed as it
happens. Point your application's base URL for the provider at the printed address and run your
own integration tests through it. Ctrl+C prints the summary and exits.

Made to run for days: memory does not grow with the number of exchanges (the lifecycle check
remembers at most --lifecycle-ids ids; json and junit reports are written to --output as the
session goes), and the recording is written as exchanges complete.

Options:
  --provider <slug>    ${providerSlugs.join(", ")} (required)
  --upstream URL       where to forward, e.g. https://api-sandbox.btcdirect.eu (required)
  --port N             port to listen on (default: a free port, printed)
${SPECS_OPTION_HELP}
  --record FILE.har    record every exchange as HAR, written as exchanges complete (at most
                       about a second late: after a crash or kill the file checks as a cut-off
                       recording); check it later with \`kyc-contracts check-har FILE.har\` or
                       the folder. Credentials removed, personal data masked
  --segment N          exchanges per recording file (default ${DEFAULT_SEGMENT_ENTRIES}); then the recording
                       continues in FILE-2.har, FILE-3.har, … beside it (each printed as it starts)
  --max-body-bytes N   largest request/response body handled (default ${DEFAULT_MAX_BODY_BYTES})
${TRAFFIC_OPTIONS_HELP}
  -h, --help           show this help

Requests that match no operation of the provider are forwarded and listed, not failed.

Exit codes: 0 every checked exchange conformed, 1 a check failed (or the upstream never
answered), 2 usage error or the port is taken.
`,
  async run(argv, io) {
    // A session of days: the heap stays near its live data (see steady-heap.ts).
    keepHeapSteady();
    const args = parseCommandArgs(io, "proxy", {
      args: argv,
      options: { provider: { type: "string" }, upstream: { type: "string" }, port: { type: "string" }, record: { type: "string" }, segment: { type: "string" }, "max-body-bytes": { type: "string" }, ...specsOptionSpec, ...trafficOptionSpecs },
      strict: true,
      allowPositionals: false,
    });
    if (!args.ok) return args.code;
    const { values } = args.parsed;
    if (values.provider === undefined) return usageError(io, "proxy", `--provider is required: one of ${providerSlugs.join(", ")}.`);
    const selection = parseProviders(values.provider, []);
    if (!selection.ok || selection.providers.length !== 1) return usageError(io, "proxy", selection.ok ? "--provider takes one provider." : selection.message);
    const provider: ProviderSlug = selection.providers[0]!;
    if (values.upstream === undefined) return usageError(io, "proxy", "--upstream is required: the provider's base URL to forward to.");
    let upstream: URL;
    try {
      upstream = new URL(values.upstream);
    } catch {
      return usageError(io, "proxy", `--upstream "${values.upstream}" is not a URL; give e.g. https://api-sandbox.example.com.`);
    }
    if (upstream.protocol !== "http:" && upstream.protocol !== "https:") return usageError(io, "proxy", `--upstream must be http or https, not ${upstream.protocol}`);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!/^\d+$/.test(values.port ?? "0") || port > 65535) return usageError(io, "proxy", `--port must be a port number (0-65535), not "${values.port}".`);
    const maxBodyBytes = values["max-body-bytes"] === undefined ? DEFAULT_MAX_BODY_BYTES : Number(values["max-body-bytes"]);
    if (!/^\d+$/.test(values["max-body-bytes"] ?? "1") || maxBodyBytes <= 0) return usageError(io, "proxy", `--max-body-bytes must be a positive number of bytes, not "${values["max-body-bytes"]}".`);
    const options = parseTrafficOptions(values);
    if (!options.ok) return usageError(io, "proxy", options.message);
    const segment = parseCount("segment", values.segment, 1);
    if (!segment.ok) return usageError(io, "proxy", segment.message);
    if (segment.value !== undefined && values.record === undefined) return usageError(io, "proxy", "--segment goes with --record FILE.har.");
    const specs = await loadSpecsOption(values.specs, [provider]);
    if (!specs.ok) return inputError(io, "proxy", specs.message);
    const { reporter, output, maskPii } = options.value;

    const traffic = createTrafficChecker({ provider, maskPii, checker: checkerOptions(options.value), keepReports: false, ...(values.specs === undefined ? {} : { specs: specs.value.documents }) });
    let recorder: HarRecorder | undefined;
    if (values.record !== undefined) {
      const opened = await openHarRecorder({
        file: path.resolve(values.record),
        version: packageVersion(),
        ...(segment.value === undefined ? {} : { segment: segment.value }),
        onSegment: (file, n) => io.stderr(`kyc-contracts proxy: recording${n > 1 ? ` (segment ${n})` : ""} to ${file}\n`),
        onError: (message) => io.stderr(`kyc-contracts proxy: ${message}\n`),
      });
      if (!opened.ok) return usageError(io, "proxy", opened.message);
      recorder = opened.recorder;
    }
    const writer = await openReportWriter(reporter, `proxy ${provider} ${upstream.origin}`, { ...(output ? { file: path.resolve(output) } : {}), stdout: io.stdout });
    // Reports go to the writer one after another (its file writes are asynchronous, exchanges are not).
    let reporting: Promise<void> = Promise.resolve();
    let proxyErrors = 0;
    const handler = createProxyHandler({
      upstream,
      maxBodyBytes,
      onExchange(exchange) {
        const report = traffic.check(exchange);
        recorder?.add(harEntry(exchange, traffic.masker, traffic.scrubber));
        io.stdout(liveLines(report, reporter));
        reporting = reporting.then(() => writer.add(report));
      },
      onProxyError(message) {
        proxyErrors++;
        io.stderr(`kyc-contracts proxy: ${traffic.scrub(message)}\n`);
      },
    });
    let server;
    try {
      server = await serveNodeHttp(handler, { port, onError: (e) => io.stderr(`kyc-contracts proxy: internal error: ${e.message}\n`) });
    } catch (error) {
      await recorder?.close();
      await writer.abort();
      const e = error as NodeJS.ErrnoException;
      return usageError(io, "proxy", e.code === "EADDRINUSE" ? `port ${port} is in use; pick another with --port, or omit it for a free one.` : `cannot listen: ${e.message}`);
    }
    io.stderr(`kyc-contracts proxy: ${server.url} → ${upstream.origin}${upstream.pathname.replace(/\/$/, "")} (checking as ${provider}). Point your application at ${server.url}; Ctrl+C for the summary.\n`);

    const signal = await (io.waitForStop ?? waitForSignal)();
    await server.close();
    io.stderr(`\n${signal}: proxy stopped.\n`);
    if (recorder) {
      const recorded = await recorder.close();
      const where = recorded.files.length === 1 ? recorded.files[0]! : `${recorded.files.length} files (${path.basename(recorded.files[0]!)} … ${path.basename(recorded.files.at(-1)!)})`;
      io.stderr(`kyc-contracts proxy: recorded ${recorded.entries} exchange(s) to ${where}${maskPii ? " (personal data masked, credentials removed)" : " (credentials removed; personal data kept: --no-mask-pii)"}${recorded.lost > 0 ? `; ${recorded.lost} could not be written (see above)` : ""}\n`);
    }
    await reporting;
    const summary = traffic.summary();
    await writer.end(summary);
    if (output) io.stderr(`kyc-contracts proxy: report written to ${output}\n`);
    if (proxyErrors > 0) io.stderr(`kyc-contracts proxy: ${proxyErrors} request(s) were answered by the proxy itself (see above), not by the upstream.\n`);
    return summary.failed > 0 || proxyErrors > 0 ? 1 : 0;
  },
};

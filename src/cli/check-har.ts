import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseHar } from "../conformance/har.js";
import { liveLines, renderReport } from "../conformance/traffic-report.js";
import { createTrafficChecker } from "../conformance/traffic.js";
import { providerSlugs, type ProviderSlug } from "../providers.js";
import { type Command, parseCommandArgs, usageError } from "./command.js";
import { parseTrafficOptions, TRAFFIC_OPTIONS_HELP, trafficOptionSpecs } from "./traffic-options.js";
import { parseProviders } from "./provider-option.js";

/** Largest HAR file read (a HAR holds bodies; dev tools exports of a long session stay well below this). */
const MAX_HAR_BYTES = 256 * 1024 * 1024;

export const checkHarCommand: Command = {
  name: "check-har",
  summary: "Check recorded traffic (a HAR file) against the specs, offline (exit 0 conforms, 1 violations, 2 usage)",
  help: `Usage: kyc-contracts check-har FILE.har [--provider <slug>] [--reporter human|json|junit|github] [--output FILE] [--max-response-ms N] [--no-mask-pii]

Checks every exchange of a HAR file (exported from a browser's dev tools, recorded by
\`kyc-contracts proxy --record\`, or by another recorder) with every check: documented operation,
status, content type, headers and body schema; the semantic checks (the id in the body is the
one requested, BTC Direct's catalogue, Proof's error codes, Myaza's completion fields); and the
lifecycle (repeated observations of one id follow the transitions the spec allows).

Exchanges that match no provider operation are listed, not failed. Without --provider each
exchange is matched to whichever provider documents its path.

Options:
  --provider <slug>    ${providerSlugs.join(", ")} (default: detect per exchange)
${TRAFFIC_OPTIONS_HELP}
  -h, --help           show this help

A BTC Direct ER code at an HTTP status other than the spec's is reported as "contradicts a spec
decision" (the spec's statuses are assumptions), not as a failure.

Exit codes: 0 every checked exchange conforms, 1 a check failed, 2 usage error or unreadable file.
`,
  async run(argv, io) {
    const args = parseCommandArgs(io, "check-har", { args: argv, options: { provider: { type: "string" }, ...trafficOptionSpecs }, strict: true, allowPositionals: true });
    if (!args.ok) return args.code;
    const { values, positionals } = args.parsed;
    if (positionals.length !== 1) return usageError(io, "check-har", positionals.length === 0 ? "give the HAR file to check." : `give one HAR file, not ${positionals.length}.`);
    let provider: ProviderSlug | undefined;
    if (values.provider !== undefined) {
      const selection = parseProviders(values.provider, []);
      if (!selection.ok || selection.providers.length !== 1) return usageError(io, "check-har", selection.ok ? "--provider takes one provider (omit it to detect each exchange's provider)." : selection.message);
      provider = selection.providers[0];
    }
    const options = parseTrafficOptions(values);
    if (!options.ok) return usageError(io, "check-har", options.message);
    const { reporter, output, maxResponseMs, maskPii } = options.value;

    const file = path.resolve(positionals[0]!);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return usageError(io, "check-har", `cannot read ${file}: no such file.`);
    }
    if (size > MAX_HAR_BYTES) return usageError(io, "check-har", `${file} is ${size} bytes, over the ${MAX_HAR_BYTES}-byte limit; export a shorter session.`);
    const parsed = parseHar(await readFile(file, "utf8"));
    if (!parsed.ok) return usageError(io, "check-har", `${file}: ${parsed.message}`);

    const traffic = createTrafficChecker({ ...(provider ? { provider } : {}), maskPii, checker: maxResponseMs === undefined ? {} : { maxResponseMs } });
    if (reporter === "human") io.stdout(`kyc-contracts check-har: ${parsed.exchanges.length} exchange(s) in ${path.basename(file)}${provider ? `, as ${provider} traffic` : ""}\n`);
    for (const exchange of parsed.exchanges) io.stdout(liveLines(traffic.check(exchange), reporter));
    for (const s of parsed.skipped) io.stderr(`kyc-contracts check-har: skipped ${traffic.scrub(s)}\n`);
    const summary = traffic.summary();
    const report = renderReport(reporter, summary, traffic.reports, `check-har ${path.basename(file)}`);
    if (output) {
      await writeFile(path.resolve(output), report);
      io.stderr(`kyc-contracts check-har: ${summary.failed} failed of ${summary.checked} checked; report written to ${output}\n`);
    } else {
      io.stdout(report);
    }
    return summary.failed > 0 ? 1 : 0;
  },
};

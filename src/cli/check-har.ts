import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { checkTraffic } from "../conformance/check-traffic.js";
import { expandHarPaths } from "../conformance/har-stream.js";
import { liveLines, openReportWriter } from "../conformance/traffic-report.js";
import { providerSlugs } from "../providers.js";
import { type Command, parseCommandArgs, inputError, usageError } from "./command.js";
import { parseOneProvider } from "./provider-option.js";
import { keepHeapSteady } from "./steady-heap.js";
import { loadSpecsOption, SPECS_OPTION_HELP, specsOptionSpec } from "./specs-option.js";
import { checkerOptions, parseCount, parseTrafficOptions, TRAFFIC_OPTIONS_HELP, trafficOptionSpecs } from "./traffic-options.js";

/** Below this much HAR text the workers' start-up (each loads and compiles the specs) costs more than it saves: one thread checks. */
export const SMALL_INPUT_BYTES = 16 * 1024 * 1024;

/** `--shard K/N` → the 0-based shard index and the count. */
function parseShard(raw: string | undefined): { ok: true; value: { index: number; count: number } | undefined } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, value: undefined };
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) return { ok: false, message: `--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/4: the second of four shards), not "${raw}".` };
  return { ok: true, value: { index: k - 1, count: n } };
}

export const checkHarCommand: Command = {
  name: "check-har",
  summary: "Check recorded traffic (HAR files or folders of them) against the specs, offline (exit 0 conforms, 1 violations, 2 usage)",
  help: `Usage: kyc-contracts check-har PATH... [--provider <slug>] [--specs DIR] [--workers N] [--shard K/N] [--reporter human|json|junit|github] [--output FILE] [--max-response-ms N] [--lifecycle-ids N] [--no-mask-pii]

Checks every exchange of one or more HAR files (exported from a browser's dev tools, recorded by
\`kyc-contracts proxy --record\`, or by another recorder) with every check: documented operation,
status, content type, headers and body schema; the semantic checks (the id in the body is the
one requested, BTC Direct's catalogue, Proof's error codes, Myaza's completion fields); and the
lifecycle (repeated observations of one id follow the transitions the spec allows).

Each PATH is a HAR file or a folder: a folder's .har files are read in name order, a recording's
segments in the order they were written (session.har, session-2.har, …, session-10.har). The
files are read as one stream, in the order given, with one summary: an id's lifecycle is
followed across files. Files of any size are read entry by entry (memory does not grow with
them). A recording that was cut off (the proxy killed) is checked up to its last complete entry
with a warning, not an error.

Exchanges that match no provider operation are listed, not failed. Without --provider each
exchange is matched to whichever provider documents its path.

Options:
  --provider <slug>    ${providerSlugs.join(", ")} (default: detect per exchange)
${SPECS_OPTION_HELP}
  --workers N          threads checking in parallel: this one and N − 1 worker threads (default:
                       one per core for inputs of ${SMALL_INPUT_BYTES / 1024 / 1024} MiB or more, else 1). Each id's
                       observations stay in order on one thread: the findings do not depend on N
  --shard K/N          check only shard K of N of the exchanges (each id's observations whole in
                       one shard): run N jobs (a CI matrix) over the same recordings; their
                       reports add up to the report of one run over everything
${TRAFFIC_OPTIONS_HELP}
  -h, --help           show this help

A BTC Direct ER code at an HTTP status other than the spec's is reported as "contradicts a spec
decision" (the spec's statuses are assumptions), not as a failure.

Exit codes: 0 every checked exchange conforms, 1 a check failed, 2 usage error or an unreadable
path or file (named).
`,
  async run(argv, io) {
    keepHeapSteady();
    const args = parseCommandArgs(io, "check-har", {
      args: argv,
      options: { provider: { type: "string" }, workers: { type: "string" }, shard: { type: "string" }, ...specsOptionSpec, ...trafficOptionSpecs },
      strict: true,
      allowPositionals: true,
    });
    if (!args.ok) return args.code;
    const { values, positionals } = args.parsed;
    if (positionals.length === 0) return usageError(io, "check-har", "give the HAR files or folders to check.");
    const one = parseOneProvider(values.provider);
    if (!one.ok) return usageError(io, "check-har", one.message);
    const { provider } = one;
    const options = parseTrafficOptions(values);
    if (!options.ok) return usageError(io, "check-har", options.message);
    const workersOption = parseCount("workers", values.workers, 1);
    if (!workersOption.ok) return usageError(io, "check-har", workersOption.message);
    const shard = parseShard(values.shard);
    if (!shard.ok) return usageError(io, "check-har", shard.message);
    const { reporter, output, maskPii } = options.value;
    const specs = await loadSpecsOption(values.specs, provider ? [provider] : undefined);
    if (!specs.ok) return inputError(io, "check-har", specs.message);

    const expanded = await expandHarPaths(positionals);
    if (!expanded.ok) return inputError(io, "check-har", expanded.message);
    const { files } = expanded;
    let bytes = 0;
    for (const file of files) {
      try {
        bytes += (await stat(file)).size;
      } catch (error) {
        return usageError(io, "check-har", `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}.`);
      }
    }
    const workers = workersOption.value ?? (bytes >= SMALL_INPUT_BYTES ? availableParallelism() : 1);

    const named = files.length === 1 ? path.basename(files[0]!) : `${files.length} files`;
    const writer = await openReportWriter(reporter, `check-har ${named}${shard.value ? ` shard ${shard.value.index + 1}/${shard.value.count}` : ""}`, { ...(output ? { file: path.resolve(output) } : {}), stdout: io.stdout });
    if (reporter === "human") io.stdout(`kyc-contracts check-har: ${named}${provider ? `, as ${provider} traffic` : ""}${shard.value ? `, shard ${shard.value.index + 1} of ${shard.value.count}` : ""}${workers > 1 ? `, ${workers} workers` : ""}\n`);
    // Live lines go out in blocks of about 16 KB, not one write per exchange (a write is a system call on a pipe or file: 100,000 of them cost more than a second).
    let live = "";
    const flushLive = (): void => {
      if (live === "") return;
      io.stdout(live);
      live = "";
    };
    const result = await checkTraffic({
      files,
      traffic: { ...(provider ? { provider } : {}), maskPii, checker: checkerOptions(options.value), ...(values.specs === undefined ? {} : { specs: specs.value.documents }) },
      workers,
      ...(shard.value ? { shard: shard.value } : {}),
      async onReport(report) {
        live += liveLines(report, reporter);
        if (live.length >= 16 * 1024) flushLive();
        await writer.add(report);
      },
      onWorkerOnline: keepHeapSteady,
      onNote(note) {
        flushLive();
        io.stderr(note.kind === "truncated" ? `kyc-contracts check-har: warning: ${note.message}\n` : `kyc-contracts check-har: skipped ${note.message}\n`);
      },
    });
    flushLive();
    if (!result.ok) {
      await writer.abort();
      return usageError(io, "check-har", result.message);
    }
    await writer.end(result.summary);
    const { summary } = result;
    if (output) io.stderr(`kyc-contracts check-har: ${summary.failed} failed of ${summary.checked} checked; report written to ${output}\n`);
    if (result.truncated > 0) io.stderr(`kyc-contracts check-har: warning: ${result.truncated} file(s) were cut off; every complete entry in them was checked (see above).\n`);
    return summary.failed > 0 ? 1 : 0;
  },
};

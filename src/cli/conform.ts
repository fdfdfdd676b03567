import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GithubReporter } from "../conformance/github-reporter.js";
import { coverageLine, HumanReporter, readSuiteReports } from "../conformance/human-reporter.js";
import { isBodyLimit } from "../http/body-limit.js";
import { withoutUserinfo } from "../http/redact.js";
import { SUITE_ENV } from "../conformance/suite-env.js";
import { checkLiveEnv, requiredEnv } from "../conformance/target.js";
import { parseBaseUrls } from "../conformance/base-urls.js";
import { installCommand, requireTools, type OptionalTool } from "../optional-tools.js";
import { providerSlugs } from "../providers.js";
import { packageRoot } from "../spec/paths.js";
import { type Command, parseCommandArgs, inputError, usageError } from "./command.js";
import { parseProviders } from "./provider-option.js";
import { parseMaxResponseMs } from "./check-options.js";
import { loadSpecsOption, specsOptionHelp, specsOptionSpec } from "./specs-option.js";

const REPORTERS = ["human", "junit", "json", "github"] as const;
type ReporterName = (typeof REPORTERS)[number];

export const conformCommand: Command = {
  name: "conform",
  summary: "Check a live endpoint, the Prism mocks or the twins against the specs (exit 0 conforms, 1 violations, 2 usage)",
  help: `Usage: kyc-contracts conform [--provider <slug|list|all>] [--base-url URL | --engine prism|twin]
                             [--reporter human|junit|json|github] [--output FILE] [--max-response-ms N] [--max-body-bytes N]
                             [--specs DIR]

Runs the conformance suite of each provider against its Prism mock (default: started and stopped
by the run), its twin (--engine twin) or a live target (--base-url). Every response goes through
every check: documented status, content type, documented headers, body schema, and the semantic
checks (the id in the body is the one requested; BTC Direct error entries match the catalogue;
Proof error codes are documented for their status; Myaza completedAt / reason / reasonCode).
Cases: known id, no credentials, wrong credentials, unknown id, malformed id (live and twins),
and every named example via Prefer (mocks and twins). Against the twins no case is skipped.

Options:
  --provider <list>    ${providerSlugs.join(", ")}, a comma-separated list, or all (default)
  --engine NAME        prism (default) or twin: which mocks to start when there is no --base-url
  --base-url URL       live target (read-only GET requests, a handful per provider), for one
                       provider; several running servers in one run: proof=URL,myaza=URL
  --reporter NAME      human (default), junit or json (vitest's own reporters; JUnit cases carry
                       the check names of their failures), github (workflow annotations)
  --output FILE        write the junit/json report to FILE instead of stdout
  --max-response-ms N  a response slower than N ms is a violation (default: no budget)
${specsOptionHelp(23)}
  --max-body-bytes N   the most bytes of a response body read (default 1048576, 1 MiB); a
                       larger body fails its case [body-size] and is not read further
  -h, --help           show this help

Live credentials and known ids come from environment variables, never flags:
${providerSlugs.map((s) => `  ${s.padEnd(12)} ${requiredEnv(s).join(", ")}`).join("\n")}

A BTC Direct ER code at an HTTP status other than the spec's is reported as "contradicts a spec
decision": those statuses are the spec's assumptions (BTC Direct documents only ER801 → 400), so
it is evidence to correct the spec, not a failure. An unknown Myaza reasonCode is a warning.

Needs vitest (an optional peer dependency), and @stoplight/prism-cli for the Prism mocks; exit 2
with the install command if they are missing:
  ${installCommand(["vitest", "prism"])}

Exit codes: 0 the target conforms, 1 a check failed, 2 usage or configuration error, or the
mocks could not be started (the reason is printed).
A 429 is waited out once (Retry-After / RateLimit-Reset); if it persists the case is reported as
skipped (inconclusive), not as a contract failure.
`,
  async run(argv, io) {
    const args = parseCommandArgs(io, "conform", {
      args: argv,
      options: { provider: { type: "string" }, "base-url": { type: "string" }, reporter: { type: "string" }, output: { type: "string" }, "max-response-ms": { type: "string" }, engine: { type: "string" }, "max-body-bytes": { type: "string" }, ...specsOptionSpec },
      strict: true,
      allowPositionals: false,
    });
    if (!args.ok) return args.code;
    const { values } = args.parsed;
    const selection = parseProviders(values.provider);
    if (!selection.ok) return usageError(io, "conform", selection.message);
    const reporter = (values.reporter ?? "human") as ReporterName;
    if (!REPORTERS.includes(reporter)) return usageError(io, "conform", `unknown reporter "${values.reporter}"; choose ${REPORTERS.join(", ")}.`);
    if (values.output && (reporter === "human" || reporter === "github")) return usageError(io, "conform", "--output goes with --reporter junit or json.");
    const budget = parseMaxResponseMs(values["max-response-ms"]);
    if (!budget.ok) return usageError(io, "conform", budget.message);
    const maxBodyBytes = values["max-body-bytes"];
    if (maxBodyBytes !== undefined && !(/^\d+$/.test(maxBodyBytes) && isBodyLimit(Number(maxBodyBytes)))) {
      return usageError(io, "conform", `--max-body-bytes must be a whole number of bytes ≥ 1, not "${maxBodyBytes}".`);
    }
    const specs = await loadSpecsOption(values.specs, selection.providers);
    if (!specs.ok) return inputError(io, "conform", specs.message);
    const baseUrl = values["base-url"];
    const engine = values.engine ?? "prism";
    if (engine !== "prism" && engine !== "twin") return usageError(io, "conform", `unknown engine "${engine}"; choose prism or twin.`);
    if (values.engine !== undefined && baseUrl !== undefined) return usageError(io, "conform", "--engine picks the mocks to start; with --base-url nothing is started. Give one of them.");
    let providers = selection.providers;
    let target: string | undefined;
    if (baseUrl !== undefined) {
      const parsed = parseBaseUrls(baseUrl, providers, values.provider !== undefined && values.provider !== "all");
      if (!parsed.ok) return usageError(io, "conform", parsed.message);
      providers = parsed.providers;
      target = Object.keys(parsed.urls).length > 1 ? Object.entries(parsed.urls).map(([slug, url]) => `${slug}=${withoutUserinfo(url)}`).join(", ") : withoutUserinfo(baseUrl);
      const env = checkLiveEnv(providers, io.env);
      if (!env.ok) return usageError(io, "conform", `a live run needs these environment variables, which are not set: ${env.missing.join(", ")}.`);
    }

    // vitest runs the suite; Prism serves the mocks when there is neither --base-url nor --engine twin.
    const tools: OptionalTool[] = baseUrl === undefined && engine === "prism" ? ["vitest", "prism"] : ["vitest"];
    const what = `kyc-contracts conform ${baseUrl !== undefined ? "--base-url" : `--engine ${engine}`}`;
    const found = requireTools(what, tools);
    if (!found.ok) {
      io.stderr(`kyc-contracts conform: ${found.message}${found.tools.includes("prism") ? "\nOr check the provider twins, which need no Prism: kyc-contracts conform --engine twin" : ""}\n`);
      return 2;
    }

    const reportDir = await mkdtemp(path.join(tmpdir(), "kyc-conform-"));
    const saved = { specs: process.env[SUITE_ENV.specsDir], base: process.env[SUITE_ENV.baseUrl], dir: process.env[SUITE_ENV.reportDir], budget: process.env[SUITE_ENV.maxResponseMs], engine: process.env[SUITE_ENV.engine], max: process.env[SUITE_ENV.maxBodyBytes] };
    // The suites run in vitest workers, which inherit this process's environment.
    if (baseUrl) process.env[SUITE_ENV.baseUrl] = baseUrl;
    else delete process.env[SUITE_ENV.baseUrl];
    process.env[SUITE_ENV.reportDir] = reportDir;
    if (budget.value === undefined) delete process.env[SUITE_ENV.maxResponseMs];
    else process.env[SUITE_ENV.maxResponseMs] = String(budget.value);
    process.env[SUITE_ENV.engine] = engine;
    if (values.specs !== undefined) process.env[SUITE_ENV.specsDir] = path.resolve(values.specs);
    else delete process.env[SUITE_ENV.specsDir];
    if (maxBodyBytes !== undefined) process.env[SUITE_ENV.maxBodyBytes] = maxBodyBytes;
    else delete process.env[SUITE_ENV.maxBodyBytes];
    try {
      io.stderr(`kyc-contracts conform: ${providers.join(", ")} against ${target ?? (engine === "twin" ? "their twins" : "their Prism mocks")}\n`);
      const { startVitest } = await import("vitest/node");
      const root = packageRoot();
      const vitest = await startVitest(
        "test",
        [],
        {
          root,
          config: false,
          watch: false,
          include: providers.map((p) => `conformance/${p}.test.ts`),
          exclude: [],
          reporters: reporter === "human" ? [new HumanReporter({ write: io.stdout, reportDir })] : reporter === "github" ? [new GithubReporter(io.stdout)] : [reporter],
          ...(values.output ? { outputFile: path.resolve(values.output) } : {}),
          testTimeout: 60_000,
          hookTimeout: 120_000,
          passWithNoTests: false,
        },
        { server: { fs: { strict: false } } },
      );
      const failed = vitest.state.getCountOfFailedTests() + vitest.state.getUnhandledErrors().length + vitest.state.getFiles().filter((f) => f.result?.state === "fail").length;
      const ran = vitest.state.getFiles().length;
      await vitest.close();
      if (reporter !== "human") io.stderr(`${coverageLine(reportDir)}\n`);
      const notStarted = readSuiteReports(reportDir).filter((r) => r.startError !== undefined);
      if (notStarted.length > 0) {
        for (const r of notStarted) io.stderr(`kyc-contracts conform: the ${r.provider} mock could not be started, so nothing was checked:\n${indent(r.startError ?? "")}\n`);
        return 2;
      }
      if (ran === 0) {
        io.stderr(`kyc-contracts conform: no conformance suite was found under ${root}/conformance. Reinstall the package.\n`);
        return 2;
      }
      return failed > 0 ? 1 : 0;
    } finally {
      if (saved.specs === undefined) delete process.env[SUITE_ENV.specsDir];
      else process.env[SUITE_ENV.specsDir] = saved.specs;
      if (saved.base === undefined) delete process.env[SUITE_ENV.baseUrl];
      else process.env[SUITE_ENV.baseUrl] = saved.base;
      if (saved.dir === undefined) delete process.env[SUITE_ENV.reportDir];
      else process.env[SUITE_ENV.reportDir] = saved.dir;
      if (saved.budget === undefined) delete process.env[SUITE_ENV.maxResponseMs];
      else process.env[SUITE_ENV.maxResponseMs] = saved.budget;
      if (saved.engine === undefined) delete process.env[SUITE_ENV.engine];
      else process.env[SUITE_ENV.engine] = saved.engine;
      if (saved.max === undefined) delete process.env[SUITE_ENV.maxBodyBytes];
      else process.env[SUITE_ENV.maxBodyBytes] = saved.max;
      await rm(reportDir, { recursive: true, force: true });
    }
  },
};

const indent = (text: string): string => text.replace(/^/gm, "  ");

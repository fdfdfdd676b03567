/**
 * `npm run bench`: measures the mocks, the conformance run, the clients and validation, prints
 * a Markdown table per group and writes every figure to reports/bench/results.json (ignored by
 * git); `--save` writes the committed bench/results.json instead and regenerates the
 * Performance tables of docs/performance.md from it. See `--help` and bench/README.md.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { providerSlugs } from "../src/providers.js";
import { bundledSpecPath } from "../src/spec/index.js";
import { withCleanup } from "./cleanup.js";
import { renderGroup } from "./format.js";
import { benchClient } from "./groups/client.js";
import { benchConformance } from "./groups/conformance.js";
import { benchDiff } from "./groups/diff.js";
import type { GroupRunner } from "./groups/context.js";
import { benchMocks } from "./groups/mocks.js";
import { benchTwins } from "./groups/twins.js";
import { benchProxy } from "./groups/proxy.js";
import { benchSuggest } from "./groups/suggest.js";
import { benchTraffic } from "./groups/traffic.js";
import { benchValidation } from "./groups/validation.js";
import { RESULTS_FILE, benchHelp, parseBenchArgs } from "./options.js";
import { PERFORMANCE_GUIDE, writePerformanceSection } from "./performance-guide.js";
import { machineInfo, serializeResults, type BenchResults, type GroupName } from "./results.js";

const runners: Record<GroupName, GroupRunner> = { mocks: benchMocks, twins: benchTwins, conformance: benchConformance, client: benchClient, validation: benchValidation, proxy: benchProxy, traffic: benchTraffic, diff: benchDiff, suggest: benchSuggest };

const GUIDE = fileURLToPath(new URL(`../${PERFORMANCE_GUIDE}`, import.meta.url));
const out = (text: string): void => void process.stdout.write(`${text}\n`);
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    progress(`npm run bench: ${parsed.message}`);
    return 2;
  }
  if (parsed.help) {
    out(benchHelp);
    return 0;
  }
  const { options } = parsed;
  const missing = providerSlugs.map(bundledSpecPath).filter((f) => !existsSync(f));
  if (missing.length > 0) {
    progress(`npm run bench: the bundled specs are missing (${missing.join(", ")}); run \`npm run build\` first (\`npm run bench\` does).`);
    return 2;
  }
  const started = performance.now();
  const results: BenchResults = {
    version: 1,
    date: new Date().toISOString(),
    machine: machineInfo(),
    settings: {
      quick: options.quick,
      groups: options.groups,
      providers: options.providers,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      runs: options.runs,
      taskTimeMs: options.taskTimeMs,
    },
    totalSeconds: 0,
    groups: [],
  };
  const { machine } = results;
  progress(
    `kyc-status-contracts bench: ${options.groups.join(", ")} for ${options.providers.join(", ")}; ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load ${machine.loadAverage.join(" ")}${options.quick ? " (--quick: figures not comparable)" : ""}`,
  );
  const failed: string[] = [];
  await withCleanup(async (cleanup) => {
    for (const name of options.groups) {
      const groupStart = performance.now();
      try {
        const result = await runners[name]({ options, cleanup, progress, earlier: results.groups });
        results.groups.push(result);
        out(`\n${renderGroup(result)}`);
        progress(`[${name}] done in ${((performance.now() - groupStart) / 1000).toFixed(1)} s`);
      } catch (error) {
        failed.push(name);
        progress(`npm run bench: the ${name} group failed: ${(error as Error).message}`);
        if (cleanup.pending.length > 0) progress(`[${name}] stopping what it left running: ${cleanup.pending.join(", ")}`);
        for (const f of await cleanup.stopAll()) progress(`could not stop ${f}`);
      }
    }
  }, progress);
  results.totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  // A --save run with a failed group is incomplete: its figures go to the ignored file, the committed ones stay.
  const save = options.save && failed.length === 0;
  const outFile = options.save && !save ? path.resolve(RESULTS_FILE) : options.out;
  if (results.groups.length > 0) {
    await mkdir(path.dirname(outFile), { recursive: true });
    await writeFile(outFile, serializeResults(results));
    const shown = path.relative(process.cwd(), outFile);
    progress(`\nWrote ${shown.startsWith("..") ? outFile : shown} (${results.totalSeconds} s in all).`);
  }
  if (save) {
    await writePerformanceSection(GUIDE, results);
    progress(`Regenerated the Performance tables in ${PERFORMANCE_GUIDE} from it: review and commit both files.`);
  } else if (options.save) {
    progress("--save: not saved, since a group failed; bench/results.json and ${PERFORMANCE_GUIDE} are unchanged.");
  }
  if (failed.length > 0) {
    progress(`npm run bench: ${failed.join(", ")} failed (see above); the other groups' figures were written.`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

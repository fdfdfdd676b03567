/**
 * `npm run bench`: measures the mocks, the conformance run, the clients and validation, prints
 * a Markdown table per group and writes every figure to bench/results.json. See `--help` and
 * bench/README.md.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { providerSlugs } from "../src/providers.js";
import { bundledSpecPath } from "../src/spec/index.js";
import { withCleanup } from "./cleanup.js";
import { renderGroup } from "./format.js";
import { benchClient } from "./groups/client.js";
import { benchConformance } from "./groups/conformance.js";
import type { GroupRunner } from "./groups/context.js";
import { benchMocks } from "./groups/mocks.js";
import { benchTwins } from "./groups/twins.js";
import { benchProxy } from "./groups/proxy.js";
import { benchValidation } from "./groups/validation.js";
import { benchHelp, parseBenchArgs } from "./options.js";
import { machineInfo, serializeResults, type BenchResults, type GroupName } from "./results.js";

const runners: Record<GroupName, GroupRunner> = { mocks: benchMocks, twins: benchTwins, conformance: benchConformance, client: benchClient, validation: benchValidation, proxy: benchProxy };

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
  if (results.groups.length > 0) {
    await mkdir(path.dirname(options.out), { recursive: true });
    await writeFile(options.out, serializeResults(results));
    const shown = path.relative(process.cwd(), options.out);
    progress(`\nWrote ${shown.startsWith("..") ? options.out : shown} (${results.totalSeconds} s in all).`);
  }
  if (failed.length > 0) {
    progress(`npm run bench: ${failed.join(", ")} failed (see above); the other groups' figures were written.`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

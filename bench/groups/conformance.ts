/**
 * Group 2, conformance: the wall time of `kyc-contracts conform` as a user runs it (the built
 * CLI, which starts and stops the Prism mocks itself), and, from vitest's JSON report of the same
 * runs, how much of it the cases take once the mocks are up.
 *
 * Why not `conform --base-url` against mocks started beforehand: with a base URL the suite runs
 * its live cases (wrong credentials, unknown and malformed ids), which a Prism mock cannot pass,
 * so that would time a failing run of other cases. The per-test durations of the mock run are
 * the same cases against an already running target.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { providerSlugs, type ProviderSlug } from "../../src/providers.js";
import { packageRoot } from "../../src/spec/index.js";
import type { Figure } from "../results.js";
import { median, medianRatio } from "../stats.js";
import { measureTasks } from "../tiny.js";
import { figureRow, type GroupRunner } from "./context.js";

interface VitestJsonReport {
  testResults: { name: string; assertionResults: { status: string; duration?: number | null }[] }[];
}

/** Per provider (from the suite file name `conformance/<slug>.test.ts`): the summed duration of its passed tests and how many ran. */
export function caseTimes(report: VitestJsonReport): Map<string, { ms: number; tests: number }> {
  const out = new Map<string, { ms: number; tests: number }>();
  for (const file of report.testResults) {
    const slug = path.basename(file.name).replace(/\.test\.ts$/, "");
    const ran = file.assertionResults.filter((a) => a.status === "passed");
    out.set(slug, { ms: ran.reduce((sum, a) => sum + (a.duration ?? 0), 0), tests: ran.length });
  }
  return out;
}

function runConform(cli: string, providers: readonly ProviderSlug[], output: string, register: (kill: () => void) => () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const provider = providers.length === providerSlugs.length ? "all" : providers.join(",");
    const child = spawn(process.execPath, [cli, "conform", "--provider", provider, "--reporter", "json", "--output", output], { cwd: packageRoot(), stdio: ["ignore", "ignore", "pipe"] });
    const unregister = register(() => child.kill("SIGTERM"));
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (error) => {
      unregister();
      reject(error);
    });
    child.on("close", (code, signal) => {
      unregister();
      if (code === 0) resolve();
      else reject(new Error(`kyc-contracts conform --provider ${provider} exited ${code ?? signal} (it must pass against the mocks to be timed): ${stderr.trim().slice(-800)}`));
    });
  });
}

export const benchConformance: GroupRunner = async (ctx) => {
  const { providers, runs } = ctx.options;
  const cli = path.join(packageRoot(), "dist", "src", "cli.js");
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm run bench does).`);
  const dir = await mkdtemp(path.join(tmpdir(), "kyc-bench-conform-"));
  const removeDir = ctx.cleanup.add(`temporary folder ${dir}`, () => rm(dir, { recursive: true, force: true }));
  const command = `conform --provider ${providers.length === providerSlugs.length ? "all" : providers.join(",")}`;
  const perRun: Map<string, { ms: number; tests: number }>[] = [];
  try {
    let run = 0;
    let current = "";
    const stats = await measureTasks(
      [
        {
          name: command,
          fn: () => runConform(cli, providers, current, (kill) => ctx.cleanup.add(`kyc-contracts ${command}`, kill)),
          options: {
            beforeEach: () => {
              current = path.join(dir, `run-${++run}.json`);
              ctx.progress(`[conformance] kyc-contracts ${command}, run ${run}/${runs}`);
            },
            afterEach: async () => {
              perRun.push(caseTimes(JSON.parse(await readFile(current, "utf8")) as VitestJsonReport));
            },
          },
        },
      ],
      { timeMs: 0, iterations: runs, warmup: false },
    );
    const wall = stats.get(command)!;
    const runsLabel = "runs";
    const figures: Figure[] = [];
    const totals = perRun.map((r) => [...r.values()].reduce((sum, x) => sum + x.ms, 0));
    const whole = figureRow(`\`kyc-contracts ${command}\` (the built CLI; starts and stops the mocks itself)`, "wall time, start-up included");
    figures.push(
      whole("time", wall.p50Ms / 1000, "s", wall.samples, runsLabel),
      whole("cases against the running mocks", median(totals) / 1000, "s", perRun.length, runsLabel),
      whole("wall / cases", wall.p50Ms / median(totals), "×", wall.samples, runsLabel),
    );
    for (const slug of providers) {
      const times = perRun.map((r) => r.get(slug) ?? { ms: Number.NaN, tests: 0 });
      const row = figureRow("Cases against an already running mock, per suite (vitest's per-test durations, same runs)", slug);
      figures.push(
        row("cases passed", median(times.map((t) => t.tests)), "count", times.length, runsLabel),
        row("cases time", median(times.map((t) => t.ms)), "ms", times.length, runsLabel),
        row("per case", medianRatio(times.map((t) => t.ms), times.map((t) => t.tests)), "ms", times.length, runsLabel),
      );
    }
    return {
      name: "conformance",
      title: "Conformance",
      method: [
        `Wall time: \`node dist/src/cli.js ${command} --reporter json\` as a child process, from spawn to exit (Node and vitest start-up, one Prism per suite started and stopped, every case), measured by tinybench; each run must exit 0.`,
        "Cases: the summed durations of the passed tests in vitest's JSON report of the same runs, i.e. the requests and checks against a mock that is already up (the suite's start-up hook excluded; skipped live-only cases take no time).",
        "`conform --base-url` against running mocks is not timed: with a base URL the suite runs its live cases (wrong credentials, unknown and malformed ids), which a Prism mock cannot pass.",
      ].join("\n"),
      figures,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    removeDir();
  }
};

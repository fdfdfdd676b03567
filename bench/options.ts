/** `npm run bench` flags. Pure: argv in, options or a usage message out. */
import path from "node:path";
import { parseArgs } from "node:util";
import { isProviderSlug, providerSlugs, type ProviderSlug } from "../src/providers.js";
import { groupNames, type GroupName } from "./results.js";

export interface BenchOptions {
  quick: boolean;
  groups: GroupName[];
  providers: ProviderSlug[];
  connections: number;
  durationSeconds: number;
  runs: number;
  taskTimeMs: number;
  /** Where the results go: RESULTS_FILE by default, COMMITTED_RESULTS_FILE with --save. */
  out: string;
  /** --save: also rewrite the Performance tables of docs/performance.md from these results. */
  save: boolean;
}

export type ParsedArgs = { ok: true; help: true } | { ok: true; help: false; options: BenchOptions } | { ok: false; message: string };

export const DEFAULTS = { connections: 10, durationSeconds: 5, runs: 3, taskTimeMs: 500 } as const;
export const QUICK = { durationSeconds: 0.25, runs: 1, taskTimeMs: 25 } as const;

/** Where a run writes its figures by default: ignored by git, so trying things changes no file. */
export const RESULTS_FILE = "reports/bench/results.json";
/** The committed figures docs/performance.md's Performance section is generated from (`--save`). */
export const COMMITTED_RESULTS_FILE = "bench/results.json";

export const benchHelp = `Usage: npm run bench -- [options]

Measures what users of kyc-status-contracts wait for, on 127.0.0.1 only, and prints one table
per group (ratios first: the machine may be shared and noisy):
  mocks        each provider's Prism mock vs a raw node:http server replaying the same response
               bytes (autocannon: req/s, p50/p99), and mock start-up time
  twins        each provider's twin vs a raw node:http server replaying one of its responses
               (autocannon: req/s, p50/p99; target twin / raw ≥ 0.5), and twin start-up time
               (target: all four < 300 ms), beside Prism's figures from the mocks group
  conformance  wall time of \`kyc-contracts conform --provider all\` (mocks started by the run)
               and the cases' own time against the already running mocks
  client       per-call time of each typed client vs raw fetch of the same request (paired blocks), cold start
  validation   response validations per second per provider's schemas, valid and invalid bodies
  proxy        what kyc-contracts proxy adds to a call (p50 through the proxy vs direct)
  traffic      check-har on a 100,000-exchange recording (default workers vs --workers 1, end
               to end per worker vs the checker alone, peak RSS vs one segment) and the
               proxy's RSS after 25,000 vs 5,000 exchanges through a twin
  diff         diffSpecs of two versions of the specs vs loading and resolving them (target ≤ 2×)
  suggest      kyc-contracts suggest vs check-har --workers 1 on the same recording (target ≥ 0.5×)

Options:
  --only <groups>       comma-separated subset of: ${groupNames.join(", ")} (default: all)
  --providers <list>    comma-separated subset of: ${providerSlugs.join(", ")} (default: all)
  --duration <s>        seconds per autocannon run (default ${DEFAULTS.durationSeconds})
  --runs <n>            runs each figure is the median of (default ${DEFAULTS.runs})
  --connections <n>     concurrent connections for autocannon (default ${DEFAULTS.connections})
  --task-time <ms>      tinybench time per task and run (default ${DEFAULTS.taskTimeMs})
  --quick               smoke run: --duration ${QUICK.durationSeconds} --runs ${QUICK.runs} --task-time ${QUICK.taskTimeMs} (figures are not comparable)
  --out <file>          where to write the results (default ${RESULTS_FILE}, ignored by git)
  --save                record a full run: write ${COMMITTED_RESULTS_FILE} and regenerate docs/performance.md's
                        Performance tables from it (not with --quick, --only, --providers, --out)
  -h, --help            show this help

Needs the build (npm run bench builds first). A full run takes about 3–4 minutes on 2 cores.
Exit codes: 0 done, 1 a measurement failed, 2 usage error.
`;

function positive(name: string, raw: string | undefined, fallback: number, integer: boolean): number | string {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) return `--${name} must be a positive ${integer ? "integer" : "number"}, got "${raw}".`;
  return n;
}

function list<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], is: (s: string) => s is T): T[] | string {
  if (raw === undefined) return [...allowed];
  const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = items.filter((s) => !is(s));
  if (items.length === 0 || unknown.length > 0) return `--${name}: unknown ${unknown.length ? `"${unknown.join('", "')}"` : "empty list"}; choose from ${allowed.join(", ")}.`;
  return allowed.filter((a) => items.includes(a));
}

const isGroupName = (s: string): s is GroupName => (groupNames as readonly string[]).includes(s);

export function parseBenchArgs(argv: readonly string[], cwd = process.cwd()): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        only: { type: "string" },
        providers: { type: "string" },
        duration: { type: "string" },
        runs: { type: "string" },
        connections: { type: "string" },
        "task-time": { type: "string" },
        quick: { type: "boolean" },
        out: { type: "string" },
        save: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: `${(error as Error).message}. See --help.` };
  }
  if (values.help) return { ok: true, help: true };
  const quick = values.quick === true;
  const groups = list("only", values.only, groupNames, isGroupName);
  const providers = list("providers", values.providers, providerSlugs, isProviderSlug);
  const durationSeconds = positive("duration", values.duration, quick ? QUICK.durationSeconds : DEFAULTS.durationSeconds, false);
  const runs = positive("runs", values.runs, quick ? QUICK.runs : DEFAULTS.runs, true);
  const connections = positive("connections", values.connections, DEFAULTS.connections, true);
  const taskTimeMs = positive("task-time", values["task-time"], quick ? QUICK.taskTimeMs : DEFAULTS.taskTimeMs, false);
  for (const v of [groups, providers, durationSeconds, runs, connections, taskTimeMs]) if (typeof v === "string") return { ok: false, message: v };
  const save = values.save === true;
  if (save) {
    const partial = [quick && "--quick", values.only !== undefined && "--only", values.providers !== undefined && "--providers", values.out !== undefined && "--out"].filter(Boolean);
    if (partial.length > 0) return { ok: false, message: `--save records a full, comparable run into ${COMMITTED_RESULTS_FILE} and docs/performance.md; drop ${partial.join(", ")} (or drop --save to try things out).` };
  }
  return {
    ok: true,
    help: false,
    options: {
      quick,
      groups: groups as GroupName[],
      providers: providers as ProviderSlug[],
      durationSeconds: durationSeconds as number,
      runs: runs as number,
      connections: connections as number,
      taskTimeMs: taskTimeMs as number,
      out: path.resolve(cwd, values.out ?? (save ? COMMITTED_RESULTS_FILE : RESULTS_FILE)),
      save,
    },
  };
}

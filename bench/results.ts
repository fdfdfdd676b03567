/**
 * `bench/results.json`: every figure of a run with its unit and what it is the median of, the
 * machine and the date. `checkResults` is the shape check the smoke test (and anyone reading an
 * old file) relies on.
 */
import { cpus, loadavg } from "node:os";
import { isObject } from "../src/json.js";

export const groupNames = ["mocks", "twins", "conformance", "client", "validation", "proxy", "traffic", "diff", "suggest"] as const;
export type GroupName = (typeof groupNames)[number];

export interface Figure {
  /** The table the figure belongs to within its group, e.g. "Prism vs raw node:http". */
  table: string;
  /** The row: a provider slug, or what else is measured ("all four"). */
  subject: string;
  /** The column, e.g. "Prism req/s", "Prism / raw". */
  metric: string;
  /** NaN (written as null) when it could not be stated, e.g. a ratio over 0. */
  value: number;
  /** "req/s", "ms", "µs", "×", "validations/s", … */
  unit: string;
  /** How many runs the value is the median of. */
  medianOf: number;
  /** What one run is, e.g. "5 s autocannon runs", "start-ups", "rounds of ≥500 ms per task". */
  runs: string;
}

export interface GroupResult {
  name: GroupName;
  title: string;
  /** What exactly is measured and how, printed under the group's tables. */
  method: string;
  figures: Figure[];
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  arch: string;
  /** 1, 5 and 15 minute load averages when the run started (the machine is shared). */
  loadAverage: number[];
}

export interface BenchSettings {
  quick: boolean;
  groups: GroupName[];
  providers: string[];
  connections: number;
  /** Seconds per autocannon run. */
  durationSeconds: number;
  runs: number;
  /** Milliseconds per tinybench task and round. */
  taskTimeMs: number;
}

export interface BenchResults {
  version: 1;
  /** ISO 8601, when the run started. */
  date: string;
  machine: Machine;
  settings: BenchSettings;
  /** Wall time of the whole run. */
  totalSeconds: number;
  groups: GroupResult[];
}

export function machineInfo(): Machine {
  const list = cpus();
  return { cpus: list.length, cpuModel: list[0]?.model.trim() ?? "unknown", node: process.version, platform: process.platform, arch: process.arch, loadAverage: loadavg().map((n) => Math.round(n * 100) / 100) };
}

/** JSON text of the results; NaN values become null (JSON has no NaN). */
export function serializeResults(results: BenchResults): string {
  return `${JSON.stringify(results, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`;
}


/** Problems with a parsed results file, one line each naming the path; empty when it is well-formed. */
export function checkResults(value: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  if (!isObject(value)) return ["results: expected an object"];
  need(value.version === 1, "version: expected 1");
  need(typeof value.date === "string" && !Number.isNaN(Date.parse(value.date)), "date: expected an ISO 8601 date");
  const m = value.machine;
  if (!isObject(m)) problems.push("machine: expected an object");
  else {
    need(Number.isInteger(m.cpus) && (m.cpus as number) > 0, "machine.cpus: expected a positive integer");
    need(typeof m.node === "string" && m.node.startsWith("v"), "machine.node: expected a Node.js version like v20.20.2");
    need(typeof m.cpuModel === "string", "machine.cpuModel: expected a string");
  }
  need(isObject(value.settings), "settings: expected an object");
  need(typeof value.totalSeconds === "number" && value.totalSeconds >= 0, "totalSeconds: expected a non-negative number");
  if (!Array.isArray(value.groups) || value.groups.length === 0) return [...problems, "groups: expected a non-empty array"];
  value.groups.forEach((g: unknown, gi) => {
    const at = `groups[${gi}]`;
    if (!isObject(g)) return problems.push(`${at}: expected an object`);
    need(typeof g.name === "string" && (groupNames as readonly string[]).includes(g.name), `${at}.name: expected one of ${groupNames.join(", ")}`);
    need(typeof g.title === "string" && g.title.length > 0, `${at}.title: expected a non-empty string`);
    need(typeof g.method === "string" && g.method.length > 0, `${at}.method: expected a non-empty string`);
    if (!Array.isArray(g.figures) || g.figures.length === 0) return problems.push(`${at}.figures: expected a non-empty array`);
    g.figures.forEach((f: unknown, fi) => {
      const fat = `${at}.figures[${fi}]`;
      if (!isObject(f)) return problems.push(`${fat}: expected an object`);
      for (const key of ["table", "subject", "metric", "unit", "runs"] as const) need(typeof f[key] === "string" && f[key].length > 0, `${fat}.${key}: expected a non-empty string`);
      need(f.value === null || (typeof f.value === "number" && Number.isFinite(f.value)), `${fat}.value: expected a finite number or null`);
      need(Number.isInteger(f.medianOf) && (f.medianOf as number) >= 1, `${fat}.medianOf: expected a positive integer (how many runs the value is the median of)`);
      return undefined;
    });
    return undefined;
  });
  return problems;
}

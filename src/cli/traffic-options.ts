/**
 * The options `proxy` and `check-har` share: reporter, output file, response-time budget, PII
 * masking. Parsed here once, validated into a typed value or a usage-error message.
 */
import { TRAFFIC_REPORTERS, type TrafficReporterName } from "../conformance/traffic-report.js";
import { DEFAULT_LIFECYCLE_IDS, type CheckerOptions } from "../conformance/checker.js";
import { parseMaxResponseMs } from "./check-options.js";

export const trafficOptionSpecs = {
  reporter: { type: "string" },
  output: { type: "string" },
  "max-response-ms": { type: "string" },
  "no-mask-pii": { type: "boolean" },
  "lifecycle-ids": { type: "string" },
} as const;

export const TRAFFIC_OPTIONS_HELP = `  --reporter NAME      human (default), json, junit (one test case per exchange and check,
                       named after the check) or github (workflow annotations)
  --output FILE        write the json/junit report to FILE instead of stdout
  --max-response-ms N  a response slower than N ms is a violation (default: no budget)
  --no-mask-pii        keep names, emails, ID numbers and URL signatures in reports and
                       recordings (default: masked). Credentials are never written.
  --lifecycle-ids N    most ids whose last status the lifecycle check remembers (default
                       ${DEFAULT_LIFECYCLE_IDS}, per worker); past it the least recently seen id is
                       forgotten, and the summary says how many were`;

export interface TrafficOptionValues {
  reporter: TrafficReporterName;
  output: string | undefined;
  maxResponseMs: number | undefined;
  maskPii: boolean;
  /** Undefined: the checker's default. */
  lifecycleIds: number | undefined;
}

/** A whole number ≥ `min` from an option's text; undefined when the option was not given. */
export function parseCount(option: string, raw: string | undefined, min: number): { ok: true; value: number | undefined } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, value: undefined };
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) return { ok: false, message: `--${option} must be a whole number${min > 0 ? ` of at least ${min}` : ""}, not "${raw}".` };
  return { ok: true, value };
}

export function parseTrafficOptions(values: { reporter?: string; output?: string; "max-response-ms"?: string; "no-mask-pii"?: boolean; "lifecycle-ids"?: string }): { ok: true; value: TrafficOptionValues } | { ok: false; message: string } {
  const reporter = (values.reporter ?? "human") as TrafficReporterName;
  if (!TRAFFIC_REPORTERS.includes(reporter)) return { ok: false, message: `unknown reporter "${values.reporter}"; choose ${TRAFFIC_REPORTERS.join(", ")}.` };
  if (values.output !== undefined && (reporter === "human" || reporter === "github")) return { ok: false, message: "--output goes with --reporter json or junit." };
  const budget = parseMaxResponseMs(values["max-response-ms"]);
  if (!budget.ok) return budget;
  const lifecycleIds = parseCount("lifecycle-ids", values["lifecycle-ids"], 1);
  if (!lifecycleIds.ok) return lifecycleIds;
  return { ok: true, value: { reporter, output: values.output, maxResponseMs: budget.value, maskPii: values["no-mask-pii"] !== true, lifecycleIds: lifecycleIds.value } };
}

/** The checker options the traffic options ask for. */
export function checkerOptions(value: TrafficOptionValues): CheckerOptions {
  return { ...(value.maxResponseMs === undefined ? {} : { maxResponseMs: value.maxResponseMs }), ...(value.lifecycleIds === undefined ? {} : { lifecycleIds: value.lifecycleIds }) };
}

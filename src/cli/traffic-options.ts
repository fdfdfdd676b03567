/**
 * The options `proxy` and `check-har` share: reporter, output file, response-time budget, PII
 * masking. Parsed here once, validated into a typed value or a usage-error message.
 */
import { TRAFFIC_REPORTERS, type TrafficReporterName } from "../conformance/traffic-report.js";
import { parseMaxResponseMs } from "./check-options.js";

export const trafficOptionSpecs = {
  reporter: { type: "string" },
  output: { type: "string" },
  "max-response-ms": { type: "string" },
  "no-mask-pii": { type: "boolean" },
} as const;

export const TRAFFIC_OPTIONS_HELP = `  --reporter NAME      human (default), json, junit (one test case per exchange and check,
                       named after the check) or github (workflow annotations)
  --output FILE        write the json/junit report to FILE instead of stdout
  --max-response-ms N  a response slower than N ms is a violation (default: no budget)
  --no-mask-pii        keep names, emails, ID numbers and URL signatures in reports and
                       recordings (default: masked). Credentials are never written.`;

export interface TrafficOptionValues {
  reporter: TrafficReporterName;
  output: string | undefined;
  maxResponseMs: number | undefined;
  maskPii: boolean;
}

export function parseTrafficOptions(values: { reporter?: string; output?: string; "max-response-ms"?: string; "no-mask-pii"?: boolean }): { ok: true; value: TrafficOptionValues } | { ok: false; message: string } {
  const reporter = (values.reporter ?? "human") as TrafficReporterName;
  if (!TRAFFIC_REPORTERS.includes(reporter)) return { ok: false, message: `unknown reporter "${values.reporter}"; choose ${TRAFFIC_REPORTERS.join(", ")}.` };
  if (values.output !== undefined && (reporter === "human" || reporter === "github")) return { ok: false, message: "--output goes with --reporter json or junit." };
  const budget = parseMaxResponseMs(values["max-response-ms"]);
  if (!budget.ok) return budget;
  return { ok: true, value: { reporter, output: values.output, maxResponseMs: budget.value, maskPii: values["no-mask-pii"] !== true } };
}

/** Printing results: numbers, and one Markdown table per table of a group (written into docs/performance.md as is). Pure. */
import type { Figure, GroupResult } from "./results.js";

/** `12,345`, `123`, `12.3`, `1.23`, `0.123`; whole numbers as they are; ratios as `0.42×`; NaN as `n/a`. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "n/a";
  if (unit === "×") return `${value.toFixed(Math.abs(value) < 10 ? 2 : 1)}×`;
  const abs = Math.abs(value);
  if (abs >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString("en-US");
  return value.toFixed(abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
}

/** The column title: the metric, with its unit unless it is a ratio or the metric already says it (`Prism req/s`). */
const header = (f: Figure): string => (f.unit === "×" || f.metric.endsWith(` ${f.unit}`) ? f.metric : `${f.metric} (${f.unit})`);
const uniq = <T>(values: T[]): T[] => [...new Set(values)];
const cell = (text: string): string => text.replace(/\|/g, "\\|");

/** The Markdown of one group: a heading, its tables (rows: subjects, columns: metrics) with what each figure is the median of, and its method. */
export function renderGroup(group: GroupResult): string {
  const out = [`### ${group.title}`, ""];
  for (const table of uniq(group.figures.map((f) => f.table))) {
    const figures = group.figures.filter((f) => f.table === table);
    const metrics = uniq(figures.map((f) => f.metric));
    const subjects = uniq(figures.map((f) => f.subject));
    const find = (subject: string, metric: string): Figure | undefined => figures.find((f) => f.subject === subject && f.metric === metric);
    const columns = metrics.map((m) => header(figures.find((f) => f.metric === m)!));
    out.push(`${table}:`, "", `| | ${columns.map(cell).join(" | ")} |`, `| --- |${" ---: |".repeat(columns.length)}`);
    for (const subject of subjects) {
      out.push(`| ${cell(subject)} | ${metrics.map((m) => { const f = find(subject, m); return f ? formatValue(f.value, f.unit) : ""; }).join(" | ")} |`);
    }
    const phrases = uniq(figures.map((f) => `median of ${f.medianOf} ${f.runs}`));
    const notes = phrases.map((p) => (phrases.length === 1 ? p : `${p} (${uniq(figures.filter((f) => `median of ${f.medianOf} ${f.runs}` === p).map((f) => f.metric)).join(", ")})`));
    out.push("", `Each figure: ${notes.join("; ")}.`, "");
  }
  out.push(group.method, "");
  return out.join("\n");
}

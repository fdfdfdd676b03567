/**
 * The Performance tables of docs/performance.md, generated from a results file (`npm run bench -- --save`),
 * never pasted: the text between the `bench-results` markers is exactly `renderPerformanceSection`
 * of the committed bench/results.json (test/bench.test.ts checks it).
 */
import { readFile, writeFile } from "node:fs/promises";
import { replaceGeneratedSection, sectionMarkers } from "../scripts/generated-section.js";
import { renderGroup } from "./format.js";
import type { BenchResults } from "./results.js";

export const PERFORMANCE_SECTION = "bench-results";
export const PERFORMANCE_GENERATOR = "npm run bench -- --save";
export const performanceMarkers = sectionMarkers(PERFORMANCE_SECTION, PERFORMANCE_GENERATOR);

/** The guide that shows the committed run, from the repo root. */
export const PERFORMANCE_GUIDE = "docs/performance.md";

/** What the guide shows of a run: where and when it ran, then every group's tables as the run printed them. */
export function renderPerformanceSection(results: BenchResults, resultsLink = "../bench/results.json"): string {
  const { machine } = results;
  const intro = `The latest saved run (${results.date.slice(0, 10)}, ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadAverage[0] ?? "n/a"} at the start, ${results.totalSeconds} s in all; every figure in [\`${resultsLink}\`](${resultsLink})):`;
  return [intro, "", ...results.groups.map((g) => renderGroup(g).trimEnd())].join("\n\n").replace(/\n{3,}/g, "\n\n");
}

/** Rewrites the generated Performance section of the guide at `guidePath` from `results`. */
export async function writePerformanceSection(guidePath: string, results: BenchResults): Promise<void> {
  const text = await readFile(guidePath, "utf8");
  await writeFile(guidePath, replaceGeneratedSection(text, PERFORMANCE_SECTION, renderPerformanceSection(results), PERFORMANCE_GENERATOR, guidePath));
}

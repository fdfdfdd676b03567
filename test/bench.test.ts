/**
 * The bench's pure parts (bench/): the statistics, number and table formatting, the results-file
 * check, flag parsing, invalid body variants, replay comparison, the conformance report reader
 * and the cleanup registry. No timing is asserted anywhere.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { invalidVariant } from "../bench/bodies.js";
import { Cleanup } from "../bench/cleanup.js";
import { formatValue, renderGroup } from "../bench/format.js";
import { caseTimes } from "../bench/groups/conformance.js";
import { parseBenchArgs } from "../bench/options.js";
import { PERFORMANCE_GUIDE, performanceMarkers, renderPerformanceSection, writePerformanceSection } from "../bench/performance-guide.js";
import { responseDifferences, type CapturedResponse } from "../bench/replay.js";
import { checkResults, serializeResults, type BenchResults, type Figure, type GroupResult } from "../bench/results.js";
import { measurePairedBlocks, pairedFigures, roundOrder, type PairedBlocks } from "../bench/paired.js";
import { median, medianRatio, percentile, ratio } from "../bench/stats.js";

describe("median, percentile, ratio", () => {
  it("takes the middle value, or the mean of the two middle ones, of unsorted input", () => {
    // assert odd and even counts, input left unsorted
    const input = [5, 1, 3];
    expect(median(input)).toBe(3);
    expect(input).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("refuses to make up a value from no samples", () => {
    expect(() => median([])).toThrow(/no values/);
    expect(() => percentile([], 50)).toThrow(/no values/);
  });

  it("picks percentiles by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(() => percentile(values, 0)).toThrow(/outside/);
  });

  it("states no ratio over zero or a non-finite value", () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });

  it("takes the median of paired per-run ratios, not the ratio of medians", () => {
    // assert: per-run ratios 0.5, 0.1, 0.2 → 0.2, where the ratio of the medians would be 10 / 20 = 0.5
    expect(medianRatio([10, 1, 20], [20, 10, 100])).toBe(0.2);
    expect(medianRatio([1, 2], [1, 0])).toBeNaN();
    expect(() => medianRatio([1, 2], [1])).toThrow(/not paired/);
  });
});

describe("paired alternating blocks", () => {
  it("states a task's time as the base task's median × its paired ratio, not as its own median", () => {
    const run = (fetch: number[], client: number[]): PairedBlocks => ({ rounds: fetch.length, perCallMs: new Map([["fetch", fetch], ["client", client]]) });
    // Run 1 drifts: per round client/fetch = 3, 1.1, 1 (median 1.1), but the client's own median
    // (3) comes from another round than fetch's (2), so own medians would say 3 µs and 1.5×.
    const runs = [run([1, 2, 3], [3, 2.2, 3]), run([1, 1, 1], [1.2, 1.2, 1.2])];
    const figures = pairedFigures<"fetch" | "client">(runs, "fetch");
    // assert: base = median over runs of fetch's medians (2, 1); ratio = median of the runs' paired medians (1.1, 1.2); time = their product
    expect(figures.baseMs).toBe(1.5);
    expect(figures.ratio("client")).toBeCloseTo(1.15, 12);
    expect(figures.timeMs("client")).toBeCloseTo(1.725, 12);
    expect(figures.timeMs("fetch")).toBe(1.5);
    expect(figures.ratio("fetch", "client")).toBeCloseTo((1 / 1.1 + 1 / 1.2) / 2, 12);
  });

  it("refuses figures of no runs or of a task that was not measured", () => {
    expect(() => pairedFigures([], "fetch")).toThrow(/no runs/);
    const figures = pairedFigures<"fetch" | "client">([{ rounds: 1, perCallMs: new Map([["fetch", [1]]]) }], "fetch");
    expect(() => figures.ratio("client")).toThrow(/no task "client" was measured; tasks: fetch/);
  });

  it("rotates the order of the tasks by one each round", () => {
    expect(roundOrder(["a", "b", "c"], 0)).toEqual(["a", "b", "c"]);
    expect(roundOrder(["a", "b", "c"], 1)).toEqual(["b", "c", "a"]);
    expect(roundOrder(["a", "b", "c"], 5)).toEqual(["c", "a", "b"]);
  });

  it("runs one block of each task per round, in rotated order, and pairs the block means by round", async () => {
    const log: string[] = [];
    const task = (name: string) => () => {
      log.push(name);
      return Promise.resolve();
    };
    const result = await measurePairedBlocks({ a: task("a"), b: task("b") }, { blockCalls: 3, minRounds: 4, timeMs: 0 });
    // assert: 4 rounds of 3 calls per task, blocks alternating a,b / b,a / a,b / b,a
    expect(result.rounds).toBe(4);
    expect(log.join("")).toBe("aaabbb" + "bbbaaa" + "aaabbb" + "bbbaaa");
    expect(result.perCallMs.get("a")).toHaveLength(4);
    expect(result.perCallMs.get("b")).toHaveLength(4);
    for (const ms of [...result.perCallMs.values()].flat()) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it("goes on past the minimum rounds until every task has had its time", async () => {
    let calls = 0;
    const slow = () => new Promise<void>((resolve) => setTimeout(() => resolve(void calls++), 2));
    // (the other task takes a timer tick too: a task of no measurable time would need thousands of rounds to have its 10 ms)
    const result = await measurePairedBlocks({ slow, tick: () => new Promise<void>((resolve) => setTimeout(resolve, 1)) }, { blockCalls: 1, minRounds: 1, timeMs: 10 });
    // assert: one 2 ms call per block cannot reach 10 ms in one round, so there are several
    expect(result.rounds).toBeGreaterThan(1);
    expect(calls).toBe(result.rounds);
  });

  it("fails with the task's own error, and refuses a measurement of nothing", async () => {
    await expect(measurePairedBlocks({ broken: () => Promise.reject(new Error("HTTP 500")) }, { blockCalls: 2, minRounds: 1, timeMs: 0 })).rejects.toThrow("HTTP 500");
    await expect(measurePairedBlocks({}, { blockCalls: 1, minRounds: 1, timeMs: 0 })).rejects.toThrow(/no tasks/);
    await expect(measurePairedBlocks({ a: () => Promise.resolve() }, { blockCalls: 0, minRounds: 1, timeMs: 0 })).rejects.toThrow(/≥ 1/);
  });
});

const fig = (over: Partial<Figure>): Figure => ({ table: "T", subject: "proof", metric: "Prism req/s", value: 1234.5, unit: "req/s", medianOf: 3, runs: "runs of 5 s", ...over });

describe("formatValue and renderGroup", () => {
  it("formats by magnitude, ratios with ×, and unstated values as n/a", () => {
    expect(formatValue(12345.6, "req/s")).toBe("12,346");
    expect(formatValue(123.4, "ms")).toBe("123");
    expect(formatValue(12.34, "ms")).toBe("12.3");
    expect(formatValue(1.234, "ms")).toBe("1.23");
    expect(formatValue(0.12345, "ms")).toBe("0.123");
    expect(formatValue(18, "count")).toBe("18");
    expect(formatValue(0.1234, "×")).toBe("0.12×");
    expect(formatValue(12.34, "×")).toBe("12.3×");
    expect(formatValue(Number.NaN, "×")).toBe("n/a");
  });

  it("renders one Markdown table per table name: subjects as rows, metrics as columns, and what each figure is the median of", () => {
    const group: GroupResult = {
      name: "mocks",
      title: "Mocks",
      method: "How it was measured.",
      figures: [
        fig({}),
        fig({ metric: "Prism / raw", value: 0.123, unit: "×" }),
        fig({ subject: "myaza", value: 99 }),
        fig({ table: "Start-up", subject: "all four", metric: "start-up", value: 2100, unit: "ms", medianOf: 5, runs: "start-ups" }),
      ],
    };
    const md = renderGroup(group);
    // assert the first table: header (units only where the metric does not say them), rows, a gap where a figure is missing
    expect(md).toContain("T:\n\n| | Prism req/s | Prism / raw |\n| --- | ---: | ---: |\n| proof | 1,235 | 0.12× |\n| myaza | 99 |  |\n\nEach figure: median of 3 runs of 5 s.");
    // assert the second table and the method
    expect(md).toContain("Start-up:\n\n| | start-up (ms) |\n| --- | ---: |\n| all four | 2,100 |\n\nEach figure: median of 5 start-ups.");
    expect(md.startsWith("### Mocks\n")).toBe(true);
    expect(md).toContain("How it was measured.");
  });

  it("names the columns when a table mixes figures of different run counts, and escapes pipes", () => {
    const md = renderGroup({ name: "client", title: "C", method: "m", figures: [fig({ subject: "a|b" }), fig({ metric: "p50", unit: "ms", medianOf: 1, runs: "run" }), fig({ metric: "cases against the mocks", unit: "s" })] });
    expect(md).toContain("| | Prism req/s | p50 (ms) | cases against the mocks (s) |");
    expect(md).toContain("Each figure: median of 3 runs of 5 s (Prism req/s, cases against the mocks); median of 1 run (p50).");
    expect(md).toContain("| a\\|b |");
  });
});

const sample = (): BenchResults => ({
  version: 1,
  date: "2026-05-01T10:00:00.000Z",
  machine: { cpus: 2, cpuModel: "x", node: "v20.20.2", platform: "linux", arch: "x64", loadAverage: [1, 1, 1] },
  settings: { quick: false, groups: ["mocks"], providers: ["proof"], connections: 10, durationSeconds: 5, runs: 3, taskTimeMs: 500 },
  totalSeconds: 12.3,
  groups: [{ name: "mocks", title: "Mocks", method: "m", figures: [fig({}), fig({ metric: "ratio", unit: "×", value: Number.NaN })] }],
});

describe("results file", () => {
  it("a serialized run passes the shape check, NaN written as null", () => {
    const text = serializeResults(sample());
    const parsed = JSON.parse(text) as BenchResults;
    expect(parsed.groups[0]!.figures[1]!.value).toBeNull();
    expect(checkResults(parsed)).toEqual([]);
  });

  it.each([
    ["not an object", () => 42, "results: expected an object"],
    ["a wrong version", (r: Record<string, unknown>) => ({ ...r, version: 2 }), "version: expected 1"],
    ["a date that is not one", (r: Record<string, unknown>) => ({ ...r, date: "yesterday" }), "date: expected an ISO 8601 date"],
    ["no node version", (r: Record<string, unknown>) => ({ ...r, machine: { cpus: 2, cpuModel: "x" } }), "machine.node: expected a Node.js version like v20.20.2"],
    ["no groups", (r: Record<string, unknown>) => ({ ...r, groups: [] }), "groups: expected a non-empty array"],
    ["an unknown group", (r: BenchResults) => ({ ...r, groups: [{ ...r.groups[0]!, name: "disk" }] }), "groups[0].name: expected one of mocks, twins, conformance, client, validation, proxy, traffic, diff, suggest"],
    ["a figure without its run count", (r: BenchResults) => ({ ...r, groups: [{ ...r.groups[0]!, figures: [{ ...fig({}), medianOf: 0 }] }] }), "groups[0].figures[0].medianOf: expected a positive integer (how many runs the value is the median of)"],
    ["a figure without a unit", (r: BenchResults) => ({ ...r, groups: [{ ...r.groups[0]!, figures: [{ ...fig({}), unit: "" }] }] }), "groups[0].figures[0].unit: expected a non-empty string"],
    ["a value that is text", (r: BenchResults) => ({ ...r, groups: [{ ...r.groups[0]!, figures: [{ ...fig({}), value: "fast" }] }] }), "groups[0].figures[0].value: expected a finite number or null"],
  ] as [string, (r: BenchResults & Record<string, unknown>) => unknown, string][])("rejects %s", (_name, breakIt, problem) => {
    const broken = breakIt(JSON.parse(serializeResults(sample())) as BenchResults & Record<string, unknown>);
    expect(checkResults(broken)).toContain(problem);
  });
});

describe("parseBenchArgs", () => {
  const parse = (...argv: string[]) => parseBenchArgs(argv, "/repo");

  it("defaults to every group and provider, 5 s runs, median of 3, 10 connections, results in the ignored reports/bench/", () => {
    expect(parse()).toEqual({
      ok: true,
      help: false,
      options: { quick: false, groups: ["mocks", "twins", "conformance", "client", "validation", "proxy", "traffic", "diff", "suggest"], providers: ["proof", "btc-direct", "nyota-imara", "myaza"], durationSeconds: 5, runs: 3, connections: 10, taskTimeMs: 500, out: "/repo/reports/bench/results.json", save: false },
    });
  });

  it("--save writes the committed bench/results.json (and the tables of docs/performance.md)", () => {
    expect(parse("--save", "--runs", "5")).toMatchObject({ ok: true, options: { save: true, runs: 5, out: "/repo/bench/results.json" } });
  });

  it.each([
    [["--save", "--quick"], "--quick"],
    [["--save", "--only", "client"], "--only"],
    [["--save", "--providers", "myaza"], "--providers"],
    [["--save", "--out", "x.json"], "--out"],
  ])("--save refuses a partial or smoke run: %j", (argv, flag) => {
    const r = parse(...argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(new RegExp(`^--save records a full, comparable run .* drop ${flag}`));
  });

  it("--quick shrinks durations and runs; explicit flags still win; lists keep the canonical order", () => {
    const r = parse("--quick", "--runs", "2", "--only", "client,mocks", "--providers", "myaza,proof", "--out", "tmp/r.json");
    expect(r.ok && !r.help && r.options).toMatchObject({ quick: true, durationSeconds: 0.25, runs: 2, taskTimeMs: 25, groups: ["mocks", "client"], providers: ["proof", "myaza"], out: "/repo/tmp/r.json" });
  });

  it("--help", () => {
    expect(parse("-h")).toEqual({ ok: true, help: true });
  });

  it.each([
    [["--only", "mocks,disk"], /--only: unknown "disk"; choose from mocks, twins, conformance, client, validation, proxy, traffic, diff, suggest/],
    [["--providers", ""], /--providers: unknown empty list/],
    [["--duration", "0"], /--duration must be a positive number, got "0"/],
    [["--runs", "1.5"], /--runs must be a positive integer/],
    [["--connections", "ten"], /--connections must be a positive integer/],
    [["--fast"], /Unknown option '--fast'.*See --help/],
    [["extra"], /Unexpected argument 'extra'/],
  ])("rejects %j with a message saying what to do", (argv, message) => {
    const r = parse(...argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe("invalidVariant", () => {
  it("replaces the first string, depth first, and leaves the input alone", () => {
    const body = { count: 1, user: { id: "u1", name: "n" }, status: "pending" };
    expect(invalidVariant(body)).toEqual({ count: 1, user: { id: 12345, name: "n" }, status: "pending" });
    expect(body.user.id).toBe("u1");
    expect(invalidVariant([1, ["a"]])).toEqual([1, [12345]]);
    expect(invalidVariant("x")).toBe(12345);
  });

  it("swaps the JSON kind of a value without strings", () => {
    expect(invalidVariant([])).toEqual({});
    expect(invalidVariant({ n: 1 })).toEqual([]);
    expect(invalidVariant(null)).toEqual([]);
  });
});

describe("responseDifferences", () => {
  const base: CapturedResponse = { status: 200, headers: [["Content-Type", "application/json"], ["X-Request-Id", "r1"]], body: Buffer.from('{"a":1}') };

  it("finds nothing between the same response (header names compared case-insensitively)", () => {
    expect(responseDifferences(base, { ...base, headers: [["content-type", "application/json"], ["x-request-id", "r1"]] })).toEqual([]);
  });

  it("names each difference: status, missing and extra headers, body bytes", () => {
    const other: CapturedResponse = { status: 201, headers: [["Content-Type", "application/json"], ["X-Other", "1"]], body: Buffer.from('{"a":2}') };
    expect(responseDifferences(base, other)).toEqual(['status 200 vs 201', 'header "x-request-id: r1" missing', 'header "x-other: 1" extra', "body differs (7 vs 7 bytes)"]);
  });
});

describe("caseTimes (vitest JSON report of a conform run)", () => {
  it("sums the passed tests' durations per suite file and counts them; skipped cases do not count", () => {
    const report = {
      testResults: [
        { name: "/x/conformance/myaza.test.ts", assertionResults: [{ status: "passed", duration: 10 }, { status: "passed", duration: 2.5 }, { status: "skipped", duration: null }] },
        { name: "/x/conformance/btc-direct.test.ts", assertionResults: [{ status: "passed", duration: 1 }] },
      ],
    };
    expect(Object.fromEntries(caseTimes(report))).toEqual({ myaza: { ms: 12.5, tests: 2 }, "btc-direct": { ms: 1, tests: 1 } });
  });
});

describe("Cleanup", () => {
  it("stops what is still registered, newest first, skips what was unregistered, and reports what failed", async () => {
    const cleanup = new Cleanup();
    const stopped: string[] = [];
    cleanup.add("a", () => void stopped.push("a"));
    const doneB = cleanup.add("b", () => void stopped.push("b"));
    cleanup.add("c", () => {
      throw new Error("boom");
    });
    cleanup.add("d", () => {
      stopped.push("d");
      return Promise.resolve();
    });
    doneB();
    expect(cleanup.pending).toEqual(["a", "c", "d"]);
    const failed = await cleanup.stopAll();
    // assert order, the unregistered one skipped, the failure reported, and the registry empty
    expect(stopped).toEqual(["d", "a"]);
    expect(failed).toEqual(["c: boom"]);
    expect(cleanup.pending).toEqual([]);
  });
});

describe("docs/performance.md's tables (generated from bench/results.json by --save)", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const committed = JSON.parse(readFileSync(path.join(root, "bench/results.json"), "utf8")) as BenchResults;

  it("the committed guide's section is exactly what the committed results render to", () => {
    const readme = readFileSync(path.join(root, PERFORMANCE_GUIDE), "utf8");
    const { start, end } = performanceMarkers;
    const section = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
    expect(readme.indexOf(start)).toBeGreaterThan(0);
    expect(section).toBe(`\n${renderPerformanceSection(committed)}\n`);
    expect(checkResults(committed)).toEqual([]);
    expect(committed.settings.quick).toBe(false);
  });

  it("names the run and shows every group's tables", () => {
    const text = renderPerformanceSection(committed);
    expect(text).toContain(`Node ${committed.machine.node}`);
    expect(text).toContain(committed.date.slice(0, 10));
    for (const g of committed.groups) expect(text).toContain(renderGroup(g).trimEnd());
  });

  it("rewrites only its own section of a guide, and says so when the markers are gone", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-readme-"));
    try {
      const file = path.join(dir, "README.md");
      const { start, end } = performanceMarkers;
      writeFileSync(file, `# T\n\nintro\n\n${start}\nold tables\n${end}\n\noutro\n`);
      await writePerformanceSection(file, committed);
      expect(readFileSync(file, "utf8")).toBe(`# T\n\nintro\n\n${start}\n${renderPerformanceSection(committed)}\n${end}\n\noutro\n`);
      writeFileSync(file, "# no markers\n");
      await expect(writePerformanceSection(file, committed)).rejects.toThrow(`${file} lacks the markers`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

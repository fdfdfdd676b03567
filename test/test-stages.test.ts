/** scripts/test-stages.ts (`npm test`): steps in order, stages of a step at once, a failure stops the run and says so. */
import { describe, expect, it } from "vitest";
import { npmTestSteps, runSteps, stagesLine, type Stage } from "../scripts/test-stages.js";

const node = (name: string, code: string): Stage => ({ name, command: process.execPath, args: ["-e", code] });

describe("runSteps", () => {
  it("runs every step when each stage passes, each stage's output as one block prefixed with its name", async () => {
    let out = "";
    const r = await runSteps([[node("a", "console.log('one'); console.log('two')"), node("b", "")], [node("c", "console.error('warned')")]], (t) => (out += t));
    expect(r.ok).toBe(true);
    expect(r.results.map((s) => [s.name, s.ok])).toEqual([["a", true], ["b", true], ["c", true]]);
    expect(out).toMatch(/\[a\] one\n\[a\] two\n\[a\] ok after \d+\.\d s\n/);
    expect(out).toContain("[c] warned\n");
    expect(r.line).toMatch(/^npm test stages: a \d+\.\d s, b \d+\.\d s, c \d+\.\d s$/);
  });

  it("fails when one stage of a step fails: the rest of that step finishes, later steps do not run", async () => {
    let out = "";
    const r = await runSteps([[node("a", "setTimeout(() => console.log('finished'), 100)"), node("b", "console.error('broken'); process.exit(3)")], [node("c", "")]], (t) => (out += t));
    // assert the failure is reported, not swallowed, and nothing after it ran
    expect(r.ok).toBe(false);
    expect(out).toContain("[a] finished");
    expect(out).toMatch(/\[b\] broken\n\[b\] exited with code 3\n\[b\] FAILED after/);
    expect(r.results.map((s) => s.name)).toEqual(["a", "b"]);
    expect(r.line).toMatch(/b \d+\.\d s \(failed\); not run: c$/);
  });

  it("counts a command that cannot start as failed", async () => {
    const r = await runSteps([[{ name: "x", command: "/nonexistent/command", args: [] }]], () => undefined);
    expect([r.ok, r.results[0]?.ok]).toEqual([false, false]);
  });
});

describe("stagesLine", () => {
  it("lists each stage's seconds and the ones not run", () => {
    expect(stagesLine([{ name: "lint", ms: 1234, ok: true }], ["lint", "vitest"])).toBe("npm test stages: lint 1.2 s; not run: vitest");
  });
});

describe("npmTestSteps", () => {
  it("lint and drift, then ESLint, tsc and the build, then vitest with the arguments after `npm test --`", () => {
    const steps = npmTestSteps(["--reporter=json", "--outputFile.json=r.json"]);
    expect(steps.map((step) => step.map((s) => s.name))).toEqual([["lint:specs", "drift"], ["lint:code", "typecheck", "build"], ["vitest"]]);
    // assert npm run test:stress's reporters reach vitest
    expect(steps[2]?.[0]?.args.slice(-3)).toEqual(["run", "--reporter=json", "--outputFile.json=r.json"]);
  });
});

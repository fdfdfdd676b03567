/**
 * Process hygiene with real processes: the built `kyc-contracts mock` stopped by SIGTERM and by
 * SIGINT, and a consumer of `startMocks()` killed with SIGKILL. Afterwards no Prism process
 * and no listening port may remain.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { providers, providerSlugs } from "../src/providers.js";
import { childrenOf, freePortRange, isAlive, isListening, prismChildren, waitFor } from "./support/processes.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "dist", "src", "cli.js");
const spawned: ChildProcessWithoutNullStreams[] = [];
/** Every process (Prism, a nested CLI) a test saw, killed in afterEach if still alive, whatever the outcome. */
const seen = new Set<number>();
const prismsOf = (child: ChildProcessWithoutNullStreams): number[] => {
  const pids = prismChildren(child.pid!);
  for (const pid of pids) seen.add(pid);
  return pids;
};

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does).`);
});

afterEach(() => {
  for (const child of spawned.splice(0)) {
    if (child.pid !== undefined) prismsOf(child);
    child.kill("SIGKILL");
  }
  for (const pid of seen) if (isAlive(pid)) process.kill(pid, "SIGKILL");
  seen.clear();
});

function start(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, args, { cwd: root, stdio: "pipe" });
  spawned.push(child);
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * Waits until every process has ended and no socket listens on any of the ports any more. Both
 * are waited on, not read once: a process whose main thread shows as a zombie may still have
 * threads exiting that hold its sockets, so its port closes a moment later (seen on a loaded
 * 2-core machine). The wait ends with a failure naming what is still there.
 */
async function expectAllGone(pids: number[], ports: number[]): Promise<void> {
  await waitFor(`Prism processes ${pids.join(", ")} to end`, () => pids.every((pid) => !isAlive(pid)));
  await waitFor(
    () => `ports ${ports.join(", ")} to stop listening (still listening: ${ports.filter(isListening).join(", ")})`,
    () => !ports.some(isListening),
  );
}

describe.each([
  ["SIGTERM", providerSlugs],
  ["SIGINT", ["myaza"]],
] as const)("kyc-contracts mock, then %s", (signal, selected) => {
  it("prints the table when ready, then stops every Prism and frees every port", async () => {
    const base = await freePortRange(4);
    const { child, output, exited } = start([cli, "mock", "--providers", selected.join(","), "--port-base", String(base)]);
    await waitFor("the ready table", () => output().includes("Press Ctrl+C to stop"), 60_000);
    const pids = prismsOf(child);
    const ports = selected.map((slug) => base + providers[slug].defaultMockPort - providers.proof.defaultMockPort);
    // assert one direct Prism child per provider, each listed with its URL and answering
    expect(pids).toHaveLength(selected.length);
    for (const port of ports) {
      expect(output()).toContain(`http://127.0.0.1:${port}`);
      expect(isListening(port)).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    }
    child.kill(signal);
    // assert a clean stop, said out loud
    expect(await exited).toBe(0);
    expect(output()).toContain(`${signal}: stopping the mocks`);
    expect(output()).toMatch(/Stopped \d mocks?; ports? [\d, ]+ free again/);
    await expectAllGone(pids, ports);
  });
});

describe("npm run twin, then SIGINT to npm's pid (a CI script's `kill -INT $!`)", () => {
  it("stops the command and frees every port, as Ctrl+C in a terminal does", async () => {
    const base = await freePortRange(4);
    const ports = [base, base + 1, base + 2, base + 3];
    // npm itself, not node: npm forwards SIGINT to the script's shell only, not to a process group (--ignore-scripts: no pretwin build; npm test has built dist/)
    const npm = spawn("npm", ["run", "twin", "--ignore-scripts", "--", "--port-base", String(base)], { cwd: root, stdio: "pipe" });
    spawned.push(npm);
    let output = "";
    npm.stdout.on("data", (d: Buffer) => (output += d.toString()));
    npm.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
    await waitFor("the twins' ready table", () => output.includes("Press Ctrl+C to stop"), 60_000);
    const descendants = (pid: number): number[] => childrenOf(pid).flatMap((child) => [child, ...descendants(child)]);
    const pids = descendants(npm.pid!);
    for (const pid of pids) seen.add(pid);
    expect(ports.every(isListening)).toBe(true);
    npm.kill("SIGINT");
    // assert npm and everything under it end, and nothing listens any more
    await waitFor(() => `npm and its children to exit after SIGINT (still alive: ${[npm.pid!, ...pids].filter(isAlive).join(", ")})`, () => [npm.pid!, ...pids].every((pid) => !isAlive(pid)));
    expect(output).toContain("SIGINT: stopping the twins");
    await expectAllGone(pids, ports);
    await exited;
  });
  it("npm start runs its command the same way (exec: no shell left between npm and node to swallow SIGINT)", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    for (const name of ["start", "twin"]) expect(pkg.scripts[name]).toMatch(/^exec node dist\/src\/cli\.js mock\b/);
  });
});

describe("kyc-contracts mock whose parent (e.g. npm) is killed", () => {
  it("notices, stops every Prism and exits", async () => {
    const base = await freePortRange(4);
    const { child: parent, output } = start([path.join(root, "test", "fixtures", "cli-parent.mjs"), cli, "mock", "--providers", "proof", "--port-base", String(base)]);
    await waitFor("the ready table", () => output().includes("Press Ctrl+C to stop"), 60_000);
    const [command] = childrenOf(parent.pid!);
    expect(command).toBeDefined();
    seen.add(command!);
    const pids = prismChildren(command!);
    for (const pid of pids) seen.add(pid);
    expect(pids).toHaveLength(1);
    parent.kill("SIGKILL");
    // assert the command stops its mocks and ends, saying why
    await waitFor("kyc-contracts mock to exit", () => !isAlive(command!));
    expect(output()).toContain(`the parent process (${parent.pid}) exited: stopping the mocks`);
    await expectAllGone(pids, [base]);
  });
});

describe("a startMocks() consumer killed with SIGKILL", () => {
  it("takes its Prism children with it", async () => {
    const { child, output } = start([path.join(root, "test", "fixtures", "mock-parent.mjs"), "proof", "nyota-imara"]);
    await waitFor("the consumer to report its mocks", () => output().includes("\n"), 60_000);
    const { pids, ports } = JSON.parse(output()) as { pids: Record<string, number>; ports: Record<string, number> };
    // assert the mocks run as the consumer's direct children
    expect(prismsOf(child).sort()).toEqual(Object.values(pids).sort());
    for (const port of Object.values(ports)) expect(isListening(port), `port ${port}`).toBe(true);
    child.kill("SIGKILL");
    // assert no orphan is left: each Prism notices its parent is gone and exits
    await expectAllGone(Object.values(pids), Object.values(ports));
  });
});

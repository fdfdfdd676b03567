/**
 * Process and port checks for the mock tests (Linux /proc). Only this test process's own
 * children are looked at, so Prism servers of tests running in parallel do not interfere.
 */
import { readdirSync, readFileSync } from "node:fs";
import { checkPort } from "../../src/mock/ports.js";

interface ProcInfo {
  pid: number;
  ppid: number;
  state: string;
  cmdline: string;
}

function procInfo(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (comm) state ppid …; comm may contain spaces and parentheses.
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    return { pid, ppid: Number(ppid), state: state ?? "?", cmdline };
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a live process (a zombie waiting to be reaped counts as gone). */
export function isAlive(pid: number): boolean {
  const info = procInfo(pid);
  return info !== undefined && info.state !== "Z" && info.state !== "X";
}

/** Live Prism processes whose parent is `parentPid`. */
export function prismChildren(parentPid: number): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => procInfo(Number(d)))
    .filter((p): p is ProcInfo => p !== undefined && p.ppid === parentPid && p.state !== "Z" && p.cmdline.includes("prism-cli"))
    .map((p) => p.pid);
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs` (a bound, not a timing assertion). */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const portIsFree = async (port: number, host = "127.0.0.1"): Promise<boolean> => (await checkPort(host, port)).free;

/** A base port with `count` consecutive free ports after it (for `--port-base`). */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const checks = await Promise.all(Array.from({ length: count }, (_, i) => portIsFree(base + i)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error(`No ${count} consecutive free ports found.`);
}

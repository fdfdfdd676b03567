/**
 * Process and port checks for the mock tests (Linux /proc). Only this test process's own
 * children are looked at, so Prism servers of tests running in parallel do not interfere.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
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

/** Every process id in /proc. */
const procPids = (): number[] =>
  readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);

/** Whether `pid` is a live process (a zombie waiting to be reaped counts as gone). */
export function isAlive(pid: number): boolean {
  const info = procInfo(pid);
  return info !== undefined && info.state !== "Z" && info.state !== "X";
}

const liveChildren = (parentPid: number): ProcInfo[] =>
  procPids()
    .map(procInfo)
    .filter((p): p is ProcInfo => p?.ppid === parentPid && p.state !== "Z" && p.state !== "X");

/** Live child processes of `parentPid`. */
export const childrenOf = (parentPid: number): number[] => liveChildren(parentPid).map((p) => p.pid);

/** Live Prism processes whose parent is `parentPid`. */
export const prismChildren = (parentPid: number): number[] =>
  liveChildren(parentPid)
    .filter((p) => p.cmdline.includes("prism-cli"))
    .map((p) => p.pid);

/**
 * Polls `condition` until it holds; fails with `what` after `timeoutMs` (a bound, not a timing
 * assertion). `what` may be a function, to describe the state at the moment of giving up.
 */
export async function waitFor(what: string | (() => string), condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${typeof what === "string" ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const portIsFree = async (port: number, host = "127.0.0.1"): Promise<boolean> => (await checkPort(host, port)).free;

/**
 * Whether some process listens on TCP `port` (any address). Used after a stop instead of trying
 * to bind the port: a freed port may at once become the local port of another test's outgoing
 * connection, which would make a bind fail although nothing listens there.
 */
export function isListening(port: number): boolean {
  return listeningInodes(port).size > 0;
}

/** The inodes of the sockets listening on TCP `port` (any address), from /proc/net/tcp{,6}. */
function listeningInodes(port: number): Set<string> {
  const LISTEN = "0A";
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let table: string;
    try {
      table = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const row of table.split("\n").slice(1)) {
      const cells = row.trim().split(/\s+/);
      const [, local, , state] = cells;
      if (state === LISTEN && local !== undefined && Number.parseInt(local.split(":")[1] ?? "", 16) === port) inodes.add(cells[9] ?? "");
    }
  }
  return inodes;
}

/** Which live processes hold a socket listening on TCP `port` (their open descriptors, per /proc). */
export function listenerPids(port: number): number[] {
  const wanted = new Set([...listeningInodes(port)].map((inode) => `socket:[${inode}]`));
  if (wanted.size === 0) return [];
  return procPids().filter((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  });
}

/** The lowest port the OS hands out for port 0 and outgoing connections. */
function ephemeralLow(): number {
  try {
    return Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]) || 32_768;
  } catch {
    return 32_768;
  }
}

/**
 * A base port with `count` consecutive free ports after it, for ports a test passes explicitly
 * (`--port-base`, `--port`). Chosen below the OS's ephemeral range, so no outgoing connection
 * or port-0 server of a concurrent test can take them between this check and Prism's listen.
 */
export async function freePortRange(count: number): Promise<number> {
  const low = 10_000;
  const high = Math.max(low + 1_000, ephemeralLow()) - count;
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = low + Math.floor(Math.random() * (high - low));
    const checks = await Promise.all(Array.from({ length: count }, (_, i) => portIsFree(base + i)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error(`No ${count} consecutive free ports found.`);
}

/** Live processes (any parent) whose environment has `name=value`: everything a child started with a marker in its environment left behind. */
export function processesWithEnv(name: string, value: string): number[] {
  const wanted = `${name}=${value}`;
  return procPids().filter((pid) => {
    try {
      return isAlive(pid) && readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(wanted);
    } catch {
      return false;
    }
  });
}

/**
 * One Prism mock server as a direct child process: `node --require lifeline.cjs <prism entry>
 * mock <spec>`, never through npx or a shell (a wrapper that is killed leaves Prism orphaned).
 * The child gets the read end of a pipe (fd 3) and exits when the parent is gone (lifeline.cjs);
 * it runs in its own process group, so a terminal's Ctrl+C reaches only the parent, which then
 * stops it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { requireTools } from "../optional-tools.js";

export interface PrismCli {
  /** Absolute path of Prism's JS entry point (its package.json `bin`). */
  entry: string;
  version: string;
}

/**
 * Finds the installed @stoplight/prism-cli (an optional peer dependency, see optional-tools.ts).
 * When it is missing or not a usable version, the message names the install command; `what`
 * is what needed it, `withoutPrism` the way to do without (the twins), for that message.
 */
export function findPrismCli(what: string, withoutPrism: string): { ok: true; prism: PrismCli } | { ok: false; message: string } {
  const check = requireTools(what, ["prism"]);
  if (!check.ok) return { ok: false, message: `${check.message}\n${withoutPrism}` };
  return { ok: true, prism: { entry: check.found.prism.entry, version: check.found.prism.version } };
}

const LIFELINE = fileURLToPath(new URL("./lifeline.cjs", import.meta.url));
const LIFELINE_FD = 3;
/** How long a stopped Prism gets to exit after SIGTERM before it is killed. */
const KILL_AFTER_MS = 5_000;
/** Lines of Prism output kept for error messages. */
const OUTPUT_LINES = 200;

export interface PrismLaunch {
  prism: PrismCli;
  specPath: string;
  host: string;
  port: number;
  dynamic: boolean;
  readyTimeoutMs: number;
  /** Receives every line Prism prints; when set, Prism logs each request (`-v info`). */
  onLog?: ((line: string) => void) | undefined;
}

/** How a Prism process ended: stopped by us, or on its own (with what it printed). */
export type PrismExit = { stopped: true } | { stopped: false; code: number | null; signal: NodeJS.Signals | null; output: string };

export interface RunningPrism {
  readonly pid: number;
  readonly url: string;
  /** Settles when the process has exited, for whatever reason. */
  readonly exited: Promise<PrismExit>;
  /** Stops the process (SIGTERM, SIGKILL after 5 s) and resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
}

export type LaunchResult =
  | { ok: true; prism: RunningPrism }
  | { ok: false; reason: "exited"; code: number | null; signal: NodeJS.Signals | null; output: string }
  | { ok: false; reason: "not-ready"; output: string };

/** Formats a host for a URL (IPv6 literals in brackets). */
const urlHost = (host: string): string => (host.includes(":") ? `[${host}]` : host);

/** Starts Prism and waits until it reports listening on its port, it exits, or `readyTimeoutMs` passes (then it is stopped). */
export async function launchPrism(launch: PrismLaunch): Promise<LaunchResult> {
  const url = `http://${urlHost(launch.host)}:${launch.port}`;
  const args = [
    "--require",
    LIFELINE,
    launch.prism.entry,
    "mock",
    launch.specPath,
    "--host",
    launch.host,
    "--port",
    String(launch.port),
    // Prism defaults to forking its server into a cluster worker when NODE_ENV=production; that
    // worker would be a process `pids` does not list and `stop()` does not wait for. One process.
    "--multiprocess=false",
    "--verboseLevel",
    launch.onLog ? "info" : "warn",
    ...(launch.dynamic ? ["--dynamic"] : []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    detached: true,
    env: { ...process.env, KYC_MOCK_LIFELINE_FD: String(LIFELINE_FD), FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  const output = collectOutput(child, launch.onLog);
  let stopping = false;
  const exited = new Promise<PrismExit>((resolve) => {
    const settle = (code: number | null, signal: NodeJS.Signals | null, extra = ""): void => {
      child.stdio[LIFELINE_FD]?.destroy();
      resolve(stopping ? { stopped: true } : { stopped: false, code, signal, output: output.text() + extra });
    };
    child.once("exit", (code, signal) => settle(code, signal));
    // A failed spawn (e.g. EMFILE) emits "error" and no "exit".
    child.once("error", (error) => {
      if (child.pid === undefined) settle(null, null, `\ncould not start ${process.execPath}: ${error.message}`);
    });
  });

  const stop = async (): Promise<void> => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
      await exited;
      clearTimeout(killer);
    }
    await exited;
  };

  const ready = await waitUntilListening(child, launch.port, launch.readyTimeoutMs, exited);
  if (ready === "ready") return { ok: true, prism: { pid: child.pid ?? -1, url, exited, stop } };
  if (ready === "exited") {
    const exit = await exited;
    if (exit.stopped) throw new Error("unreachable: Prism was stopped before it was ready");
    return { ok: false, reason: "exited", code: exit.code, signal: exit.signal, output: exit.output };
  }
  await stop();
  return { ok: false, reason: "not-ready", output: output.text() };
}

function collectOutput(child: ChildProcess, onLog: ((line: string) => void) | undefined): { text(): string } {
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
      lines.push(line);
      if (lines.length > OUTPUT_LINES) lines.shift();
      onLog?.(line);
    });
  }
  return { text: () => lines.join("\n") };
}

/**
 * Waits until the Prism process itself reports (over the lifeline, see lifeline.cjs) that it
 * listens on `port`, it exits, or the deadline passes. Any HTTP answer on the port would not do:
 * another program that took the port between the free-port check and Prism's start answers too,
 * while Prism fails with EADDRINUSE.
 */
function waitUntilListening(child: ChildProcess, port: number, timeoutMs: number, exited: Promise<PrismExit>): Promise<"ready" | "exited" | "timeout"> {
  return new Promise((resolve) => {
    const reports = child.stdio[LIFELINE_FD] as Readable | null | undefined;
    const lines = reports ? createInterface({ input: reports, crlfDelay: Infinity }) : undefined;
    const timer = setTimeout(() => settle("timeout"), timeoutMs);
    function settle(outcome: "ready" | "exited" | "timeout"): void {
      clearTimeout(timer);
      lines?.close();
      resolve(outcome);
    }
    lines?.on("line", (line) => {
      if (listeningPort(line) === port) settle("ready");
    });
    void exited.then(() => settle("exited"));
  });
}

/** The port of a lifeline report line, or undefined for anything else. */
function listeningPort(line: string): number | undefined {
  try {
    const report = JSON.parse(line) as { listening?: unknown };
    return typeof report.listening === "number" ? report.listening : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The useful part of what Prism printed: ANSI colours removed, and the noise Prism adds to a
 * fatal error (its CLI usage text, the error object dumped with its stack) left out, since the
 * `fatal` line already carries the message. The last `maxLines` lines are kept.
 */
export function summarizePrismOutput(output: string, maxLines = 15): string {
  const lines = stripVTControlCharacters(output).split("\n");
  const kept: string[] = [];
  let skipUntil: RegExp | undefined;
  for (const line of lines) {
    if (skipUntil) {
      if (skipUntil.test(line)) skipUntil = undefined;
      continue;
    }
    if (/^prism mock <document>/.test(line)) skipUntil = /^\s+--seed\b/;
    else if (line === "{") skipUntil = /^\}$/;
    else if (!/^\s+at /.test(line) && line.trim() !== "") kept.push(line);
  }
  return kept.slice(-maxLines).join("\n");
}

import { parseArgs, type ParseArgsConfig } from "node:util";

/** What a CLI command can touch; injected so commands are testable without a real process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * For long-running commands (`mock`): resolves with the signal name when the user asks to
   * stop. Defaults to the process's SIGINT/SIGTERM/SIGHUP.
   */
  waitForStop?: () => Promise<string>;
}

/** Exit codes: 0 success, 1 the checked thing failed, 2 usage or configuration error. */
export type ExitCode = 0 | 1 | 2;

export interface Command {
  name: string;
  summary: string;
  /** Full help text, printed by `kyc-contracts <name> --help`. */
  help: string;
  run(argv: string[], io: CliIo): Promise<ExitCode>;
}

/**
 * Prints an input error: a file or folder the command was given cannot be read or used (the
 * message names it and says what to do; --help would not help). Returns exit code 2.
 */
export function inputError(io: CliIo, command: string, message: string): 2 {
  io.stderr(`kyc-contracts ${command}: ${message}\n`);
  return 2;
}

/** Prints a usage error with a pointer to --help; returns exit code 2. */
export function usageError(io: CliIo, command: string, message: string): 2 {
  io.stderr(`kyc-contracts ${command}: ${message}\nRun \`kyc-contracts ${command} --help\` for usage.\n`);
  return 2;
}

export type ParsedCommandArgs<T extends ParseArgsConfig> = { ok: true; parsed: ReturnType<typeof parseArgs<T>> } | { ok: false; code: 2 };

/**
 * node:util's parseArgs for a command: an unknown option or a missing value becomes a usage
 * error (exit 2) instead of an exception. `--help` is handled by the dispatcher (cli/main.ts).
 */
export function parseCommandArgs<T extends ParseArgsConfig>(io: CliIo, command: string, config: T): ParsedCommandArgs<T> {
  try {
    return { ok: true, parsed: parseArgs(config) };
  } catch (error) {
    return { ok: false, code: usageError(io, command, (error as Error).message) };
  }
}

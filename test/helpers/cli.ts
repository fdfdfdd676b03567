import type { CliIo } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `kyc-contracts <argv…>` in-process with a recording io (no real process, no environment). */
export function runCli(...argv: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: {} };
  return main(argv, io).then((code) => ({ code, out, err }));
}

/**
 * Runs a long-running command (`mock`) in-process: `whileRunning` is called once it is up, in
 * place of waiting for a signal, and returns the signal name that stops it.
 */
export async function runUntilStopped(argv: string[], whileRunning?: (out: string) => Promise<string>): Promise<CliRun> {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    waitForStop: () => (whileRunning ? whileRunning(out) : Promise.reject(new Error("the command should not have started its servers"))),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

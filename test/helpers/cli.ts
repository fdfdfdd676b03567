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

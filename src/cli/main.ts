import type { CliIo, Command, ExitCode } from "./command.js";
import { checkHarCommand } from "./check-har.js";
import { conformCommand } from "./conform.js";
import { scenariosCommand } from "./scenarios.js";
import { specCommand } from "./spec.js";
import { suggestCommand } from "./suggest.js";
import { diffCommand } from "./diff.js";
import { docsCommand } from "./docs.js";
import { mockCommand } from "./mock.js";
import { proxyCommand } from "./proxy.js";
import { packageVersion } from "./version.js";
import { webhookReceiverCommand } from "./webhook-receiver.js";

/** Every subcommand of `kyc-contracts`. Add a command by writing a module like scenarios.ts and listing it here. */
export const commands: readonly Command[] = [scenariosCommand, specCommand, mockCommand, conformCommand, proxyCommand, checkHarCommand, suggestCommand, diffCommand, docsCommand, webhookReceiverCommand];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `kyc-contracts — OpenAPI contracts, mocks, conformance checks and docs for the Proof, BTC Direct,
Nyota Imara and Myaza KYC status APIs.

Usage: kyc-contracts <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Options:
  -h, --help     show this help (or a command's: kyc-contracts <command> --help)
  -v, --version  print the version
`;
}

export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "-h" || first === "--help" || first === "help") {
    io.stdout(help());
    return first === undefined ? 2 : 0;
  }
  if (first === "-v" || first === "--version") {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.stderr(`kyc-contracts: unknown command "${first}". Commands: ${commands.map((c) => c.name).join(", ")}.\nRun \`kyc-contracts --help\` for usage.\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.help);
    return 0;
  }
  return command.run(rest, io);
}

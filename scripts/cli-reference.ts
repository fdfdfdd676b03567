/**
 * docs/cli.md's command reference: every `kyc-contracts` command's summary and full `--help`,
 * from the commands themselves (src/cli/main.ts), so the guide cannot drift from the CLI.
 */
import { commands } from "../src/cli/main.js";

export function renderCliReference(): string {
  return commands.map((c) => [`### \`kyc-contracts ${c.name}\``, "", `${c.summary}.`, "", "```text", c.help.trimEnd(), "```"].join("\n")).join("\n\n");
}

import { providers } from "../providers.js";
import { loadSpec } from "../spec/load.js";
import { listScenarios } from "../spec/scenarios.js";
import { type Command, parseCommandArgs, usageError } from "./command.js";
import { parseProviders } from "./provider-option.js";

export const scenariosCommand: Command = {
  name: "scenarios",
  summary: "List every documented response (status + named example) per provider, with the Prefer header that selects it on a mock",
  help: `Usage: kyc-contracts scenarios [--provider <slug|all>] [--json]

Lists, from the specs, every documented response of every operation: its HTTP status, the
named example, what it shows, and the Prefer header value that makes a Prism mock serve it.

Options:
  --provider <list>  proof, btc-direct, nyota-imara, myaza, a comma-separated list, or all (default)
  --json             print JSON instead of a table
  -h, --help         show this help
`,
  async run(argv, io) {
    const args = parseCommandArgs(io, "scenarios", { args: argv, options: { provider: { type: "string" }, json: { type: "boolean" } }, strict: true, allowPositionals: false });
    if (!args.ok) return args.code;
    const { values } = args.parsed;
    const selection = parseProviders(values.provider);
    if (!selection.ok) return usageError(io, "scenarios", selection.message);
    const all = await Promise.all(selection.providers.map(async (slug) => ({ slug, scenarios: listScenarios(await loadSpec(slug)) })));
    if (values.json) {
      io.stdout(`${JSON.stringify(Object.fromEntries(all.map((a) => [a.slug, a.scenarios])), null, 2)}\n`);
      return 0;
    }
    for (const { slug, scenarios } of all) {
      const first = scenarios[0];
      io.stdout(`${providers[slug].name} (${slug}) — ${first ? `${first.method} ${first.path}` : "no operations"}\n`);
      const width = Math.max(...scenarios.map((s) => s.prefer.length));
      for (const s of scenarios) io.stdout(`  Prefer: ${s.prefer.padEnd(width)}  ${s.summary ?? ""}\n`);
      io.stdout("\n");
    }
    return 0;
  },
};

import { readFile } from "node:fs/promises";
import { isProviderSlug, providerSlugs } from "../providers.js";
import { bundledSpecPath, sourceSpecPath } from "../spec/paths.js";
import { type Command, parseCommandArgs, usageError } from "./command.js";

export const specCommand: Command = {
  name: "spec",
  summary: "Print a provider's bundled OpenAPI spec (or its path) for use with other tools",
  help: `Usage: kyc-contracts spec <provider> [--path] [--source]

Prints the provider's bundled single-file OpenAPI 3.1 spec (YAML) to stdout.

Arguments:
  <provider>  one of ${providerSlugs.join(", ")}

Options:
  --path      print the file's path instead of its contents
  --source    with --path: the split source spec (openapi/<provider>/openapi.yaml)
  -h, --help  show this help
`,
  async run(argv, io) {
    const args = parseCommandArgs(io, "spec", { args: argv, options: { path: { type: "boolean" }, source: { type: "boolean" } }, strict: true, allowPositionals: true });
    if (!args.ok) return args.code;
    const parsed = args.parsed;
    const [slug, ...rest] = parsed.positionals;
    if (!slug || rest.length > 0) return usageError(io, "spec", `give exactly one provider: ${providerSlugs.join(", ")}.`);
    if (!isProviderSlug(slug)) return usageError(io, "spec", `unknown provider "${slug}"; choose from ${providerSlugs.join(", ")}.`);
    if (parsed.values.source && !parsed.values.path) return usageError(io, "spec", "--source goes with --path.");
    const file = parsed.values.source ? sourceSpecPath(slug) : bundledSpecPath(slug);
    if (parsed.values.path) {
      io.stdout(`${file}\n`);
      return 0;
    }
    io.stdout(await readFile(file, "utf8"));
    return 0;
  },
};

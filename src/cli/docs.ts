import path from "node:path";
import { buildDocs, DEFAULT_DOCS_DIR, type DocsProgress } from "../docs/build.js";
import { installCommand, requireTools } from "../optional-tools.js";
import { providers } from "../providers.js";
import { type CliIo, type Command, parseCommandArgs, usageError } from "./command.js";

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function reporter(io: CliIo): (event: DocsProgress) => void {
  const shown = (file: string): string => path.relative(process.cwd(), file) || file;
  return (event) => {
    if (event.type === "building") io.stdout(`Building ${providers[event.provider].name} (redocly build-docs)…\n`);
    else io.stdout(`  wrote ${shown(event.file.path)} (${formatBytes(event.file.bytes)})\n`);
  };
}

export const docsCommand: Command = {
  name: "docs",
  summary: "Build the API reference: one offline HTML page per provider, index.html and the bundled specs",
  help: `Usage: kyc-contracts docs [--out DIR]

Builds the API reference with Redocly CLI's build-docs into DIR:
  proof.html, btc-direct.html, nyota-imara.html, myaza.html
      one self-contained page per provider (Redoc inlined: no CDN, no fonts, no telemetry),
      with the spec's decisions, its status values and its error catalogue generated from it
  <provider>.yaml   the bundled single-file spec, beside its page
  index.html        links to the four pages and specs, and the status table

Serve DIR from any static host, or open index.html from disk.

Needs @redocly/cli, an optional peer dependency (exit 2 with this command if it is missing):
  ${installCommand(["redocly"])}

Options:
  --out DIR   output folder (default: ${DEFAULT_DOCS_DIR}, relative to the current folder)
  -h, --help  show this help
`,
  async run(argv, io) {
    const args = parseCommandArgs(io, "docs", { args: argv, options: { out: { type: "string" } }, strict: true, allowPositionals: false });
    if (!args.ok) return args.code;
    const { values } = args.parsed;
    if (values.out?.trim() === "") return usageError(io, "docs", "--out needs a folder.");
    const redocly = requireTools("kyc-contracts docs", ["redocly"]);
    if (!redocly.ok) {
      io.stderr(`kyc-contracts docs: ${redocly.message}\n`);
      return 2;
    }
    const result = await buildDocs({ outDir: values.out ?? DEFAULT_DOCS_DIR, onProgress: reporter(io) });
    if (!result.ok) {
      io.stderr(`kyc-contracts docs: ${result.message}\n`);
      return 1;
    }
    const index = result.files.find((f) => f.kind === "index");
    io.stdout(`Wrote ${result.files.length} files to ${result.outDir}.${index ? ` Open ${index.path}.` : ""}\n`);
    return 0;
  },
};

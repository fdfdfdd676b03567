import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expandHarPaths } from "../conformance/har-stream.js";
import { nextVersion } from "../evolution/diff.js";
import { DEFAULT_MIN_OBSERVATIONS } from "../evolution/suggest.js";
import { suggestFromTraffic, type SuggestRun } from "../evolution/suggest-traffic.js";
import { providerSlugs } from "../providers.js";
import { packageRoot } from "../spec/paths.js";
import { type Command, parseCommandArgs, inputError, usageError } from "./command.js";
import { loadSpecsOption, specsOptionHelp, specsOptionSpec } from "./specs-option.js";
import { parseOneProvider } from "./provider-option.js";

const FORMATS = ["human", "json"] as const;
type Format = (typeof FORMATS)[number];

/** The command a user runs to get specs they may edit (the package's own are read-only in node_modules). */
const COPY_SPECS = "cp -r node_modules/kyc-status-contracts/openapi ./openapi";

export const suggestCommand: Command = {
  name: "suggest",
  summary: "Propose spec edits from recorded traffic, with evidence and the version bump each needs (exit 0 none or written, 1 proposed, 2 usage)",
  help: `Usage: kyc-contracts suggest TRAFFIC... [--provider <slug>] [--specs DIR] [--write]
                         [--min-observations N] [--format human|json]

Reads HAR files or folders of them (a browser's dev tools export, \`kyc-contracts proxy
--record\` segments) and proposes the spec edits that would make the spec describe the traffic:
  - a value outside an enum (a new status value);
  - a property no schema declares, found even where unknown properties are allowed; its type
    and format are inferred from every observation (string or date-time, integer or number,
    nullable when null was seen), and it is required only when present in every one of at
    least --min-observations objects;
  - an undocumented response status (with its bodies, masked, as named examples: one per
    error code, named from it in snake_case, else observed_<status>) or response header;
  - an error code a documented error response has no named example for (the body, masked,
    as a new named example, named as the response's other examples are; the message says
    what a human must still decide, such as BTC Direct's catalogue text);
  - an id that breaks its pattern (in the body or the path).
Each proposal shows its evidence (how many exchanges, first and last seen, a masked example:
none at all for values that look personal, such as names, emails, phone and id numbers, dates
of birth, addresses) and its classification: the level (breaking, warning, info) and the
version bump of the spec it needs, judged by the same rules as \`kyc-contracts diff\`.

The edits are printed as a unified diff of the split YAML sources under --specs (the file
that holds each schema, found by following the $refs), comments and layout kept. --write
applies them. The package's own specs (inside node_modules) are never written: copy them first,
  ${COPY_SPECS}
and pass --specs ./openapi.

The loop: record traffic (kyc-contracts proxy --record) → check-har --specs DIR fails →
suggest --specs DIR → review the diff → suggest --specs DIR --write → check-har --specs DIR
passes on the same traffic → npm run lint:specs and npm run generate → kyc-contracts diff says
the release the spec needs. See docs/contract-evolution.md.

Options:
  --provider <slug>       ${providerSlugs.join(", ")} (default: each exchange goes to the provider
                          whose spec documents its path)
${specsOptionHelp(26)}
                          (default: the package's own openapi/, read-only)
  --write                 apply the edits to the files under --specs
  --min-observations N    objects a new property must be seen in (in all of them) before it is
                          proposed as required (default ${DEFAULT_MIN_OBSERVATIONS})
  --format NAME           human (default) or json
  -h, --help              show this help

Exit codes: 0 the traffic needs no edit, or the edits were written; 1 edits are proposed and
not written; 2 usage error, an unreadable HAR file or spec source (named).
`,
  async run(argv, io) {
    const args = parseCommandArgs(io, "suggest", {
      args: argv,
      options: { provider: { type: "string" }, ...specsOptionSpec, write: { type: "boolean" }, "min-observations": { type: "string" }, format: { type: "string" } },
      strict: true,
      allowPositionals: true,
    });
    if (!args.ok) return args.code;
    const { values, positionals } = args.parsed;
    if (positionals.length === 0) return usageError(io, "suggest", "give the HAR files or folders to read.");
    const one = parseOneProvider(values.provider);
    if (!one.ok) return usageError(io, "suggest", one.message);
    const { provider } = one;
    const format = (values.format ?? "human") as Format;
    if (!FORMATS.includes(format)) return usageError(io, "suggest", `unknown format "${values.format}"; choose ${FORMATS.join(" or ")}.`);
    const minText = values["min-observations"] ?? String(DEFAULT_MIN_OBSERVATIONS);
    const minObservations = Number(minText);
    if (!/^\d+$/.test(minText) || minObservations < 1) return usageError(io, "suggest", `--min-observations takes a whole number ≥ 1, not "${minText}".`);
    const specsDir = path.resolve(values.specs ?? path.join(packageRoot(), "openapi"));
    if (values.write && specsDir.split(path.sep).includes("node_modules")) {
      return usageError(io, "suggest", `--write never edits the installed package (${specsDir}). Copy the specs and point --specs at the copy: ${COPY_SPECS} && kyc-contracts suggest … --specs ./openapi --write`);
    }

    const specs = await loadSpecsOption(specsDir, provider ? [provider] : undefined);
    if (!specs.ok) return inputError(io, "suggest", specs.message);
    const roots = Object.fromEntries(specs.value.providers.flatMap((slug) => (specs.value.sources?.[slug] ? [[slug, specs.value.sources[slug].file]] : [])));
    const files = await expandHarPaths(positionals);
    if (!files.ok) return inputError(io, "suggest", files.message);
    const result = await suggestFromTraffic({ files: files.files, specsDir, minObservations, roots });
    if (!result.ok) return usageError(io, "suggest", result.message);
    const { run } = result;
    for (const note of run.notes) io.stderr(`kyc-contracts suggest: ${note}\n`);

    const written: string[] = [];
    if (values.write) {
      for (const p of run.providers) {
        for (const patch of p.patches) {
          await mkdir(path.dirname(patch.file), { recursive: true });
          await writeFile(patch.file, patch.after);
          written.push(path.relative(process.cwd(), patch.file));
        }
      }
    }
    io.stdout(format === "json" ? `${JSON.stringify(jsonReport(run, specsDir, written), null, 2)}\n` : humanReport(run, specsDir, written));
    const proposed = run.providers.some((p) => p.suggestions.length > 0);
    return proposed && !values.write ? 1 : 0;
  },
};


const pointerOf = (at: readonly (string | number)[]): string => at.map((k) => `/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

function jsonReport(run: SuggestRun, specsDir: string, written: string[]) {
  return {
    exchanges: run.exchanges,
    unmatched: run.unmatched,
    notes: run.notes,
    providers: run.providers.map((p) => ({
      provider: p.provider,
      version: { current: p.diff.oldVersion, recommendedBump: p.diff.recommendedBump, next: nextVersion(p.diff.oldVersion, p.diff.recommendedBump) },
      suggestions: p.suggestions.map((s) => ({ kind: s.kind, level: s.level, bump: s.bump, where: s.where, file: path.relative(specsDir, s.file).split(path.sep).join("/"), pointer: pointerOf(s.at), message: s.message, evidence: s.evidence, changes: s.changes })),
      patches: p.patches.map((patch) => ({ file: path.relative(specsDir, patch.file).split(path.sep).join("/"), diff: patch.diff })),
    })),
    written,
  };
}

function humanReport(run: SuggestRun, specsDir: string, written: string[]): string {
  const count = run.providers.reduce((n, p) => n + p.suggestions.length, 0);
  let out = `kyc-contracts suggest: ${run.exchanges} exchange(s) read${run.unmatched ? `, ${run.unmatched} documented by no provider` : ""}; ${count} suggestion(s)\n`;
  for (const p of run.providers) {
    const next = nextVersion(p.diff.oldVersion, p.diff.recommendedBump);
    out += `\n${p.provider}: ${p.suggestions.length} suggestion(s); together they need a ${p.diff.recommendedBump} version bump (${p.diff.oldVersion} → ${next ?? "?"})\n`;
    p.suggestions.forEach((s, i) => {
      const e = s.evidence;
      out += `  ${i + 1}. [${s.level}, ${s.bump}] ${s.where}\n`;
      out += `     ${s.message} — ${path.relative(specsDir, s.file).split(path.sep).join("/")}\n`;
      out += `     evidence: ${e.count} exchange(s)${e.firstSeen ? `, first ${e.firstSeen}, last ${e.lastSeen}` : ""}; ${e.personal ? (s.kind === "undocumented-status" || s.kind === "undocumented-error-code" ? "values look personal: masked in the examples" : "values look personal: no example") : e.example === undefined ? "no example" : `example ${e.example}`}\n`;
      for (const c of s.changes) out += `     diff: [${c.level}] ${c.id}: ${c.message}\n`;
    });
    for (const patch of p.patches) out += `\n${patch.diff}`;
  }
  if (count === 0) out += "The specs already describe this traffic.\n";
  else if (written.length > 0) out += `\nWritten: ${written.join(", ")}. Next: kyc-contracts check-har on the same traffic with --specs, then lint and diff.\n`;
  else out += `\nReview the diff, then run again with --write to apply it.\n`;
  return out;
}

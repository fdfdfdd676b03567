import { writeFile } from "node:fs/promises";
import { diffSpecs, summarizeDiffs, type ProviderDiff } from "../evolution/diff.js";
import { loadReleasedSpec, type ReleaseStoreOptions } from "../evolution/releases.js";
import { DIFF_FORMATS, FAIL_ON, renderDiffReport, reportFails, type DiffFormat, type FailOn } from "../evolution/report.js";
import { readSpecArgument, type SpecSide } from "../evolution/spec-argument.js";
import { providerSlugs, type ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { type CliIo, type Command, type ExitCode, parseCommandArgs, usageError } from "./command.js";
import { parseProviders } from "./provider-option.js";
import { loadSpecsOption, SPECS_OPTION_HELP, specsOptionSpec } from "./specs-option.js";

const help = `Usage: kyc-contracts diff [OLD [NEW]] [--format human|json|markdown|junit|github] [--output FILE] [--fail-on breaking|warning|info|never] [--provider <slug>] [--specs DIR] [--require-bump]

Compares two versions of a provider's spec and says what the change does to consumers: every
change with a stable rule id, a level (breaking, warning, info), a direction (request: what you
send; response and webhook: what you read), where it is (operation and status, JSON pointer), a
message and a fingerprint; and the version bump the changes need (major, minor, patch, none).
\`$ref\` layout is not a change: moving or inlining a schema is none.

OLD and NEW are each one of:
  <slug>@<version>     a spec version released in this package (e.g. myaza@1.0.0), offline
  <slug>@latest        the newest released version of that spec
  <slug>@current       the spec this package version ships (with --specs DIR: the one in DIR)
  DIR                  a folder with <slug>/openapi.yaml per provider (like openapi/); providers
                       are paired by slug, one present on one side only is diffed against nothing
  FILE                 a spec file: a split root (openapi.yaml with $refs to files) or a bundle

Without NEW, NEW is the current spec (<slug>@current for OLD's providers). Without OLD either,
each provider's latest released version is compared with its current spec: what the next
release of each spec must be.

Options:
  --format F           human (default), json, markdown, junit or github (workflow annotations)
  --output FILE        write the report to FILE instead of stdout (a summary line still prints)
  --fail-on LEVEL      exit 1 when a change at or above LEVEL exists: breaking (default), warning,
                       info, or never. A raw KYC status with no normalized state (rule
                       kyc-status-unmapped) fails whatever LEVEL is.
  --require-bump       also exit 1 when NEW's info.version is not bumped as much as the changes need
  --provider <slug>    ${providerSlugs.join(", ")}: only this provider (names the provider of a FILE whose
                       folder or name does not)
${SPECS_OPTION_HELP}
  -h, --help           show this help

The JSON report is { providers: [{ provider, oldVersion, newVersion, recommendedBump, versionOk,
changes: [{ id, level, direction, where, pointer, message, fingerprint }] }], counts: { breaking,
warning, info } }. The rules are listed in docs/contract-evolution.md.

Examples:
  kyc-contracts diff myaza@1.0.0 myaza@current
  kyc-contracts diff openapi/ ../their-fork/openapi/ --format markdown --output diff.md
  kyc-contracts diff --specs openapi/ --fail-on never --format github

Exit codes: 0 no change at or above --fail-on, 1 there is one (or an unmapped KYC status, or
--require-bump and the version is not bumped enough), 2 usage error or an unreadable spec (named).
`;

const ABSENT_VERSION = "0.0.0";

/** The side a provider is missing from: an empty document with the other side's title. */
const absent = (other: OpenApiDocument): OpenApiDocument => ({ openapi: other.openapi, info: { title: other.info.title, version: ABSENT_VERSION }, paths: {} });

interface Sides {
  old: SpecSide;
  new: SpecSide;
}

async function readSides(positionals: readonly string[], provider: ProviderSlug | undefined, specsDir: string | undefined, store: ReleaseStoreOptions): Promise<{ ok: true; sides: Sides } | { ok: false; message: string }> {
  const current = async (slugs?: readonly ProviderSlug[]): Promise<{ ok: true; side: SpecSide } | { ok: false; message: string }> => {
    const loaded = await loadSpecsOption(specsDir, slugs);
    return loaded.ok ? { ok: true, side: { kind: specsDir ? "folder" : "current", documents: loaded.value.documents } } : loaded;
  };
  if (positionals.length === 0) {
    const now = await current(provider ? [provider] : undefined);
    if (!now.ok) return now;
    const documents: Partial<Record<ProviderSlug, OpenApiDocument>> = {};
    for (const slug of Object.keys(now.side.documents) as ProviderSlug[]) {
      const released = loadReleasedSpec(`${slug}@latest`, store);
      if (!released.ok) return released;
      documents[slug] = released.spec.document;
    }
    return { ok: true, sides: { old: { kind: "folder", documents }, new: now.side } };
  }
  const old = await readSpecArgument(positionals[0]!, { provider, specsDir, ...store });
  if (!old.ok) return { ok: false, message: `OLD: ${old.message}` };
  const next = positionals[1] === undefined ? await current(old.side.kind === "folder" ? undefined : (Object.keys(old.side.documents) as ProviderSlug[])) : await readSpecArgument(positionals[1], { provider, specsDir, ...store });
  if (!next.ok) return { ok: false, message: `NEW: ${next.message}` };
  return { ok: true, sides: { old: old.side, new: next.side } };
}

/** Pairs the two sides by provider: one single-provider side decides the provider. */
function pair(sides: Sides, provider: ProviderSlug | undefined): { ok: true; diffs: ProviderDiff[]; notes: string[] } | { ok: false; message: string } {
  const oldSlugs = Object.keys(sides.old.documents) as ProviderSlug[];
  const newSlugs = Object.keys(sides.new.documents) as ProviderSlug[];
  const single = [sides.old, sides.new].filter((s) => s.kind !== "folder");
  let slugs: ProviderSlug[];
  if (single.length === 2 && oldSlugs[0] !== newSlugs[0]) {
    return { ok: false, message: `OLD is a ${oldSlugs[0]} spec and NEW a ${newSlugs[0]} spec: compare two versions of one provider's spec` };
  }
  if (single.length > 0) slugs = Object.keys(single[0]!.documents) as ProviderSlug[];
  else slugs = providerSlugs.filter((s) => oldSlugs.includes(s) || newSlugs.includes(s));
  if (provider) slugs = slugs.filter((s) => s === provider);
  if (slugs.length === 0) return { ok: false, message: `neither side has a ${provider ?? "provider's"} spec` };
  const notes: string[] = [];
  const diffs = slugs.map((slug) => {
    const o = sides.old.documents[slug];
    const n = sides.new.documents[slug];
    if (!o) notes.push(`${slug}: only in NEW (diffed against an empty spec, version ${ABSENT_VERSION}).`);
    if (!n) notes.push(`${slug}: only in OLD (diffed against an empty spec, version ${ABSENT_VERSION}): every operation is removed.`);
    const oldDoc = o ?? absent(n!);
    return diffSpecs(oldDoc, n ?? absent(oldDoc), { provider: slug });
  });
  return { ok: true, diffs, notes };
}

/** `kyc-contracts diff`, with the release store injectable for tests. */
export function createDiffCommand(store: ReleaseStoreOptions = {}): Command {
  return {
    name: "diff",
    summary: "Compare two versions of a spec: breaking changes for consumers, rule by rule, and the version bump they need",
    help,
    async run(argv: string[], io: CliIo): Promise<ExitCode> {
      const args = parseCommandArgs(io, "diff", {
        args: argv,
        options: { format: { type: "string" }, output: { type: "string" }, "fail-on": { type: "string" }, provider: { type: "string" }, "require-bump": { type: "boolean" }, ...specsOptionSpec },
        strict: true,
        allowPositionals: true,
      });
      if (!args.ok) return args.code;
      const { values, positionals } = args.parsed;
      if (positionals.length > 2) return usageError(io, "diff", `give at most OLD and NEW, not ${positionals.length} arguments.`);
      const format = (values.format ?? "human") as DiffFormat;
      if (!DIFF_FORMATS.includes(format)) return usageError(io, "diff", `--format must be one of ${DIFF_FORMATS.join(", ")} (got "${values.format}").`);
      const failOn = (values["fail-on"] ?? "breaking") as FailOn;
      if (!FAIL_ON.includes(failOn)) return usageError(io, "diff", `--fail-on must be one of ${FAIL_ON.join(", ")} (got "${values["fail-on"]}").`);
      let provider: ProviderSlug | undefined;
      if (values.provider !== undefined) {
        const selection = parseProviders(values.provider, []);
        if (!selection.ok || selection.providers.length !== 1) return usageError(io, "diff", selection.ok ? "--provider takes one provider." : selection.message);
        provider = selection.providers[0];
      }
      const sides = await readSides(positionals, provider, values.specs, store);
      if (!sides.ok) return usageError(io, "diff", `${sides.message}.`);
      const paired = pair(sides.sides, provider);
      if (!paired.ok) return usageError(io, "diff", `${paired.message}.`);
      for (const note of paired.notes) io.stderr(`kyc-contracts diff: ${note}\n`);
      const report = summarizeDiffs(paired.diffs);
      const text = renderDiffReport(report, format, failOn);
      const summary = `kyc-contracts diff: ${report.counts.breaking} breaking, ${report.counts.warning} warning, ${report.counts.info} info (${report.providers.map((p) => `${p.provider}: ${p.recommendedBump} bump needed, version ${p.versionOk ? "ok" : "NOT ok"}`).join("; ")}).\n`;
      if (values.output !== undefined) {
        try {
          await writeFile(values.output, text);
        } catch (error) {
          return usageError(io, "diff", `cannot write ${values.output} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): choose a writable path.`);
        }
        io.stdout(summary);
      } else {
        io.stdout(text);
        if (format !== "human") io.stderr(summary);
      }
      const failed = reportFails(report, failOn) || (values["require-bump"] === true && report.providers.some((p) => !p.versionOk));
      return failed ? 1 : 0;
    },
  };
}

export const diffCommand = createDiffCommand();

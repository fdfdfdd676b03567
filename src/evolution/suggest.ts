/**
 * Spec patches from traffic: each finding of observe.ts becomes an edit of the split YAML source
 * that holds the node (through the `yaml` Document API: comments and layout kept), carried with
 * its evidence and classified by running the diff on the spec before and after that one edit.
 * Observed values reach the spec only as types and formats; an example is written only for a
 * scalar that was masked and does not look personal.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document as YamlDocument, isMap, isScalar, isSeq, parseDocument, type Document, type Scalar, type ToStringOptions } from "yaml";
import type { ProviderSlug } from "../providers.js";
import { readBtcDirectCatalogue, type CatalogueEntry, type CatalogueReading } from "../spec/btc-direct-catalogue.js";
import type { OpenApiDocument } from "../spec/load.js";
import { readSpecFile } from "../spec/source.js";
import { createSpecValidator } from "../spec/validator.js";
import { listOperations, listResponses } from "../spec/walk.js";
import { diffSpecs, type ChangeLevel, type ProviderDiff, type SpecChange, type VersionBump } from "./diff.js";
import { isRequired, schemaOf } from "./infer.js";
import type { Evidence, Finding } from "./observe.js";
import type { SourceTree, YamlPath } from "./source-tree.js";
import { unifiedDiff } from "./unified-diff.js";

export interface SuggestOptions {
  /** A property becomes required only when present in every one of at least this many observed objects. */
  minObservations: number;
}

export const DEFAULT_MIN_OBSERVATIONS = 5;

export interface Suggestion {
  kind: Finding["kind"];
  provider: ProviderSlug;
  /** The source file edited (absolute) and the path of the edited node in it. */
  file: string;
  at: YamlPath;
  /** Where on the wire the evidence is. */
  where: string;
  /** What the edit does. */
  message: string;
  evidence: Evidence;
  /** The diff's verdict on the spec before and after this edit alone. */
  level: ChangeLevel | "none";
  bump: VersionBump;
  changes: SpecChange[];
}

export interface FilePatch {
  file: string;
  before: string;
  after: string;
  /** Unified diff, labelled with the path relative to the specs folder. */
  diff: string;
}

export interface ProviderSuggestions {
  provider: ProviderSlug;
  suggestions: Suggestion[];
  patches: FilePatch[];
  /** The diff of the spec before and after every edit. */
  diff: ProviderDiff;
}

interface Edit {
  finding: Finding;
  message: string;
  apply(doc: Document): void;
  /** Files the edit creates (absolute path → text), such as a new example file beside its siblings. */
  creates?: ReadonlyMap<string, string>;
}

/** What else the spec says about an error code a response has no named example for. */
export interface ErrorCodeContext {
  /** The provider keeps an error catalogue read from its examples (BTC Direct). */
  catalogue: boolean;
  /** The response's examples are the provider's list of codes for its status, as check-har reads them (Proof). */
  codeList: boolean;
  /** The catalogue's entry for the code, when another response's example carries it. */
  catalogued?: CatalogueEntry;
  /** Another suggestion adds the code to an enum, or widens a pattern it breaks. */
  alsoEnum: boolean;
  alsoPattern: boolean;
}

const LEVELS: readonly ChangeLevel[] = ["breaking", "warning", "info"];

const seen = (e: Evidence): string => `seen in ${e.count} exchange(s)${e.firstSeen ? ` from ${e.firstSeen} to ${e.lastSeen}` : ""}`;
/** The summary of an example written from traffic. */
const observedSummary = (e: Evidence): string => `Observed in traffic, personal values masked (kyc-contracts suggest, ${seen(e)}).`;

/** Appends `value` to the sequence at `at`, creating it when absent. */
function append(doc: Document, at: YamlPath, value: unknown): void {
  if (doc.hasIn(at)) doc.addIn(at, value);
  else doc.setIn(at, doc.createNode([value], { flow: true }));
}

/** Sets `key` in the map at `at`, quoted as its sibling keys are (`'502':` beside `'503':`, not `"503":`). */
function setKeyLikeSiblings(doc: Document, at: YamlPath, key: string, value: unknown): void {
  const map = doc.getIn(at, true);
  if (!isMap(map)) return doc.setIn([...at, key], value);
  const quoted = map.items.map((p) => p.key).find((k): k is Scalar => isScalar(k) && (k.type === "QUOTE_SINGLE" || k.type === "QUOTE_DOUBLE"));
  const node = doc.createNode(key);
  if (quoted) node.type = quoted.type;
  map.set(node, value);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `examplesLacking`: for a property the traffic always showed, how many of the spec's named
 * examples lack it; a required property would make them invalid (and the lint fail), so it is
 * then proposed as optional and the message says why.
 */
function editFor(finding: Finding, options: SuggestOptions, examplesLacking = 0, errorCode?: ErrorCodeContext): Edit {
  const at = finding.target.at;
  switch (finding.kind) {
    case "enum-value":
      return { finding, message: `add ${JSON.stringify(finding.value)} to the enum`, apply: (doc) => append(doc, [...at, "enum"], finding.value) };
    case "undeclared-property": {
      const always = isRequired(finding.summary.count, finding.objects(), options.minObservations);
      const required = always && examplesLacking === 0;
      const inferred = schemaOf(finding.summary, options.minObservations);
      const type = Array.isArray(inferred.type) ? inferred.type.join(" | ") : typeof inferred.type === "string" ? inferred.type : "any";
      const format = typeof inferred.format === "string" ? `, ${inferred.format}` : "";
      const schema: Record<string, unknown> = { ...inferred, description: `Not in the provider's documentation: ${seen(finding.evidence)} (kyc-contracts suggest).` };
      const example = finding.evidence.example === undefined ? undefined : (JSON.parse(finding.evidence.example) as unknown);
      if (!finding.evidence.personal && example !== undefined && (typeof example !== "object" || example === null)) schema.examples = [example];
      return {
        finding,
        message: `declare ${required ? "required" : "optional"} property ${JSON.stringify(finding.key)} (${type}${format})${always && !required ? `; in every observed object, but ${examplesLacking} named example(s) of the spec lack it, so optional` : ""}${finding.evidence.personal ? "; values look personal: no example" : ""}`,
        apply(doc) {
          const node = doc.createNode(schema);
          // A string example is quoted: YAML 1.1 readers would turn a bare timestamp into a date.
          const examples = node.get("examples", true);
          if (isSeq(examples)) for (const item of examples.items) if (isScalar(item) && typeof item.value === "string") item.type = "QUOTE_SINGLE";
          doc.setIn([...at, "properties", finding.key], node);
          if (required) append(doc, [...at, "required"], finding.key);
        },
      };
    }
    case "pattern-mismatch": {
      const widened = finding.prefix ? `(?:${finding.pattern})|^${escapeRegExp(finding.prefix)}` : undefined;
      return {
        finding,
        message: widened ? `widen pattern ${JSON.stringify(finding.pattern)} to ${JSON.stringify(widened)}` : `remove pattern ${JSON.stringify(finding.pattern)} (the observed ids share no prefix)`,
        apply: (doc) => (widened ? doc.setIn([...at, "pattern"], widened) : doc.deleteIn([...at, "pattern"])),
      };
    }
    case "undocumented-status": {
      const response: Record<string, unknown> = { description: `Not in the provider's documentation: ${seen(finding.evidence)} (kyc-contracts suggest).` };
      const names = [...finding.examples.keys()];
      if (finding.summary.count > 0 || names.length > 0) {
        // Named examples (Spectral's kyc-error-response-named-examples asks one per error code): the masked bodies.
        const examples = Object.fromEntries(
          [...finding.examples].map(([name, value]) => [name, { summary: observedSummary(finding.evidence), value }]),
        );
        const schema = finding.summary.count > 0 ? schemaOf(finding.summary, options.minObservations) : { type: "string" };
        response.content = { [finding.mediaType || (finding.summary.count > 0 ? "application/json" : "text/plain")]: { schema, ...(names.length > 0 ? { examples } : {}) } };
      }
      return {
        finding,
        message: `document status ${finding.status}${names.length > 0 ? ` with the observed body, masked, as example${names.length > 1 ? "s" : ""} ${names.join(", ")}` : ""}`,
        apply: (doc) => setKeyLikeSiblings(doc, at, finding.status, doc.createNode(response)),
      };
    }
    case "undocumented-error-code":
      return errorCodeEdit(finding, errorCode ?? { catalogue: false, codeList: false, alsoEnum: false, alsoPattern: false });
    case "undocumented-header":
      return {
        finding,
        message: `document response header ${finding.header}`,
        apply: (doc) => doc.setIn([...at, "headers", finding.header], doc.createNode({ description: `Not in the provider's documentation: ${seen(finding.evidence)} (kyc-contracts suggest).`, schema: { type: "string" } })),
      };
  }
}

/**
 * A named example for an error code the response lacks, written as its siblings are: inline, or
 * (BTC Direct) a file of the folder their `$ref`s name. The message says what is left to a human:
 * the catalogue the example feeds, a list of codes it is missing from, a code catalogued elsewhere
 * (then nothing is added: the catalogue keeps a code under one status).
 */
function errorCodeEdit(finding: Extract<Finding, { kind: "undocumented-error-code" }>, context: ErrorCodeContext): Edit {
  const { code, name, status } = finding;
  const at = [...finding.target.at, "examples", name];
  const { catalogued } = context;
  if (catalogued && String(catalogued.httpStatus) !== status) {
    return {
      finding,
      message: `${code} is not added to ${status}: the error catalogue has it under HTTP ${catalogued.httpStatus} (example ${catalogued.example}) and keeps a code under one status; decide whether the provider moved ${code} to ${status} (then move its example) or answers it under both`,
      apply: () => undefined,
    };
  }
  const example = { summary: observedSummary(finding.evidence), value: finding.example };
  const file = finding.refFolder === undefined ? undefined : path.resolve(path.dirname(finding.target.file), finding.refFolder, `${name}.yaml`);
  const asFile = file !== undefined && !existsSync(file);
  const notes = [
    ...(context.catalogue
      ? [
          `the error catalogue (npm run generate → generated/btc-direct-errors.ts, the reference docs) gains ${code} with the observed message and solution: replace them with the provider's documented text if it has any, and say in the response's description that ${code} under ${status} is observed, not documented`,
        ]
      : []),
    ...(context.codeList
      ? [`these examples are the provider's list of codes for ${status} (check-har's proof-error-code check reads it): decide whether ${code} is a code the provider documents before the example makes it one`]
      : []),
    ...(context.alsoEnum ? [`${code} is also outside the enum of its field (the enum suggestion adds it): decide whether that list of codes stays closed`] : []),
    ...(context.alsoPattern ? [`${code} also breaks its field's pattern (the pattern suggestion widens it)`] : []),
  ];
  return {
    finding,
    message: `add named example ${name} for error ${code} to the documented ${status} response${asFile ? `, in ${path.basename(file)} beside the other examples` : ""}, its value the observed body, masked${notes.map((n) => `; ${n}`).join("")}`,
    apply: (doc) => doc.setIn(at, doc.createNode(asFile ? { $ref: `${finding.refFolder}/${name}.yaml` } : example)),
    ...(asFile ? { creates: new Map([[file, new YamlDocument(example).toString({ lineWidth: 0 })]]) } : {}),
  };
}

/** Renders a document with the options that reproduce its file best (flow collections written `[a, b]` or `[ a, b ]`). */
function renderer(text: string): (doc: Document) => string {
  const candidates: ToStringOptions[] = [
    { lineWidth: 0, flowCollectionPadding: false },
    { lineWidth: 0, flowCollectionPadding: true },
  ];
  const original = parseDocument(text);
  const score = (o: ToStringOptions): number => (original.toString(o) === text ? 1 : 0);
  const best = candidates.find((o) => score(o) === 1) ?? candidates[0]!;
  return (doc) => doc.toString(best);
}

function applyEdits(tree: SourceTree, edits: readonly Edit[]): Map<string, string> {
  const out = new Map<string, string>();
  const byFile = new Map<string, Edit[]>();
  for (const e of edits) byFile.set(e.finding.target.file, [...(byFile.get(e.finding.target.file) ?? []), e]);
  for (const [file, list] of byFile) {
    const source = tree.files.get(file)!;
    const doc = parseDocument(source.text);
    for (const e of list) e.apply(doc);
    out.set(file, renderer(source.text)(doc));
  }
  for (const e of edits) for (const [file, text] of e.creates ?? []) out.set(file, text);
  return out;
}

/**
 * Bundles the tree with some files' texts replaced, through the one spec loader (src/spec/source.ts):
 * the tree is mirrored once into a scratch folder, each variant written over it and read back.
 */
async function createBundler(provider: ProviderSlug, tree: SourceTree): Promise<{ bundle(texts: ReadonlyMap<string, string>): Promise<OpenApiDocument>; close(): Promise<void> }> {
  const files = [...tree.files.keys()];
  let base = path.dirname(tree.root);
  while (files.some((f) => path.relative(base, f).startsWith(".."))) base = path.dirname(base);
  const scratch = await mkdtemp(path.join(tmpdir(), "kyc-suggest-"));
  const mirror = (file: string): string => path.join(scratch, path.relative(base, file));
  const write = async (file: string, text: string): Promise<void> => {
    await mkdir(path.dirname(mirror(file)), { recursive: true });
    await writeFile(mirror(file), text);
  };
  for (const [file, source] of tree.files) await write(file, source.text);
  return {
    async bundle(texts) {
      for (const [file, text] of texts) await write(file, text);
      const read = await readSpecFile(mirror(tree.root), provider);
      for (const file of texts.keys()) {
        const source = tree.files.get(file);
        if (source) await write(file, source.text);
        else await rm(mirror(file), { force: true });
      }
      if (!read.ok) throw new Error(`kyc-contracts suggest: an edit made the ${provider} spec unreadable (${read.message}); this is a bug in suggest.`);
      return read.spec.document;
    },
    close: () => rm(scratch, { recursive: true, force: true }),
  };
}

/** Order of suggestions: by file, then wire location, so output is stable across runs. */
const byPlace = (a: Edit, b: Edit): number => a.finding.target.file.localeCompare(b.finding.target.file) || a.finding.where.localeCompare(b.finding.where) || a.message.localeCompare(b.message);

/** The suggestions for one provider's findings, each classified, and the patches of its source files. */
export async function suggestForProvider(provider: ProviderSlug, tree: SourceTree, findings: readonly Finding[], options: SuggestOptions, specsDir: string): Promise<ProviderSuggestions> {
  const bundler = await createBundler(provider, tree);
  try {
    const before = await bundler.bundle(new Map());
    const edits: Edit[] = [];
    const catalogue = provider === "btc-direct" ? readBtcDirectCatalogue(before) : undefined;
    for (const finding of findings) {
      let edit = editFor(finding, options, 0, finding.kind === "undocumented-error-code" ? errorCodeContext(finding, findings, catalogue) : undefined);
      if (finding.kind === "undeclared-property" && isRequired(finding.summary.count, finding.objects(), options.minObservations)) {
        const lacking = examplesLacking(await bundler.bundle(applyEdits(tree, [edit])), finding.key) - examplesLacking(before, finding.key);
        if (lacking > 0) edit = editFor(finding, options, lacking);
      }
      edits.push(edit);
    }
    return await classify(provider, tree, edits.sort(byPlace), bundler, specsDir);
  } finally {
    await bundler.close();
  }
}

/** What the spec (its catalogue) and the other findings (an enum, a pattern) say about a new error code. */
function errorCodeContext(finding: Extract<Finding, { kind: "undocumented-error-code" }>, findings: readonly Finding[], catalogue: CatalogueReading | undefined): ErrorCodeContext {
  const response = finding.where.slice(0, finding.where.lastIndexOf(" error "));
  const sameBody = (f: Finding): boolean => f.where.startsWith(`${response} body `);
  const catalogued = catalogue?.entries.find((e) => e.code === finding.code);
  return {
    catalogue: catalogue !== undefined,
    codeList: finding.provider === "proof",
    ...(catalogued ? { catalogued } : {}),
    alsoEnum: findings.some((f) => f.kind === "enum-value" && f.value === finding.code && sameBody(f)),
    alsoPattern: findings.some((f) => f.kind === "pattern-mismatch" && f.direction === "response" && sameBody(f)),
  };
}

/** Named examples of the spec's responses that fail because they lack property `key`. */
function examplesLacking(doc: OpenApiDocument, key: string): number {
  const validator = createSpecValidator(doc);
  let count = 0;
  for (const op of listOperations(doc)) {
    for (const response of listResponses(doc, op)) {
      for (const media of response.media) {
        if (media.schemaPointer === undefined) continue;
        for (const example of media.examples) {
          const result = validator.validate(media.schemaPointer, example.value);
          if (!result.valid && result.violations.some((v) => v.keyword === "required" && v.params.missingProperty === key)) count++;
        }
      }
    }
  }
  return count;
}

async function classify(provider: ProviderSlug, tree: SourceTree, edits: readonly Edit[], bundler: Awaited<ReturnType<typeof createBundler>>, specsDir: string): Promise<ProviderSuggestions> {
  const before = await bundler.bundle(new Map());
  const suggestions: Suggestion[] = [];
  for (const edit of edits) {
    const verdict = diffSpecs(before, await bundler.bundle(applyEdits(tree, [edit])), { provider });
    const level = LEVELS.find((l) => verdict.changes.some((c) => c.level === l)) ?? "none";
    const { finding } = edit;
    suggestions.push({ kind: finding.kind, provider, file: finding.target.file, at: finding.target.at, where: finding.where, message: edit.message, evidence: finding.evidence, level, bump: verdict.recommendedBump, changes: verdict.changes });
  }
  const after = applyEdits(tree, edits);
  // An edit may change nothing (a code the catalogue keeps under another status): no patch for it.
  const patches = [...after].filter(([file, text]) => tree.files.get(file)?.text !== text).map(([file, text]): FilePatch => {
    const original = tree.files.get(file)?.text;
    return { file, before: original ?? "", after: text, diff: unifiedDiff(original ?? "", text, path.relative(specsDir, file).split(path.sep).join("/"), { created: original === undefined }) };
  });
  return { provider, suggestions, patches, diff: diffSpecs(before, await bundler.bundle(after), { provider }) };
}

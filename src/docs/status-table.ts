/**
 * The status table of the docs index. Pluggable: `buildDocs({ statusTable })` takes any
 * `StatusTableSource`. The default, `normalizedStatusTable`, shows the normalized status mapping
 * of src/status.ts (one vocabulary across the providers); `specStatusTable` shows each
 * provider's own status values as its spec defines them.
 */
import { providers, providerSlugs, type ProviderSlug } from "../providers.js";
import { statusTableNote, statusTableRows } from "../status.js";
import type { OpenApiDocument } from "../spec/load.js";
import { listOperations } from "../spec/walk.js";
import { listStatusFields } from "./status-values.js";

export type ProviderSpecs = Readonly<Record<ProviderSlug, OpenApiDocument>>;

export interface StatusTable {
  heading: string;
  /** A paragraph under the heading. Text; `code spans` are rendered as code. */
  intro: string;
  columns: readonly string[];
  /** Cells are text; `code spans` are rendered as code. */
  rows: ReadonlyArray<readonly string[]>;
}

export type StatusTableSource = (specs: ProviderSpecs) => StatusTable;

const code = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(", ");

/** Default status table: per provider and status field, the values its spec names. */
export const specStatusTable: StatusTableSource = (specs) => ({
  heading: "Status values per provider",
  intro:
    "The status values each provider's success response carries, as its spec defines them. A closed field takes only the listed values; an open one may carry others. Each provider's page shows the documented responses behind them.",
  columns: ["Provider", "Operation", "Field", "Values", "Kind"],
  rows: providerSlugs.flatMap((slug) => {
    const doc = specs[slug];
    return listOperations(doc).flatMap((op) =>
      listStatusFields(doc, op).map((f) => [providers[slug].name, `\`${op.method.toUpperCase()} ${op.path}\``, `\`${f.path}\``, code(f.values), f.closed ? "closed (enum)" : "open string"]),
    );
  }),
});

/**
 * The normalized status table (src/status.ts): each provider's raw status → the one `state`
 * vocabulary the clients return. The index page's default.
 */
export const normalizedStatusTable: StatusTableSource = () => ({
  heading: "Status normalization",
  intro: `The typed clients map each provider's raw status to one \`state\`: \`not_started\`, \`action_required\`, \`pending\`, \`approved\`, \`rejected\`, \`error\` or \`unknown\`. ${statusTableNote()}`,
  columns: ["Provider", "Raw status", "state", "Also kept"],
  rows: statusTableRows().map((r) => [r.provider, r.rawStatus, `\`${r.state}\``, r.alsoKept]),
});

/**
 * The rule registry of the contract diff: every change `diffSpecs` can report, as data. A rule
 * has a stable `id` (part of every change's fingerprint: never rename one), a `level`, the
 * `direction` it judges and the version bump it asks for. The walker (diff.ts) emits changes by
 * id only; the level and the direction come from here.
 *
 * Direction decides the level. Responses and webhook payloads are read by the consumer: one that
 * can hold MORE than before breaks them (a new enum value, a new branch, a looser constraint, a
 * required property now optional), one that holds less is info. Requests are sent by the
 * consumer: one that accepts LESS breaks them (a tighter pattern, a new required parameter), one
 * that accepts more is info. Schema-level rules are therefore written once as templates with a
 * reader level and a sender level and expanded for the three directions
 * (`response-enum-value-added`, `webhook-enum-value-added`, `request-enum-value-added`).
 */
export type ChangeLevel = "breaking" | "warning" | "info";
export type ChangeDirection = "request" | "response" | "webhook";
export type VersionBump = "major" | "minor" | "patch" | "none";

export interface DiffRule {
  readonly id: string;
  readonly level: ChangeLevel;
  readonly direction: ChangeDirection;
  /** The bump a change of this rule asks for: breaking → major, warning → minor, info → minor (additive) or patch (text only). */
  readonly bump: Exclude<VersionBump, "none">;
  readonly summary: string;
}

/** An info rule's bump: additive (a new operation, property, example…) → minor; text only → patch. */
type InfoBump = "minor" | "patch";

interface Template {
  readonly key: string;
  /** Level when the consumer reads the value (responses, webhook payloads and headers). */
  readonly reader: ChangeLevel;
  /** Level when the consumer sends it (requests). */
  readonly sender: ChangeLevel;
  /** Bump of an info verdict (ignored for breaking and warning). */
  readonly infoBump: InfoBump;
  readonly summary: string;
}

/** Rules about a schema, a parameter, a header, a media type or an example, in any direction. */
const templates: readonly Template[] = [
  { key: "type-widened", reader: "breaking", sender: "info", infoBump: "minor", summary: "A schema accepts more types (a type added, `integer` → `number`, the `type` removed)." },
  { key: "type-narrowed", reader: "info", sender: "breaking", infoBump: "minor", summary: "A schema accepts fewer types." },
  { key: "enum-value-added", reader: "breaking", sender: "info", infoBump: "minor", summary: "A value added to an `enum`." },
  { key: "enum-value-removed", reader: "info", sender: "breaking", infoBump: "minor", summary: "A value removed from an `enum`." },
  { key: "enum-removed", reader: "breaking", sender: "info", infoBump: "minor", summary: "An `enum` removed: any value of the type is now allowed." },
  { key: "enum-added", reader: "info", sender: "breaking", infoBump: "minor", summary: "An `enum` added to a schema that had none." },
  { key: "const-removed", reader: "breaking", sender: "info", infoBump: "minor", summary: "A `const` removed: other values are now allowed." },
  { key: "const-added", reader: "info", sender: "breaking", infoBump: "minor", summary: "A `const` added to a schema that had none." },
  { key: "const-changed", reader: "breaking", sender: "breaking", infoBump: "minor", summary: "A `const` changed to another value." },
  { key: "pattern-removed", reader: "breaking", sender: "info", infoBump: "minor", summary: "A `pattern` removed (looser)." },
  { key: "pattern-added", reader: "info", sender: "breaking", infoBump: "minor", summary: "A `pattern` added (tighter)." },
  { key: "pattern-changed", reader: "breaking", sender: "breaking", infoBump: "minor", summary: "A `pattern` changed: which values it accepts cannot be compared, so it is judged breaking both ways." },
  { key: "format-removed", reader: "breaking", sender: "info", infoBump: "minor", summary: "A `format` removed (looser)." },
  { key: "format-added", reader: "info", sender: "breaking", infoBump: "minor", summary: "A `format` added (tighter)." },
  { key: "format-changed", reader: "breaking", sender: "breaking", infoBump: "minor", summary: "A `format` changed to another one." },
  { key: "bound-loosened", reader: "breaking", sender: "info", infoBump: "minor", summary: "A length, size or range bound loosened or removed (`maxLength` raised, `minimum` lowered…)." },
  { key: "bound-tightened", reader: "info", sender: "breaking", infoBump: "minor", summary: "A length, size or range bound tightened or added." },
  { key: "property-added-optional", reader: "info", sender: "info", infoBump: "minor", summary: "An optional property added (consumers tolerate unknown fields)." },
  { key: "property-added-required", reader: "info", sender: "breaking", infoBump: "minor", summary: "A required property added." },
  { key: "property-removed", reader: "breaking", sender: "warning", infoBump: "minor", summary: "A required property removed (a sender's value is no longer described: it may be ignored)." },
  { key: "optional-property-removed", reader: "warning", sender: "warning", infoBump: "minor", summary: "An optional property removed: readers already handle its absence, but lose what it carried." },
  { key: "property-became-optional", reader: "breaking", sender: "info", infoBump: "minor", summary: "A required property became optional." },
  { key: "property-became-required", reader: "info", sender: "breaking", infoBump: "minor", summary: "An optional property became required." },
  { key: "additional-properties-opened", reader: "info", sender: "info", infoBump: "minor", summary: "`additionalProperties: false` lifted (unknown fields were already tolerated by readers)." },
  { key: "additional-properties-closed", reader: "info", sender: "breaking", infoBump: "minor", summary: "`additionalProperties: false` added: unknown fields are rejected." },
  { key: "branch-added", reader: "breaking", sender: "info", infoBump: "minor", summary: "A `oneOf` / `anyOf` branch added." },
  { key: "branch-removed", reader: "info", sender: "breaking", infoBump: "minor", summary: "A `oneOf` / `anyOf` branch removed." },
  { key: "keyword-changed", reader: "warning", sender: "warning", infoBump: "minor", summary: "Another schema keyword changed (`default`, `multipleOf`, `readOnly`, …): review it." },
  { key: "parameter-added-required", reader: "info", sender: "breaking", infoBump: "minor", summary: "A required parameter or header added." },
  { key: "parameter-added-optional", reader: "info", sender: "info", infoBump: "minor", summary: "An optional parameter or header added." },
  { key: "parameter-removed", reader: "breaking", sender: "warning", infoBump: "minor", summary: "A parameter or header removed." },
  { key: "parameter-became-required", reader: "info", sender: "breaking", infoBump: "minor", summary: "An optional parameter or header became required." },
  { key: "parameter-became-optional", reader: "breaking", sender: "info", infoBump: "minor", summary: "A required parameter or header became optional." },
  { key: "media-type-added", reader: "breaking", sender: "info", infoBump: "minor", summary: "A media type added to a body." },
  { key: "media-type-removed", reader: "info", sender: "breaking", infoBump: "minor", summary: "A media type removed from a body." },
  { key: "example-added", reader: "info", sender: "info", infoBump: "minor", summary: "A named example added." },
  { key: "example-removed", reader: "info", sender: "info", infoBump: "minor", summary: "A named example removed." },
  { key: "example-changed", reader: "info", sender: "info", infoBump: "patch", summary: "An example's value or summary changed." },
  { key: "description-changed", reader: "info", sender: "info", infoBump: "patch", summary: "A description, summary or title changed (text only: never above info)." },
  { key: "extension-changed", reader: "info", sender: "info", infoBump: "patch", summary: "An `x-` extension changed (other than `x-lifecycle`, which has its own rules)." },
];

/** Rules that exist in one direction only (operations, statuses, servers, security, the domain). */
const single: readonly DiffRule[] = [
  { id: "operation-removed", level: "breaking", direction: "request", bump: "major", summary: "An operation (or its whole path) removed." },
  { id: "operation-added", level: "info", direction: "request", bump: "minor", summary: "An operation added." },
  { id: "operation-id-changed", level: "warning", direction: "request", bump: "minor", summary: "An `operationId` changed (generated client method names follow it)." },
  { id: "request-body-became-required", level: "breaking", direction: "request", bump: "major", summary: "A request body added as required, or an optional one became required." },
  { id: "request-body-removed", level: "warning", direction: "request", bump: "minor", summary: "A request body removed: what the consumer sends is no longer described." },
  { id: "security-changed", level: "breaking", direction: "request", bump: "major", summary: "An accepted credential removed or changed (scheme, header, `in`)." },
  { id: "security-alternative-added", level: "info", direction: "request", bump: "minor", summary: "A new accepted credential alternative added." },
  { id: "server-removed", level: "breaking", direction: "request", bump: "major", summary: "A server URL removed or changed." },
  { id: "server-added", level: "info", direction: "request", bump: "minor", summary: "A server URL added." },
  { id: "response-status-added", level: "breaking", direction: "response", bump: "major", summary: "A new response status code: consumers meet a response they do not handle." },
  { id: "response-status-removed", level: "info", direction: "response", bump: "minor", summary: "A response status code removed." },
  { id: "webhook-removed", level: "breaking", direction: "webhook", bump: "major", summary: "A webhook event removed." },
  { id: "webhook-added", level: "warning", direction: "webhook", bump: "minor", summary: "A webhook event added: receivers get an event they do not know." },
  { id: "kyc-status-value-added", level: "breaking", direction: "response", bump: "major", summary: "A new raw KYC status value (breaks every exhaustive `switch` on it)." },
  { id: "kyc-status-unmapped", level: "breaking", direction: "response", bump: "major", summary: "A raw KYC status value with no normalized `kyc.state` in `statusTable` (src/status.ts): `diff` fails on it whatever `--fail-on` says." },
  { id: "kyc-status-value-removed", level: "info", direction: "response", bump: "minor", summary: "A raw KYC status value removed." },
  { id: "lifecycle-transition-from-final-added", level: "breaking", direction: "response", bump: "major", summary: "An `x-lifecycle` transition added out of a final status: consumers stopped polling there." },
  { id: "lifecycle-transition-added", level: "info", direction: "response", bump: "minor", summary: "An `x-lifecycle` transition added between non-final statuses." },
  { id: "lifecycle-transition-removed", level: "info", direction: "response", bump: "minor", summary: "An `x-lifecycle` transition removed." },
  { id: "btc-direct-error-code-removed", level: "breaking", direction: "response", bump: "major", summary: "A BTC Direct ER code removed from the error catalogue." },
  { id: "btc-direct-error-code-moved", level: "breaking", direction: "response", bump: "major", summary: "A BTC Direct ER code moved to another HTTP status (error handling keyed on the status breaks)." },
  { id: "btc-direct-error-code-added", level: "warning", direction: "response", bump: "minor", summary: "A BTC Direct ER code added to the error catalogue." },
  { id: "btc-direct-error-text-changed", level: "info", direction: "response", bump: "patch", summary: "A BTC Direct catalogue message or solution text changed." },
  { id: "document-text-changed", level: "info", direction: "response", bump: "patch", summary: "The document's `info` (title, summary, description, contact…), tags, external docs, top-level `x-` extensions or a server's description changed." },
];

const levelFor = (t: Template, direction: ChangeDirection): ChangeLevel => (direction === "request" ? t.sender : t.reader);
const bumpFor = (level: ChangeLevel, infoBump: InfoBump): DiffRule["bump"] => (level === "breaking" ? "major" : level === "warning" ? "minor" : infoBump);

const directions: readonly ChangeDirection[] = ["response", "webhook", "request"];

/** The schema-level rule keys (templates); the walker emits `${direction}-${key}`. */
export type TemplateKey = (typeof templates)[number]["key"];

/** Every rule, by id. */
export const diffRules: ReadonlyMap<string, DiffRule> = new Map(
  [
    ...templates.flatMap((t) =>
      directions.map((direction): DiffRule => {
        const level = levelFor(t, direction);
        return { id: `${direction}-${t.key}`, level, direction, bump: bumpFor(level, t.infoBump), summary: t.summary };
      }),
    ),
    ...single.map((r): DiffRule => ({ ...r, bump: bumpFor(r.level, r.bump === "patch" ? "patch" : "minor") })),
  ].map((r) => [r.id, r]),
);

/** The rule of an id; throws on an unknown one (a bug in the walker). */
export function ruleOf(id: string): DiffRule {
  const rule = diffRules.get(id);
  if (!rule) throw new Error(`Unknown diff rule "${id}": add it to src/evolution/rules.ts.`);
  return rule;
}

/** Rules that fail `diff` and the release gate whatever `--fail-on` says. */
export const alwaysFailingRules: ReadonlySet<string> = new Set(["kyc-status-unmapped"]);

export const levelRank: Readonly<Record<ChangeLevel, number>> = { info: 1, warning: 2, breaking: 3 };
export const bumpRank: Readonly<Record<VersionBump, number>> = { none: 0, patch: 1, minor: 2, major: 3 };

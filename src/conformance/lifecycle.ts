/**
 * Lifecycle checks: repeated observations of one id (polling in a live run, a HAR file, a proxy
 * session) must follow the transitions the spec allows. The rules live in the spec, as an
 * `x-lifecycle` extension on each provider's status schema:
 *
 * ```yaml
 * x-lifecycle:
 *   property: status        # only when the extension sits on the object carrying the status
 *   checked: false          # the provider's transitions are not constrained (BTC Direct)
 *   transitions:
 *     - { from: pending, to: [verified, failed], source: "where this rule comes from" }
 * ```
 *
 * Seeing the same status again is always allowed; a status with no rule is not constrained.
 */
import type { OpenApiDocument } from "../spec/load.js";
import { escapePointer, resolve, type ResponseInfo } from "../spec/walk.js";
import { isObject } from "../json.js";

export interface TransitionRule {
  from: string;
  to: string[];
  source: string;
}

export interface Lifecycle {
  /** JSON pointer of the status in the success body, e.g. `/data/status`. */
  statusPointer: string;
  /** Where the extension sits in the spec. */
  specPointer: string;
  rules: Map<string, TransitionRule>;
}

export interface LifecycleViolation {
  check: "lifecycle-transition";
  pointer: string;
  expected: string;
  actual: string;
  message: string;
}

type Json = Record<string, unknown>;

/** Reads the `x-lifecycle` rules reachable from a success response's schema; undefined when there are none (or they are not checked). */
export function readLifecycle(spec: OpenApiDocument, response: ResponseInfo): Lifecycle | undefined {
  for (const media of response.media) {
    if (!media.schemaPointer) continue;
    const found = findExtension(spec, media.schemaPointer, "", new Set());
    if (!found) continue;
    const ext = found.extension;
    if (ext.checked === false || !Array.isArray(ext.transitions)) return undefined;
    const rules = new Map<string, TransitionRule>();
    for (const t of ext.transitions) {
      if (!isObject(t) || typeof t.from !== "string" || !Array.isArray(t.to) || typeof t.source !== "string") {
        throw new Error(`${spec.info.title}: x-lifecycle at ${found.specPointer} has a malformed transition (needs from, to[], source).`);
      }
      rules.set(t.from, { from: t.from, to: t.to.filter((s): s is string => typeof s === "string"), source: t.source });
    }
    const statusPointer = typeof ext.property === "string" ? `${found.instancePointer}/${escapePointer(ext.property)}` : found.instancePointer;
    return { statusPointer, specPointer: found.specPointer, rules };
  }
  return undefined;
}

/** Depth-first search for the schema node carrying `x-lifecycle`, tracking where it sits in a body. */
function findExtension(spec: OpenApiDocument, schemaPointer: string, instancePointer: string, seen: Set<string>): { extension: Json; specPointer: string; instancePointer: string } | undefined {
  const { value, pointer } = resolve(spec, schemaPointer);
  if (!isObject(value) || seen.has(pointer)) return undefined;
  seen.add(pointer);
  if (isObject(value["x-lifecycle"])) return { extension: value["x-lifecycle"], specPointer: `${pointer}/x-lifecycle`, instancePointer };
  if (isObject(value.properties)) {
    for (const name of Object.keys(value.properties)) {
      const found = findExtension(spec, `${pointer}/properties/${escapePointer(name)}`, `${instancePointer}/${escapePointer(name)}`, seen);
      if (found) return found;
    }
  }
  for (const keyword of ["oneOf", "anyOf", "allOf"]) {
    const list = value[keyword];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const found = findExtension(spec, `${pointer}/${keyword}/${i}`, instancePointer, seen);
      if (found) return found;
    }
  }
  return undefined;
}

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const token of pointer.slice(1).split("/")) node = isObject(node) ? node[token.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return node;
}

export interface LifecycleTracker {
  /**
   * Records one observed success body of `subject` (e.g. `GET /api/kyc/status/{verificationId}`
   * + the id) and returns a violation when its status may not follow the previous one.
   */
  observe(subject: string, lifecycle: Lifecycle, body: unknown, label: string): LifecycleViolation | undefined;
  /** Subjects forgotten so far to stay within the limit. */
  readonly forgotten: number;
}

/** Ids remembered per checker by default: about 20 MB of state at most, far more ids than a test environment polls at once. */
export const DEFAULT_LIFECYCLE_IDS = 100_000;

/** Remembers the last status of at most `limit` subjects, forgetting the least recently seen (a Map keeps insertion order: re-inserting on each observation makes it an LRU). */
export function createLifecycleTracker(limit = DEFAULT_LIFECYCLE_IDS): LifecycleTracker {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`lifecycle id limit must be a positive whole number, not ${limit}`);
  const last = new Map<string, { status: string; label: string }>();
  let forgotten = 0;
  return {
    get forgotten() {
      return forgotten;
    },
    observe(subject, lifecycle, body, label) {
      const status = valueAt(body, lifecycle.statusPointer);
      if (typeof status !== "string") return undefined;
      const previous = last.get(subject);
      if (previous) last.delete(subject);
      else if (last.size >= limit) {
        last.delete(last.keys().next().value!);
        forgotten++;
      }
      last.set(subject, { status, label });
      if (!previous || previous.status === status) return undefined;
      const rule = lifecycle.rules.get(previous.status);
      if (!rule || rule.to.includes(status)) return undefined;
      return {
        check: "lifecycle-transition",
        pointer: lifecycle.statusPointer,
        expected: rule.to.length === 0 ? `${previous.status} (final: no status may follow it)` : `${previous.status} or one of ${JSON.stringify(rule.to)}`,
        actual: JSON.stringify(status),
        message: `${subject} went from ${previous.status} (${previous.label}) to ${status} (${label}), which the spec does not allow. Rule (${lifecycle.specPointer}): ${rule.source}`,
      };
    },
  };
}

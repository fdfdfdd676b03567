/**
 * The KYC domain rules of the diff: raw status values (and whether `statusTable` maps each to a
 * normalized `kyc.state`), `x-lifecycle` transitions, and the BTC Direct error catalogue.
 */
import { isObject, type JsonObject } from "../json.js";
import { readBtcDirectCatalogue } from "../spec/btc-direct-catalogue.js";
import type { ProviderSlug } from "../providers.js";
import type { ChangeSink } from "./diff.js";
import { reachingResponses, responsesReaching, type ReachingResponse } from "./operations.js";
import { child, deref, type Located } from "./schema-diff.js";

interface LifecycleSite {
  /** The schema carrying `x-lifecycle`. */
  at: Located;
  extension: JsonObject;
}

/** Every `x-lifecycle` in a document (a bundle has each once, under components; an inlined document may repeat it). */
function lifecycleSites(doc: JsonObject): LifecycleSite[] {
  const out: LifecycleSite[] = [];
  const visit = (at: Located, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(at.node)) at.node.forEach((_, i) => visit(child(at, i), depth + 1));
    if (!isObject(at.node)) return;
    if (isObject(at.node["x-lifecycle"])) out.push({ at, extension: at.node["x-lifecycle"] });
    for (const key of Object.keys(at.node)) if (key !== "x-lifecycle" && key !== "examples" && key !== "example") visit(child(at, key), depth + 1);
  };
  visit({ node: doc, pointer: "" }, 0);
  return out;
}

/** `from → to[]` of every transition, merged over the sites, with the pointer of each site's entry for `from`. */
function transitions(sites: readonly LifecycleSite[]): Map<string, { to: Set<string>; pointers: string[] }> {
  const out = new Map<string, { to: Set<string>; pointers: string[] }>();
  for (const site of sites) {
    const list = site.extension.transitions;
    if (!Array.isArray(list)) continue;
    list.forEach((t, i) => {
      if (!isObject(t) || typeof t.from !== "string") return;
      const entry = out.get(t.from) ?? { to: new Set<string>(), pointers: [] };
      entry.pointers.push(`${site.at.pointer}/x-lifecycle/transitions/${i}`);
      for (const s of Array.isArray(t.to) ? t.to : []) if (typeof s === "string") entry.to.add(s);
      out.set(t.from, entry);
    });
  }
  return out;
}

interface StatusValues {
  /** False when some branch leaves the status an open string. */
  closed: boolean;
  /** Value → the pointers of the enums and consts that allow it (one per site or branch). */
  values: Map<string, string[]>;
}

/** The raw status values the lifecycle sites allow. */
function statusValues(doc: JsonObject, sites: readonly LifecycleSite[]): StatusValues {
  const result: StatusValues = { closed: sites.length > 0, values: new Map() };
  const seen = new Set<string>();
  const collect = (raw: Located, property: string | undefined, depth: number): void => {
    const at = deref(doc, raw);
    if (!isObject(at.node) || depth > 32 || seen.has(`${at.pointer}|${property ?? ""}`)) return;
    seen.add(`${at.pointer}|${property ?? ""}`);
    const node = at.node;
    let found = false;
    for (const keyword of ["oneOf", "anyOf", "allOf"]) {
      if (!Array.isArray(node[keyword])) continue;
      found = true;
      (node[keyword] as unknown[]).forEach((_, i) => collect(child(at, keyword, i), property, depth + 1));
    }
    if (property !== undefined) {
      if (isObject(node.properties) && node.properties[property] !== undefined) collect(child(at, "properties", property), undefined, depth + 1);
      else if (!found && isObject(node.properties)) result.closed = false;
      return;
    }
    const allow = (value: string, pointer: string): void => void result.values.set(value, [...(result.values.get(value) ?? []), pointer]);
    if (Array.isArray(node.enum)) {
      for (const v of node.enum) if (typeof v === "string") allow(v, `${at.pointer}/enum`);
    } else if (typeof node.const === "string") allow(node.const, `${at.pointer}/const`);
    else if (!found) result.closed = false;
  };
  for (const site of sites) collect(site.at, typeof site.extension.property === "string" ? site.extension.property : undefined, 0);
  return result;
}

/**
 * Where a domain change is: `GET /api/kyc/status/{verificationId} 200 → kyc status "expired"`,
 * the response (spelled as the response rules spell it) whose content reaches the changed node,
 * then what changed in it. A node in a component several responses use gives one change per
 * response, not one change listing them, as the schema rules do for a shared schema: the domain
 * change sits next to the schema rule's change of the same response, each has its own
 * fingerprint, and a change reviewed for one operation is reported again for an operation that
 * starts using the component later. A node no response reaches (a component nothing uses) is
 * reported once, as `what` alone.
 */
function places(responses: readonly ReachingResponse[], pointers: readonly string[], what: string): { where: string; pointer: string }[] {
  const out = new Map<string, string>();
  for (const pointer of pointers) {
    const reaching = responsesReaching(responses, pointer);
    for (const where of reaching.length > 0 ? reaching.map((r) => `${r} → ${what}`) : [what]) if (!out.has(where)) out.set(where, pointer);
  }
  return [...out].map(([where, pointer]) => ({ where, pointer }));
}

/** Reports a domain change once per place (see `places`). */
type DomainEmit = (id: string, pointers: readonly string[], what: string, message: string, value: unknown) => void;

/** Reports changes located in `doc` (the new document, or the old one for removals); its responses are walked once, on the first change. */
function domainEmitter(sink: ChangeSink, doc: JsonObject): DomainEmit {
  let responses: ReachingResponse[] | undefined;
  return (id, pointers, what, message, value) => {
    responses ??= reachingResponses(doc);
    for (const { where, pointer } of places(responses, pointers, what)) sink.add(id, where, pointer, message, value);
  };
}

export function compareDomain(sink: ChangeSink, o: JsonObject, n: JsonObject, provider: ProviderSlug, table: Readonly<Record<string, string>>): void {
  const inOld = domainEmitter(sink, o);
  const inNew = domainEmitter(sink, n);
  const oldSites = lifecycleSites(o);
  const newSites = lifecycleSites(n);
  const before = statusValues(o, oldSites);
  const now = statusValues(n, newSites);
  if (now.closed) {
    for (const [value, pointers] of now.values) {
      if (before.values.has(value)) continue;
      const what = `kyc status "${value}"`;
      if (before.closed) inNew("kyc-status-value-added", pointers, what, `New raw KYC status "${value}": exhaustive switches over the status break.`, value);
      if (!Object.hasOwn(table, value)) {
        inNew("kyc-status-unmapped", pointers, what, `Raw KYC status "${value}" has no normalized kyc.state: add it to statusTable["${provider}"] in src/status.ts.`, value);
      }
    }
  }
  if (before.closed) {
    for (const [value, pointers] of before.values) if (!now.values.has(value)) inOld("kyc-status-value-removed", pointers, `kyc status "${value}"`, `Raw KYC status "${value}" removed.`, value);
  }

  const ot = transitions(oldSites);
  const nt = transitions(newSites);
  for (const [from, { to, pointers }] of nt) {
    const old = ot.get(from);
    for (const target of to) {
      if (old?.to.has(target)) continue;
      const final = old?.to.size === 0;
      inNew(
        final ? "lifecycle-transition-from-final-added" : "lifecycle-transition-added",
        pointers,
        `kyc status "${from}" → "${target}"`,
        final ? `Status "${from}" was final and now moves to "${target}": consumers that stopped polling at "${from}" miss it.` : `Transition ${from} → ${target} added.`,
        [from, target],
      );
    }
  }
  for (const [from, { to, pointers }] of ot) {
    for (const target of to) if (!nt.get(from)?.to.has(target)) inOld("lifecycle-transition-removed", pointers, `kyc status "${from}" → "${target}"`, `Transition ${from} → ${target} removed.`, [from, target]);
  }

  if (provider === "btc-direct") compareCatalogues(inOld, inNew, o, n);
}

/**
 * The catalogue's codes, each named by the error responses whose named examples carry it
 * (`GET /api/v2/user/verification-status 400 → error ER707`): the reader gives each code the
 * pointer of its example, and the responses reaching that example are found as for the status.
 */
function compareCatalogues(inOld: DomainEmit, inNew: DomainEmit, o: JsonObject, n: JsonObject): void {
  const before = readBtcDirectCatalogue(o);
  const now = readBtcDirectCatalogue(n);
  for (const entry of now.entries) {
    const what = `error ${entry.code}`;
    const pointer = now.pointers.get(entry.code) ?? "";
    const old = before.entries.find((e) => e.code === entry.code);
    if (!old) {
      inNew("btc-direct-error-code-added", [pointer], what, `${entry.code} added (HTTP ${entry.httpStatus}).`, entry.code);
      continue;
    }
    if (old.httpStatus !== entry.httpStatus) {
      inNew("btc-direct-error-code-moved", [pointer], what, `${entry.code} moved from HTTP ${old.httpStatus} to ${entry.httpStatus}: error handling keyed on the status breaks.`, [old.httpStatus, entry.httpStatus]);
    }
    for (const field of ["message", "solution"] as const) {
      if (old[field] !== entry[field]) inNew("btc-direct-error-text-changed", [`${pointer}/value/errors/${entry.code}/${field}`], what, `${entry.code}'s ${field} changed.`, entry[field]);
    }
  }
  for (const entry of before.entries) {
    if (!now.entries.some((e) => e.code === entry.code)) {
      inOld("btc-direct-error-code-removed", [before.pointers.get(entry.code) ?? ""], `error ${entry.code}`, `${entry.code} removed from the catalogue.`, entry.code);
    }
  }
}

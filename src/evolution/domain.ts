/**
 * The KYC domain rules of the diff: raw status values (and whether `statusTable` maps each to a
 * normalized `kyc.state`), `x-lifecycle` transitions, and the BTC Direct error catalogue.
 */
import { isObject, type JsonObject } from "../json.js";
import { readBtcDirectCatalogue } from "../spec/btc-direct-catalogue.js";
import type { ProviderSlug } from "../providers.js";
import type { ChangeSink } from "./diff.js";
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

/** `from → to[]` of every transition, merged over the sites. */
function transitions(sites: readonly LifecycleSite[]): Map<string, { to: Set<string>; pointer: string }> {
  const out = new Map<string, { to: Set<string>; pointer: string }>();
  for (const site of sites) {
    const list = site.extension.transitions;
    if (!Array.isArray(list)) continue;
    list.forEach((t, i) => {
      if (!isObject(t) || typeof t.from !== "string") return;
      const entry = out.get(t.from) ?? { to: new Set<string>(), pointer: `${site.at.pointer}/x-lifecycle/transitions/${i}` };
      for (const s of Array.isArray(t.to) ? t.to : []) if (typeof s === "string") entry.to.add(s);
      out.set(t.from, entry);
    });
  }
  return out;
}

interface StatusValues {
  /** False when some branch leaves the status an open string. */
  closed: boolean;
  values: Map<string, string>;
}

/** The raw status values a lifecycle site allows (value → pointer of its enum or const). */
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
    if (Array.isArray(node.enum)) {
      for (const v of node.enum) if (typeof v === "string") result.values.set(v, `${at.pointer}/enum`);
    } else if (typeof node.const === "string") result.values.set(node.const, `${at.pointer}/const`);
    else if (!found) result.closed = false;
  };
  for (const site of sites) collect(site.at, typeof site.extension.property === "string" ? site.extension.property : undefined, 0);
  return result;
}

export function compareDomain(sink: ChangeSink, o: JsonObject, n: JsonObject, provider: ProviderSlug, table: Readonly<Record<string, string>>): void {
  const oldSites = lifecycleSites(o);
  const newSites = lifecycleSites(n);
  const before = statusValues(o, oldSites);
  const now = statusValues(n, newSites);
  if (now.closed) {
    for (const [value, pointer] of now.values) {
      if (before.values.has(value)) continue;
      if (before.closed) sink.add("kyc-status-value-added", "kyc status", pointer, `New raw KYC status "${value}": exhaustive switches over the status break.`, value);
      if (!Object.hasOwn(table, value)) {
        sink.add("kyc-status-unmapped", "kyc status", pointer, `Raw KYC status "${value}" has no normalized kyc.state: add it to statusTable["${provider}"] in src/status.ts.`, value);
      }
    }
  }
  if (before.closed) {
    for (const [value, pointer] of before.values) if (!now.values.has(value)) sink.add("kyc-status-value-removed", "kyc status", pointer, `Raw KYC status "${value}" removed.`, value);
  }

  const ot = transitions(oldSites);
  const nt = transitions(newSites);
  for (const [from, { to, pointer }] of nt) {
    const old = ot.get(from);
    for (const target of to) {
      if (old?.to.has(target)) continue;
      const final = old?.to.size === 0;
      sink.add(
        final ? "lifecycle-transition-from-final-added" : "lifecycle-transition-added",
        `lifecycle ${from} → ${target}`,
        pointer,
        final ? `Status "${from}" was final and now moves to "${target}": consumers that stopped polling at "${from}" miss it.` : `Transition ${from} → ${target} added.`,
        [from, target],
      );
    }
  }
  for (const [from, { to, pointer }] of ot) {
    for (const target of to) if (!nt.get(from)?.to.has(target)) sink.add("lifecycle-transition-removed", `lifecycle ${from} → ${target}`, pointer, `Transition ${from} → ${target} removed.`, [from, target]);
  }

  if (provider === "btc-direct") compareCatalogues(sink, o, n);
}

function compareCatalogues(sink: ChangeSink, o: JsonObject, n: JsonObject): void {
  const before = readBtcDirectCatalogue(o);
  const now = readBtcDirectCatalogue(n);
  for (const entry of now.entries) {
    const where = `error catalogue ${entry.code}`;
    const pointer = now.pointers.get(entry.code) ?? "";
    const old = before.entries.find((e) => e.code === entry.code);
    if (!old) {
      sink.add("btc-direct-error-code-added", where, pointer, `${entry.code} added (HTTP ${entry.httpStatus}).`, entry.code);
      continue;
    }
    if (old.httpStatus !== entry.httpStatus) {
      sink.add("btc-direct-error-code-moved", where, pointer, `${entry.code} moved from HTTP ${old.httpStatus} to ${entry.httpStatus}: error handling keyed on the status breaks.`, [old.httpStatus, entry.httpStatus]);
    }
    for (const field of ["message", "solution"] as const) {
      if (old[field] !== entry[field]) sink.add("btc-direct-error-text-changed", where, `${pointer}/value/errors/${entry.code}/${field}`, `${entry.code}'s ${field} changed.`, entry[field]);
    }
  }
  for (const entry of before.entries) {
    if (!now.entries.some((e) => e.code === entry.code)) {
      sink.add("btc-direct-error-code-removed", `error catalogue ${entry.code}`, before.pointers.get(entry.code) ?? "", `${entry.code} removed from the catalogue.`, entry.code);
    }
  }
}

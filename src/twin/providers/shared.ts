/** What the provider twins share: reading credentials from headers, request ids, signed URLs, the status a body carries. */
import { isObject } from "../../json.js";
import type { ProviderSlug } from "../../providers.js";
import type { SpecView } from "../spec-view.js";

/** Where a 200 body carries the KYC status a record sets, per provider whose records set one (a BTC Direct record names its example instead). */
const BODY_STATUS: Readonly<Partial<Record<ProviderSlug, (body: unknown) => unknown>>> = {
  proof: (v) => (isObject(v) ? v.status : undefined),
  "nyota-imara": (v) => (isObject(v) && isObject(v.data) ? v.data.status : undefined),
  myaza: (v) => (isObject(v) ? v.status : undefined),
};

/** Whether records of this provider set a status (answered with the 200 example carrying it). */
export const recordsSetStatus = (slug: ProviderSlug): boolean => BODY_STATUS[slug] !== undefined;

/**
 * The name of the first 200 example of `view` whose body carries `status` (and satisfies `also`,
 * when given): the body a twin serves for a record with that status. Undefined when the spec has
 * none, or records of this provider set no status.
 */
export function statusExample(view: SpecView, status: string, also: (body: unknown) => boolean = () => true): string | undefined {
  const statusOf = BODY_STATUS[view.slug];
  return statusOf ? view.findExample(200, (v) => statusOf(v) === status && also(v)) : undefined;
}

/** The token of `Authorization: Bearer <token>`, or undefined when the header is absent or not a bearer credential. */
export function bearerToken(header: string | null): string | undefined {
  if (header === null) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}

/** Hex of `bytes` random bytes (Web Crypto). */
function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  let out = "";
  for (const b of buffer) out += b.toString(16).padStart(2, "0");
  return out;
}

/** Ids shaped like `example` (its prefix up to the last `_`, then hex of the same length), unique per twin. */
export function idSequence(example: string | undefined): () => string {
  const sample = example ?? "req_0000000000000000";
  const cut = sample.lastIndexOf("_") + 1;
  const width = Math.max(sample.length - cut, 8);
  let next = Number.parseInt(randomHex(4), 16);
  return () => `${sample.slice(0, cut)}${(next++).toString(16).padStart(width, "0").slice(-width)}`;
}

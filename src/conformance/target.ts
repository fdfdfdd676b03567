/**
 * What a conformance run talks to, and with which credentials. Live targets take credentials and
 * known ids from environment variables only (never flags); mock targets use stand-in values,
 * since a Prism mock checks that credentials are present, not what they are; twin targets use
 * the twins' built-in fixtures (real credentials and records of the twin).
 *
 * How credentials become headers is read from the spec's security schemes; this module only
 * names the environment variables for them.
 */
import { randomInt } from "node:crypto";
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { listParameters, parameterExample } from "../spec/parameters.js";
import type { Operation } from "../spec/walk.js";
import { DEFAULT_CONFORMANCE } from "../twin/defaults.js";

export type TargetKind = "mock" | "live" | "twin";

export interface ProviderTargetConfig {
  /** Security scheme name (as in the spec) → the environment variable holding its value. */
  credentials: Readonly<Record<string, string>>;
  /**
   * What identifies the subject of the call: a path parameter (its value from an environment
   * variable) or, for BTC Direct, a credential scheme (the `User-Identifier` header).
   */
  subject: { in: "path"; env: string } | { in: "credential"; scheme: string };
  /** Statuses that mean "unknown subject" for this provider. */
  notFoundStatuses: readonly number[];
  /** Why, when it is not just 404. */
  notFoundNote?: string;
}

export const targetConfig: Readonly<Record<ProviderSlug, ProviderTargetConfig>> = {
  proof: { credentials: { clientToken: "PROOF_CLIENT_TOKEN" }, subject: { in: "path", env: "PROOF_USER_ID" }, notFoundStatuses: [404] },
  "btc-direct": {
    credentials: { apiKey: "BTC_DIRECT_API_KEY", userIdentifier: "BTC_DIRECT_USER_IDENTIFIER" },
    subject: { in: "credential", scheme: "userIdentifier" },
    notFoundStatuses: [404],
    notFoundNote: "an identifier not linked to a user is ER705 (404 in the spec)",
  },
  "nyota-imara": {
    credentials: { bearerJwt: "NYOTA_IMARA_TOKEN" },
    subject: { in: "path", env: "NYOTA_IMARA_USER_ID" },
    notFoundStatuses: [403, 404],
    notFoundNote: "a caller without the identity:user:read policy gets 403 for any other user",
  },
  myaza: { credentials: { apiKey: "MYAZA_API_KEY" }, subject: { in: "path", env: "MYAZA_VERIFICATION_ID" }, notFoundStatuses: [404] },
};

/** The environment variables a live run of this provider needs. */
export function requiredEnv(slug: ProviderSlug): string[] {
  const config = targetConfig[slug];
  return [...Object.values(config.credentials), ...(config.subject.in === "path" ? [config.subject.env] : [])];
}

export type EnvCheck = { ok: true } | { ok: false; missing: string[] };

export function checkLiveEnv(slugs: readonly ProviderSlug[], env: Readonly<Record<string, string | undefined>>): EnvCheck {
  const missing = [...new Set(slugs.flatMap(requiredEnv))].filter((name) => !env[name]);
  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}

/** Resolved values for one provider: credential values by scheme, and the subject id for the path. */
export interface TargetValues {
  credentials: Record<string, string>;
  /** The known id for the path parameter (undefined when the subject is a credential). */
  subjectId: string | undefined;
  /** Every value to scrub from output. */
  secrets: string[];
}

/** A stand-in credential for mock targets: shaped like the real thing (alphanumeric, 40 chars). */
const MOCK_CREDENTIAL = "kycconformance0mock0credential0000000000";

export function resolveValues(slug: ProviderSlug, kind: TargetKind, env: Readonly<Record<string, string | undefined>>, spec: OpenApiDocument, op: Operation): TargetValues {
  const config = targetConfig[slug];
  if (kind === "twin") {
    const twin = DEFAULT_CONFORMANCE[slug];
    return { credentials: { ...twin.credentials }, subjectId: config.subject.in === "path" ? twin.subjectId : undefined, secrets: [] };
  }
  const credentials: Record<string, string> = {};
  for (const [scheme, variable] of Object.entries(config.credentials)) {
    const value = kind === "live" ? env[variable] : MOCK_CREDENTIAL;
    if (!value) throw new Error(`${variable} is not set: a live conformance run of ${slug} needs it (bug: the CLI checks this first).`);
    credentials[scheme] = value;
  }
  let subjectId: string | undefined;
  if (config.subject.in === "path") {
    subjectId = kind === "live" ? env[config.subject.env] : pathParameterExample(spec, op);
    if (!subjectId) throw new Error(`${config.subject.env} is not set: a live conformance run of ${slug} needs it.`);
  }
  const secrets = kind === "live" ? [...Object.values(credentials), ...(subjectId ? [subjectId] : [])] : [];
  return { credentials, subjectId, secrets };
}

/** The documented example of the operation's (one) path parameter: the known id of a mock run. */
function pathParameterExample(spec: OpenApiDocument, op: Operation): string | undefined {
  const param = listParameters(spec, op).find((p) => p.in === "path");
  return param && parameterExample(spec, param);
}

const ALNUM = "ABCDEFGHJKMNPQRSTVWXYZ0123456789abcdefghjkmnpqrstvwxyz";

/** Same shape as `value` (prefix up to the last `_` kept, same length), different content. */
export function lookalike(value: string): string {
  const cut = value.lastIndexOf("_") + 1;
  const tail = Math.max(value.length - cut, 26);
  let out = value.slice(0, cut);
  for (let i = 0; i < tail; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out === value ? lookalike(value) : out;
}

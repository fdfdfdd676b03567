/**
 * What `kyc-contracts mock --engine twin` prints about the fixtures in force: an example request
 * per provider with real twin credentials, and the credentials and records, one line each.
 */
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { credentialHeaders } from "../spec/security.js";
import type { ExampleRequest } from "../mock/example-request.js";
import type { AnyTwinRecord, TwinFixtureMap } from "./fixtures.js";
import { specView } from "./spec-view.js";

/** Credentials by security scheme and the subject, for a request that gets a 2xx (undefined when the fixtures allow none). */
function exampleCall(slug: ProviderSlug, fixtures: TwinFixtureMap): { credentials: Record<string, string>; id: string } | undefined {
  if (slug === "proof") {
    const f = fixtures.proof;
    const id = Object.keys(f.records)[0];
    return f.tokens[0] !== undefined && id !== undefined ? { credentials: { clientToken: f.tokens[0] }, id } : undefined;
  }
  if (slug === "btc-direct") {
    const f = fixtures["btc-direct"];
    const id = Object.keys(f.records)[0];
    if (id === undefined) return undefined;
    if (f.apiKeys[0] !== undefined) return { credentials: { apiKey: f.apiKeys[0], userIdentifier: id }, id };
    const token = Object.entries(f.partnerTokens ?? {}).find(([, t]) => !t.expired)?.[0];
    return token === undefined ? undefined : { credentials: { partnerToken: token, userIdentifier: id }, id };
  }
  if (slug === "nyota-imara") {
    const f = fixtures["nyota-imara"];
    const [token, t] = Object.entries(f.tokens).find(([, t]) => !t.expired && t.user in f.records) ?? [];
    return token === undefined || t === undefined ? undefined : { credentials: { bearerJwt: token }, id: "me" };
  }
  const f = fixtures.myaza;
  for (const [key, organization] of Object.entries(f.keys)) {
    const id = Object.entries(f.records).find(([, r]) => r.organization === organization)?.[0];
    if (id !== undefined) return { credentials: { apiKey: key }, id };
  }
  return undefined;
}

/** A request the twin serving `spec` (default: the bundled one) answers with a 2xx under these fixtures (credentials included: they are the twin's). */
export function twinExampleRequest(slug: ProviderSlug, fixtures: TwinFixtureMap, spec?: OpenApiDocument): ExampleRequest | undefined {
  const call = exampleCall(slug, fixtures);
  if (!call) return undefined;
  const { doc, operation } = specView(slug, spec);
  const path = operation.path.replace(/\{[^}]+\}/, encodeURIComponent(call.id));
  return { method: operation.method.toUpperCase(), path: operation.path.includes("{") ? path : operation.path, headers: credentialHeaders(doc, operation, call.credentials) };
}

function describeRecord(slug: ProviderSlug, record: AnyTwinRecord): string {
  const r = record as Record<string, unknown>;
  const state = (x: Record<string, unknown>): string => {
    if (slug === "btc-direct") return typeof x.example === "string" ? `example ${x.example}` : `${Array.isArray(x.requirements) ? x.requirements.length : 0} requirement(s)`;
    return [x.status, x.reasonCode].filter((v) => typeof v === "string").join(" / ");
  };
  const steps = ((r.then as Record<string, unknown>[] | undefined) ?? []).map((s) => `→ ${state({ ...r, ...s })} ${s.afterCalls !== undefined ? `after ${JSON.stringify(s.afterCalls)} call(s)` : `after ${JSON.stringify(s.afterMs)} ms`}`);
  const owner = slug === "myaza" ? ` (${String(r.organization)})` : "";
  const faults = Array.isArray(r.faults) && r.faults.length > 0 ? ` [${r.faults.length} fault(s)]` : "";
  const endpoints = (r.webhooks as { endpoints?: unknown[] } | undefined)?.endpoints;
  const webhooks = endpoints ? ` [webhooks to ${endpoints.length} endpoint(s)]` : "";
  return [state(r) + owner, ...steps].join(" ") + faults + webhooks;
}

/** Lines listing a provider's credentials and records (at most `limit` records). */
export function describeFixtures(slug: ProviderSlug, fixtures: TwinFixtureMap, limit = 20): string[] {
  const lines: string[] = [];
  if (slug === "proof") lines.push(`client tokens: ${fixtures.proof.tokens.join(", ") || "(none)"}`);
  if (slug === "btc-direct") {
    const f = fixtures["btc-direct"];
    lines.push(`X-Api-Key: ${f.apiKeys.join(", ") || "(none)"}`);
    const tokens = (m: Record<string, { expired?: boolean; user?: string }> | undefined): string =>
      Object.entries(m ?? {})
        .map(([t, v]) => `${t}${v.user ? ` (user ${v.user})` : ""}${v.expired ? " (expired)" : ""}`)
        .join(", ") || "(none)";
    lines.push(`partner tokens: ${tokens(f.partnerTokens)}`, `user tokens: ${tokens(f.userTokens)}`);
  }
  if (slug === "nyota-imara") {
    lines.push(
      `tokens: ${Object.entries(fixtures["nyota-imara"].tokens)
        .map(([t, v]) => `${t} (user ${v.user}${v.readOthers ? ", may read others" : ""}${v.expired ? ", expired" : ""})`)
        .join(", ")}`,
    );
  }
  if (slug === "myaza") {
    const f = fixtures.myaza;
    lines.push(`keys: ${Object.entries(f.keys).map(([k, org]) => `${k} (${org})`).join(", ")}`);
    if (f.rateLimit) lines.push(`rate limit: ${f.rateLimit.limit} per ${f.rateLimit.windowMs} ms per key`);
  }
  const records = Object.entries(fixtures[slug].records as Record<string, AnyTwinRecord>);
  const width = Math.max(0, ...records.slice(0, limit).map(([id]) => id.length));
  for (const [id, record] of records.slice(0, limit)) lines.push(`${id.padEnd(width)}  ${describeRecord(slug, record)}`);
  if (records.length > limit) lines.push(`… and ${records.length - limit} more record(s)`);
  return lines;
}

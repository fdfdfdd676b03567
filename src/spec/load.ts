/**
 * The four bundled specs, as data: `generated/<slug>-spec.ts` is written by `npm run generate`
 * from the same Redocly bundle that `npm run bundle` writes to dist/specs/<slug>.yaml (a test
 * keeps the two equal), so reading a spec needs no YAML parser and no file system, and works in
 * any runtime.
 */
import proof from "../../generated/proof-spec.js";
import btcDirect from "../../generated/btc-direct-spec.js";
import nyotaImara from "../../generated/nyota-imara-spec.js";
import myaza from "../../generated/myaza-spec.js";
import { isProviderSlug, providerSlugs, type ProviderSlug } from "../providers.js";

/** A parsed OpenAPI 3.1 document (bundled: every `$ref` is internal, `#/components/...`). */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const documents: Readonly<Record<ProviderSlug, OpenApiDocument>> = {
  proof,
  "btc-direct": btcDirect,
  "nyota-imara": nyotaImara,
  myaza,
};

/** The bundled spec of a provider (the same object on every call: treat it as read-only). */
export function specDocument(slug: ProviderSlug): OpenApiDocument {
  if (!isProviderSlug(slug)) throw new TypeError(`Unknown provider "${String(slug)}": use one of ${providerSlugs.join(", ")}.`);
  return documents[slug];
}

/** Loads the bundled spec of a provider. Kept asynchronous for callers written against the file-reading version. */
export function loadSpec(slug: ProviderSlug): Promise<OpenApiDocument> {
  try {
    return Promise.resolve(specDocument(slug));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

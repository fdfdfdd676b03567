import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { parse } from "yaml";
import type { ProviderSlug } from "../providers.js";
import { bundledSpecPath } from "./paths.js";

/** A parsed OpenAPI 3.1 document (bundled: every `$ref` is internal, `#/components/...`). */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const cache = new Map<ProviderSlug, Promise<OpenApiDocument>>();

/** Loads the bundled spec of a provider (cached per process). */
export function loadSpec(slug: ProviderSlug): Promise<OpenApiDocument> {
  let loaded = cache.get(slug);
  if (!loaded) {
    loaded = readBundled(slug);
    cache.set(slug, loaded);
    loaded.catch(() => cache.delete(slug));
  }
  return loaded;
}

async function readBundled(slug: ProviderSlug): Promise<OpenApiDocument> {
  const file = bundledSpecPath(slug);
  if (!existsSync(file)) {
    throw new Error(`The bundled ${slug} spec is missing (${file}). Run \`npm run bundle\` (or \`npm run build\`) first.`);
  }
  const doc = parse(await readFile(file, "utf8")) as OpenApiDocument;
  if (typeof doc?.openapi !== "string" || !doc.openapi.startsWith("3.1")) {
    throw new Error(`${file} is not an OpenAPI 3.1 document. Run \`npm run bundle\` again.`);
  }
  return doc;
}

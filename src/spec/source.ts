/**
 * Specs read from disk at run time: a split source tree (`<slug>/openapi.yaml` with `$ref`s to
 * `paths/`, `components/`, `webhooks/` files, like this package's `openapi/`) or a single-file
 * bundle, turned into the same bundled document `npm run generate` writes to
 * `generated/<slug>-spec.ts`: every `$ref` internal (`#/components/<section>/<Name>`).
 *
 * This is what `--specs DIR` and `kyc-contracts diff` read, so a team checks traffic against the
 * spec it is editing without Redocly (an optional tool) installed. The rules follow Redocly's
 * bundler for this layout: a file that the root's `components` index names becomes that
 * component; any other file under `components/<section>/` becomes `<section>/<file stem>`;
 * every other file (paths, webhooks) is inlined where it is referenced.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { isObject, type JsonObject } from "../json.js";
import { isProviderSlug, providerSlugs, type ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "./load.js";


/** A spec read from disk, bundled. */
export interface SpecSource {
  provider: ProviderSlug;
  /** The file it was read from (its root, for split sources). */
  file: string;
  document: OpenApiDocument;
  /** Every file read to build it, root first. */
  files: string[];
}

const componentSections = new Set(["schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems"]);

/** Where the root file is, for messages: "openapi/myaza/openapi.yaml", not an absolute path, when under the working directory. */
const shown = (file: string): string => {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
};

const escapeToken = (token: string): string => token.replaceAll("~", "~0").replaceAll("/", "~1");
const unescapeToken = (token: string): string => token.replaceAll("~1", "/").replaceAll("~0", "~");

function atPointer(value: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  if (pointer === "" || pointer === "/") return { found: true, value };
  let current = value;
  for (const raw of pointer.replace(/^\//, "").split("/")) {
    const token = unescapeToken(decodeURIComponent(raw));
    if (Array.isArray(current) && /^\d+$/.test(token) && Number(token) < current.length) current = current[Number(token)];
    else if (isObject(current) && Object.hasOwn(current, token)) current = current[token];
    else return { found: false };
  }
  return { found: true, value: current };
}

class BundleError extends Error {}

/** Bundles a root file: reads it and every file it references (once each). */
class Bundler {
  private readonly cache = new Map<string, unknown>();
  /** "absolute file#pointer" → internal ref of the component it became. */
  private readonly named = new Map<string, string>();
  private readonly components: Record<string, JsonObject> = {};
  /** Components being bundled right now (a schema may refer to itself through its name). */
  private readonly filling = new Set<string>();
  readonly files: string[] = [];

  constructor(private readonly rootFile: string) {}

  private async read(file: string): Promise<unknown> {
    if (this.cache.has(file)) return this.cache.get(file);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new BundleError(code === "ENOENT" ? `${shown(file)} does not exist` : `cannot read ${shown(file)} (${code ?? (error as Error).message})`);
    }
    let value: unknown;
    try {
      value = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
    } catch (error) {
      throw new BundleError(`${shown(file)} is not valid YAML or JSON: ${(error as Error).message.split("\n")[0]}`);
    }
    this.cache.set(file, value);
    this.files.push(file);
    return value;
  }

  async bundle(): Promise<JsonObject> {
    const root = await this.read(this.rootFile);
    if (!isObject(root)) throw new BundleError(`${shown(this.rootFile)} is not an OpenAPI document (no top-level mapping)`);
    // The root's components index names the files it lists.
    const index = isObject(root.components) ? root.components : {};
    for (const [section, entries] of Object.entries(index)) {
      if (!isObject(entries)) continue;
      for (const [name, entry] of Object.entries(entries)) {
        if (isObject(entry) && typeof entry.$ref === "string" && !entry.$ref.startsWith("#")) this.named.set(this.key(this.rootFile, entry.$ref), `#/components/${section}/${escapeToken(name)}`);
      }
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(root)) {
      if (key === "components") continue;
      out[key] = await this.walk(value, this.rootFile, `/${escapeToken(key)}`, []);
    }
    for (const [section, entries] of Object.entries(index)) {
      if (!isObject(entries)) {
        (this.components as JsonObject)[section] = entries;
        continue;
      }
      const target = (this.components[section] ??= {});
      for (const [name, entry] of Object.entries(entries)) {
        const ref = `#/components/${section}/${escapeToken(name)}`;
        if (Object.hasOwn(target, name)) continue;
        target[name] = isObject(entry) && typeof entry.$ref === "string" && !entry.$ref.startsWith("#") ? await this.fill(ref, entry.$ref, this.rootFile) : await this.walk(entry, this.rootFile, ref.slice(1), []);
      }
    }
    if (Object.keys(this.components).length > 0) out.components = this.orderedComponents(index);
    return out;
  }

  /** Sections in the root's order, then the ones only referenced files brought in. */
  private orderedComponents(index: JsonObject): JsonObject {
    const ordered: JsonObject = {};
    for (const section of Object.keys(index)) if (section in this.components) ordered[section] = this.components[section];
    for (const [section, entries] of Object.entries(this.components)) if (!(section in ordered)) ordered[section] = entries;
    return ordered;
  }

  private key(fromFile: string, ref: string): string {
    const [file = "", fragment = ""] = ref.split("#", 2);
    const absolute = file === "" ? fromFile : path.resolve(path.dirname(fromFile), decodeURI(file));
    return `${absolute}#${fragment}`;
  }

  /** Bundles the target of `ref` into the component at `componentRef` (once). */
  private async fill(componentRef: string, ref: string, fromFile: string): Promise<unknown> {
    const [, , section = "", name = ""] = componentRef.split("/");
    const existing = this.components[section]?.[unescapeToken(name)];
    if (existing !== undefined) return existing;
    if (this.filling.has(componentRef)) return { $ref: componentRef };
    this.filling.add(componentRef);
    const { value, file } = await this.target(ref, fromFile);
    const bundled = await this.walk(value, file, componentRef.slice(1), []);
    this.filling.delete(componentRef);
    (this.components[section] ??= {})[unescapeToken(name)] = bundled;
    return bundled;
  }

  private async target(ref: string, fromFile: string): Promise<{ value: unknown; file: string }> {
    const [file = "", fragment = ""] = ref.split("#", 2);
    const absolute = file === "" ? fromFile : path.resolve(path.dirname(fromFile), decodeURI(file));
    const doc = await this.read(absolute);
    const found = atPointer(doc, fragment);
    if (!found.found) throw new BundleError(`${shown(fromFile)}: $ref "${ref}" points to nothing in ${shown(absolute)} (no "${fragment}")`);
    return { value: found.value, file: absolute };
  }

  /** The component a file under `components/<section>/` becomes when the index does not name it. */
  private implicitComponent(key: string): string | undefined {
    const [file = "", fragment = ""] = key.split("#", 2);
    if (fragment !== "") return undefined;
    const section = path.basename(path.dirname(file));
    if (!componentSections.has(section) || path.basename(path.dirname(path.dirname(file))) !== "components") return undefined;
    const name = path.basename(file).replace(/\.(ya?ml|json)$/i, "");
    const ref = `#/components/${section}/${escapeToken(name)}`;
    this.named.set(key, ref);
    return ref;
  }

  private async walk(value: unknown, file: string, at: string, inlining: readonly string[]): Promise<unknown> {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) out.push(await this.walk(value[i], file, `${at}/${i}`, inlining));
      return out;
    }
    if (!isObject(value)) return value;
    const out: JsonObject = {};
    const ref = value.$ref;
    if (typeof ref === "string" && !(ref.startsWith("#") && file === this.rootFile)) {
      const key = this.key(file, ref);
      const component = this.named.get(key) ?? this.implicitComponent(key);
      if (component !== undefined) {
        await this.fill(component, ref, file);
        out.$ref = component;
      } else {
        if (inlining.includes(key)) throw new BundleError(`${shown(file)}: $ref "${ref}" (at ${at}) refers back to itself through files that are not components; make the file a component in ${shown(this.rootFile)}'s components`);
        const target = await this.target(ref, file);
        const inlined = await this.walk(target.value, target.file, at, [...inlining, key]);
        if (isObject(inlined)) Object.assign(out, inlined);
        else if (Object.keys(value).length === 1) return inlined;
      }
      for (const [k, v] of Object.entries(value)) if (k !== "$ref") out[k] = await this.walk(v, file, `${at}/${escapeToken(k)}`, inlining);
      return out;
    }
    for (const [k, v] of Object.entries(value)) out[k] = await this.walk(v, file, `${at}/${escapeToken(k)}`, inlining);
    return out;
  }
}

/** Which provider a spec file describes: its folder (`myaza/openapi.yaml`), its name (`myaza.yaml`), or a folder above it named like one (`releases/myaza/1.0.0.yaml`). */
function providerOfFile(file: string): ProviderSlug | undefined {
  const stem = path.basename(file).replace(/\.(ya?ml|json)$/i, "");
  if (isProviderSlug(stem)) return stem;
  for (let dir = path.dirname(file), i = 0; i < 3; dir = path.dirname(dir), i++) {
    const name = path.basename(dir);
    if (isProviderSlug(name)) return name;
  }
  return undefined;
}

/**
 * Reads one spec file, a split root (`openapi.yaml` with `$ref`s to other files) or a bundle,
 * into a bundled document. `provider` names what it describes when its path does not tell
 * (a folder or file named by the provider's slug).
 */
export async function readSpecFile(file: string, provider?: ProviderSlug): Promise<{ ok: true; spec: SpecSource } | { ok: false; message: string }> {
  const absolute = path.resolve(file);
  const slug = provider ?? providerOfFile(absolute);
  if (slug === undefined) return { ok: false, message: `cannot tell which provider ${shown(absolute)} describes: put it in a folder named by the provider (${providerSlugs.join(", ")}) or name the provider` };
  const bundler = new Bundler(absolute);
  try {
    const document = await bundler.bundle();
    if (typeof document.openapi !== "string" || !isObject(document.info) || typeof document.info.version !== "string" || !isObject(document.paths)) {
      return { ok: false, message: `${shown(absolute)} is not an OpenAPI 3.1 document (it needs "openapi", "info.version" and "paths")` };
    }
    return { ok: true, spec: { provider: slug, file: absolute, document: document as OpenApiDocument, files: bundler.files } };
  } catch (error) {
    if (error instanceof BundleError) return { ok: false, message: error.message };
    throw error;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads the specs of a folder laid out like this package's `openapi/`: `<slug>/openapi.yaml`
 * per provider (split sources), or `<slug>.yaml` bundles (like `dist/specs/`). Every provider
 * found is read; a folder with none is an error.
 */
export type SpecsDirRead =
  | { ok: true; specs: Partial<Record<ProviderSlug, OpenApiDocument>>; sources: Partial<Record<ProviderSlug, SpecSource>> }
  | { ok: false; message: string };

export async function readSpecsDir(dir: string): Promise<SpecsDirRead> {
  const absolute = path.resolve(dir);
  let isDir: boolean;
  try {
    isDir = (await stat(absolute)).isDirectory();
  } catch {
    return { ok: false, message: `${shown(absolute)} does not exist: give a folder with <slug>/openapi.yaml per provider (like the package's openapi/)` };
  }
  if (!isDir) return { ok: false, message: `${shown(absolute)} is not a folder: give a folder with <slug>/openapi.yaml per provider (like the package's openapi/)` };
  const specs: Partial<Record<ProviderSlug, OpenApiDocument>> = {};
  const sources: Partial<Record<ProviderSlug, SpecSource>> = {};
  for (const slug of providerSlugs) {
    const candidates = [path.join(absolute, slug, "openapi.yaml"), path.join(absolute, slug, "openapi.yml"), path.join(absolute, slug, "openapi.json"), path.join(absolute, `${slug}.yaml`), path.join(absolute, `${slug}.json`)];
    for (const candidate of candidates) {
      if (!(await isFile(candidate))) continue;
      const read = await readSpecFile(candidate, slug);
      if (!read.ok) return read;
      specs[slug] = read.spec.document;
      sources[slug] = read.spec;
      break;
    }
  }
  if (Object.keys(specs).length === 0) return { ok: false, message: `${shown(absolute)} holds no spec: expected <slug>/openapi.yaml (or <slug>.yaml) for at least one of ${providerSlugs.join(", ")}` };
  return { ok: true, specs, sources };
}

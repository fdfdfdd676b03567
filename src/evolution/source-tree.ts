/**
 * A provider's split spec sources (`<dir>/<slug>/openapi.yaml` and every file its `$ref`s reach),
 * read as `yaml` Documents so an edit keeps comments and layout. Every node is reached with the
 * file and the path inside that file that hold it, by following the `$ref`s: a suggested edit
 * of a schema lands in components/schemas/<Name>.yaml, not in a bundle.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument, type Document } from "yaml";
import { isObject } from "../json.js";

export type YamlPath = (string | number)[];

/** A node of the sources and where it is written. */
export interface SourceNode {
  /** Absolute path of the file holding the node. */
  file: string;
  /** Keys from the file's root to the node. */
  at: YamlPath;
  node: unknown;
}

export interface SourceFile {
  file: string;
  /** The text as read (the base of the unified diff). */
  text: string;
  doc: Document;
  /** `doc` as plain data, read once. */
  data: unknown;
}

export interface SourceTree {
  /** Absolute path of `<dir>/<slug>/openapi.yaml`. */
  root: string;
  files: ReadonlyMap<string, SourceFile>;
  /** The root document's node. */
  top(): SourceNode;
  /** Follows `$ref`s from `node` until a node without one. */
  deref(node: SourceNode): SourceNode;
  /** The child `key` of a (dereferenced) node, or undefined. */
  child(node: SourceNode, key: string | number): SourceNode | undefined;
}

export type SourceTreeResult = { ok: true; tree: SourceTree } | { ok: false; message: string };

function refTarget(fromFile: string, ref: string): { file: string; at: YamlPath } {
  const [filePart, fragment = ""] = ref.split("#", 2) as [string, string?];
  const file = filePart === "" ? fromFile : path.resolve(path.dirname(fromFile), filePart);
  const at = fragment
    .split("/")
    .slice(1)
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  return { file, at };
}

function valueAt(data: unknown, at: YamlPath): unknown {
  let node = data;
  for (const key of at) {
    if (Array.isArray(node) && typeof key === "number") node = node[key];
    else if (isObject(node)) node = node[String(key)];
    else return undefined;
  }
  return node;
}

/**
 * Reads the split sources of one provider: the root and, transitively, every file a `$ref`
 * names. A missing or unparsable file is an error value naming it.
 */
export function readSourceTree(rootFile: string): SourceTreeResult {
  const root = path.resolve(rootFile);
  const files = new Map<string, SourceFile>();
  const pending = [root];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return { ok: false, message: `cannot read ${file}${file === root ? "" : " (named by a $ref)"}: no such file. Give --specs a folder holding <slug>/openapi.yaml and its split files (a copy of the package's openapi/ folder).` };
    }
    const doc = parseDocument(text);
    if (doc.errors.length > 0) return { ok: false, message: `${file} is not valid YAML (${doc.errors[0]!.message.split("\n")[0]}); fix it and run again.` };
    const data: unknown = doc.toJS();
    files.set(file, { file, text, doc, data });
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (isObject(node)) {
        if (typeof node.$ref === "string" && !node.$ref.startsWith("#")) pending.push(refTarget(file, node.$ref).file);
        Object.values(node).forEach(visit);
      }
    };
    visit(data);
  }

  const tree: SourceTree = {
    root,
    files,
    top: () => ({ file: root, at: [], node: files.get(root)!.data }),
    deref(start) {
      let current = start;
      for (let hops = 0; hops < 64; hops++) {
        const { node } = current;
        if (!isObject(node) || typeof node.$ref !== "string") return current;
        const target = refTarget(current.file, node.$ref);
        const source = files.get(target.file);
        if (!source) return current;
        current = { file: target.file, at: target.at, node: valueAt(source.data, target.at) };
      }
      return current;
    },
    child(parent, key) {
      const node = tree.deref(parent);
      const value = valueAt(node.node, [key]);
      return value === undefined ? undefined : { file: node.file, at: [...node.at, key], node: value };
    },
  };
  return { ok: true, tree };
}

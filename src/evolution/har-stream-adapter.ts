/**
 * TEMPORARY ADAPTER — replaced by src/conformance/har-stream.ts (the `traffic` branch) when it
 * is merged. The agreed interface of the streaming HAR reader, over the whole-file `parseHar`,
 * so `suggest` reads traffic the way it will once the streaming reader lands. Do not grow it.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseHar } from "../conformance/har.js";
import type { ObservedExchange } from "../conformance/traffic.js";

export type HarItem =
  | { kind: "exchange"; file: string; index: number; exchange: ObservedExchange }
  | { kind: "skipped"; file: string; index: number; reason: string }
  | { kind: "truncated"; file: string; entriesRead: number; message: string };

export async function expandHarPaths(paths: readonly string[]): Promise<{ ok: true; files: string[] } | { ok: false; message: string }> {
  const files: string[] = [];
  for (const p of paths) {
    const full = path.resolve(p);
    let info;
    try {
      info = await stat(full);
    } catch {
      return { ok: false, message: `cannot read ${full}: no such file or folder.` };
    }
    if (info.isDirectory()) {
      const names = (await readdir(full)).filter((n) => n.endsWith(".har")).sort();
      if (names.length === 0) return { ok: false, message: `${full} holds no .har file.` };
      files.push(...names.map((n) => path.join(full, n)));
    } else files.push(full);
  }
  return { ok: true, files };
}

export async function* readHarFiles(files: readonly string[]): AsyncIterable<HarItem> {
  for (const file of files) {
    const parsed = parseHar(await readFile(file, "utf8"));
    if (!parsed.ok) {
      yield { kind: "truncated", file, entriesRead: 0, message: parsed.message };
      continue;
    }
    let index = 0;
    for (const exchange of parsed.exchanges) yield { kind: "exchange", file, index: ++index, exchange };
    for (const reason of parsed.skipped) yield { kind: "skipped", file, index: 0, reason };
  }
}

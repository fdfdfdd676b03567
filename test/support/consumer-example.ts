/**
 * examples/consumer in a project that already has the packed package and vitest installed
 * (test/package.test.ts's consumer): its files are copied into `<consumer>/example`, where Node
 * and TypeScript find the installed packages by walking up, so the example runs on the same
 * install instead of a second one.
 */
import { cpSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";

/** Copies the example into `<consumer>/example` and returns that folder. */
export function copyConsumerExample(root: string, consumer: string): string {
  const example = path.join(consumer, "example");
  cpSync(path.join(root, "examples", "consumer"), example, { recursive: true });
  // @types/node is one of the example's devDependencies; the consumer install has no reason to
  // carry it, so the repo's copy (the version CI type-checks with) stands in for it.
  const types = path.join(consumer, "node_modules", "@types");
  mkdirSync(types, { recursive: true });
  if (!existsSync(path.join(types, "node"))) symlinkSync(path.join(root, "node_modules", "@types", "node"), path.join(types, "node"), "dir");
  return example;
}

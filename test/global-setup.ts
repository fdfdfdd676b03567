import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Bundles the specs into dist/specs once per test run, so tests never read stale bundles. */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  execFileSync(path.join(root, "node_modules", ".bin", "redocly"), ["bundle"], { cwd: root, stdio: "pipe" });
}

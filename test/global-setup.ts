import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Bundles the specs into dist/specs once per test run, so tests never read stale bundles.
 * `npm test` (scripts/test-stages.ts) has just bundled them in its build stage and says so.
 */
export default function setup(): void {
  if (process.env.KYC_SPECS_BUNDLED === "1") return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  execFileSync(path.join(root, "node_modules", ".bin", "redocly"), ["bundle"], { cwd: root, stdio: "pipe" });
}

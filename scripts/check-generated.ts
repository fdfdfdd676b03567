/**
 * `npm run check:generated`: regenerates generated/ from the specs and fails when the result
 * differs from what is committed (changed, added or deleted files). Deliberately not
 * `openapi-typescript --check`, which passes stale files when several APIs are generated.
 */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const gen = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "generate.ts")], {
  cwd: root,
  encoding: "utf8",
});
if (gen.status !== 0) {
  console.error(`npm run generate failed:\n${gen.stdout}${gen.stderr}`);
  process.exit(1);
}
let status: string;
try {
  status = execFileSync("git", ["status", "--porcelain", "--", "generated", "README.md"], { cwd: root, encoding: "utf8" });
} catch (error) {
  console.error(`Cannot ask git about generated/ (${(error as Error).message}). Run this check inside the git checkout.`);
  process.exit(2);
}
if (status.trim().length > 0) {
  const diff = spawnSync("git", ["--no-pager", "diff", "--stat", "--", "generated", "README.md"], { cwd: root, encoding: "utf8" }).stdout;
  console.error(`generated/ (or the README catalogue table) is out of date with the specs:\n${status}${diff}Run \`npm run generate\` and commit generated/ together with the spec change.`);
  process.exit(1);
}
console.log("generated/: up to date with the specs");

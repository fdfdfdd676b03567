/**
 * `npm run check:generated`: regenerates from the specs and fails when anything changes:
 * - generated/ must equal what is committed (changed, added or deleted files: `git status`).
 *   Deliberately not `openapi-typescript --check`, which passes stale files when several APIs
 *   are generated.
 * - The guides' generated sections (catalogue and status table in docs/clients-and-status.md,
 *   mock scenarios in docs/twins.md, the command reference in docs/cli.md, the diff rules tables in
 *   docs/contract-evolution.md) must already be what `npm run generate` writes; edits
 *   elsewhere in those guides are not drift.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generatedGuides } from "./generated-section.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const guides = generatedGuides();
const guidesBefore = guides.map((guide) => readFileSync(path.join(root, guide), "utf8"));
const gen = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "generate.ts")], {
  cwd: root,
  encoding: "utf8",
});
if (gen.status !== 0) {
  console.error(`npm run generate failed:\n${gen.stdout}${gen.stderr}`);
  process.exit(1);
}
const problems: string[] = [];
guides.forEach((guide, i) => {
  if (readFileSync(path.join(root, guide), "utf8") !== guidesBefore[i]) problems.push(`${guide}: a generated section did not match the specs (it has now been rewritten; review and commit it).`);
});
let status: string;
try {
  status = execFileSync("git", ["status", "--porcelain", "--", "generated"], { cwd: root, encoding: "utf8" });
} catch (error) {
  console.error(`Cannot ask git about generated/ (${(error as Error).message}). Run this check inside the git checkout.`);
  process.exit(2);
}
if (status.trim().length > 0) {
  const diff = spawnSync("git", ["--no-pager", "diff", "--stat", "--", "generated"], { cwd: root, encoding: "utf8" }).stdout;
  problems.push(`generated/ differs from what is committed:\n${status}${diff}`);
}
if (problems.length > 0) {
  console.error(`Generated files are out of date with the specs:\n- ${problems.join("\n- ")}\nRun \`npm run generate\` and commit generated/ and ${guides.join(", ")} together with the spec change.`);
  process.exit(1);
}
console.log(`generated/ and the generated sections of ${guides.join(", ")}: up to date with the specs`);

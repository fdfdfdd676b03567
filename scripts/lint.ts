/**
 * `npm run lint`: the spec gates. Fails on any error or warning.
 *
 * 1. Redocly (`recommended` + example validity) on each split source spec listed in redocly.yaml.
 * 2. `redocly bundle` → dist/specs/<slug>.yaml.
 * 3. Spectral (`.spectral.yaml`: spectral:oas, OWASP, local kyc-* rules) on the bundles.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse } from "yaml";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string): string => path.join(root, "node_modules", ".bin", name);

interface Finding {
  tool: string;
  severity: "error" | "warning";
  where: string;
  rule: string;
  message: string;
}

async function output(file: string, args: string[]): Promise<string> {
  try {
    return (await run(file, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    // Linters exit non-zero when they find problems; their report is still on stdout.
    const e = error as { stdout?: string; stderr?: string; message: string };
    if (e.stdout?.trim()) return e.stdout;
    throw new Error(`${path.basename(file)} ${args.join(" ")} failed: ${e.stderr?.trim() ? e.stderr : e.message}`, { cause: error });
  }
}

async function redoclyLint(api: string): Promise<Finding[]> {
  const report = JSON.parse(await output(bin("redocly"), ["lint", api, "--format=json"])) as {
    problems: { ruleId: string; severity: string; message: string; location?: { source?: { ref?: string }; pointer?: string }[] }[];
  };
  return report.problems.map((p) => ({
    tool: "redocly",
    severity: p.severity === "error" ? "error" : "warning",
    where: `${path.relative(root, p.location?.[0]?.source?.ref ?? api)}${p.location?.[0]?.pointer ?? ""}`,
    rule: p.ruleId,
    message: p.message,
  }));
}

async function spectralLint(files: string[]): Promise<Finding[]> {
  const results = JSON.parse(await output(bin("spectral"), ["lint", ...files, "--format=json", "--quiet"]) || "[]") as {
    code: string;
    severity: number;
    message: string;
    source?: string;
    range: { start: { line: number; character: number } };
  }[];
  return results
    .filter((r) => r.severity <= 1)
    .map((r) => ({
      tool: "spectral",
      severity: r.severity === 0 ? "error" : "warning",
      where: `${path.relative(root, r.source ?? "")}:${r.range.start.line + 1}:${r.range.start.character + 1}`,
      rule: r.code,
      message: r.message,
    }));
}

async function main(): Promise<void> {
  const config = parse(await readFile(path.join(root, "redocly.yaml"), "utf8")) as { apis: Record<string, { output: string }> };
  const apis = Object.keys(config.apis);
  const redocly = (await Promise.all(apis.map(redoclyLint))).flat();
  await output(bin("redocly"), ["bundle"]);
  const spectral = await spectralLint(apis.map((api) => config.apis[api]?.output ?? `dist/specs/${api}.yaml`));
  const findings = [...redocly, ...spectral];
  for (const f of findings) console.log(`${f.severity.padEnd(7)} ${f.tool} ${f.rule}  ${f.where}\n        ${f.message}`);
  for (const tool of ["redocly", "spectral"]) {
    const mine = findings.filter((f) => f.tool === tool);
    const errors = mine.filter((f) => f.severity === "error").length;
    console.log(`${tool}: ${errors} errors, ${mine.length - errors} warnings (${apis.length} specs: ${apis.join(", ")})`);
  }
  if (findings.length > 0) {
    console.log("Lint failed: fix the findings above (or switch a rule off in redocly.yaml / .spectral.yaml with a written reason).");
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

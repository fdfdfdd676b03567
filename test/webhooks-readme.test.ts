/**
 * The README's webhook examples run as written (against the sources instead of the installed
 * package; test/package.test.ts runs them from the tarball too), and print what their comments
 * say they print.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const start = readme.indexOf("### Webhooks (Myaza)");
const section = readme.slice(start, readme.indexOf("\n### ", start + 1));
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const dir = mkdtempSync(path.join(tmpdir(), "kyc-webhooks-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { MYAZA_WEBHOOK_SECRET: _ignored, ...withoutSecret } = process.env;

/** What each `console.log(…); // expected (note)` line says it prints, in order. */
const expectedOutput = (code: string): string[] =>
  [...code.matchAll(/^console\.log\(.*\/\/ ([^(\n]+?)\s*(?:\(.*\))?$/gm)].map((m) => m[1]!.trim());

describe("README: Myaza webhooks", () => {
  it("has the web Request handler, the node:http and the Myaza twin examples", () => {
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toContain("request: Request");
    expect(blocks[1]).toContain('from "node:http"');
    expect(blocks[2]).toContain("createTwin(");
  });

  it.each(blocks.map((code, i) => [i, code] as const))("example %i runs and prints what its comments say", async (i, code) => {
    const file = path.join(dir, `webhooks-${i}.mts`);
    const sources: Record<string, string> = { "kyc-status-contracts/webhooks": "src/webhooks/index.ts", "kyc-status-contracts/twin": "src/twin/index.ts", "kyc-status-contracts": "src/index.ts" };
    const local = code.replace(/"(kyc-status-contracts(?:\/\w+)?)"/g, (quoted, name: string) => (sources[name] ? JSON.stringify(path.join(root, sources[name])) : quoted));
    writeFileSync(file, local + "\nexport {};\n");
    const { stdout } = await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), file], { cwd: root, env: withoutSecret });
    const printed = stdout.trim().split("\n").filter((l) => /^\d/.test(l));
    expect(expectedOutput(code).length).toBeGreaterThan(0);
    expect(printed).toEqual(expectedOutput(code));
  });
});

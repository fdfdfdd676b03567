/** The README's twin fixtures: the built-in list matches the fixtures themselves, and the YAML shown passes the checks. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { providerSlugs } from "../src/providers.js";
import { parse } from "yaml";
import { checkFixtures, defaultFixtures } from "../src/twin/index.js";

const readme = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "README.md"), "utf8");
const section = readme.slice(readme.indexOf("**Built-in fixtures**"), readme.indexOf("### Conformance in CI"));

it("lists every built-in credential and record id with its status", () => {
  const fixtures = defaultFixtures();
  const credentials = [...fixtures.proof.tokens, ...fixtures["btc-direct"].apiKeys, ...Object.keys(fixtures["btc-direct"].partnerTokens ?? {}), ...Object.keys(fixtures["btc-direct"].userTokens ?? {}), ...Object.keys(fixtures["nyota-imara"].tokens), ...Object.keys(fixtures.myaza.keys)];
  for (const credential of credentials) expect(section).toContain(`${credential}`);
  for (const slug of providerSlugs) {
    for (const [id, record] of Object.entries(fixtures[slug].records as Record<string, { status?: string; example?: string }>)) {
      expect(section).toContain(`\`${id}\` → ${record.status ?? `\`${record.example}\``}`);
    }
  }
});

it("the fixtures shown in YAML pass the fixtures schema and checks", () => {
  const twins = readme.slice(readme.indexOf("### Provider twins"), readme.indexOf("### Webhooks (Myaza)"));
  const blocks = [...twins.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  for (const block of blocks) {
    const checked = checkFixtures(parse(block) as never);
    expect(checked.ok ? "ok" : checked.problem.message, block.slice(0, 80)).toBe("ok");
  }
});

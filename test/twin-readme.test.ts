/** The README's list of built-in twin fixtures matches the fixtures themselves. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { providerSlugs } from "../src/providers.js";
import { defaultFixtures } from "../src/twin/index.js";

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

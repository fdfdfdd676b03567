/** docs/twins.md's built-in fixtures table lists every built-in credential and record id with its status. (Its YAML blocks are checked by test/doc-blocks.test.ts.) */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { providerSlugs } from "../src/providers.js";
import { defaultFixtures } from "../src/twin/index.js";

const guide = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "twins.md"), "utf8");
const section = guide.slice(guide.indexOf("## Built-in fixtures"), guide.indexOf("\n## ", guide.indexOf("## Built-in fixtures") + 1));

it("lists every built-in credential and record id with its status", () => {
  expect(section.length).toBeGreaterThan(500);
  const fixtures = defaultFixtures();
  const credentials = [...fixtures.proof.tokens, ...fixtures["btc-direct"].apiKeys, ...Object.keys(fixtures["btc-direct"].partnerTokens ?? {}), ...Object.keys(fixtures["btc-direct"].userTokens ?? {}), ...Object.keys(fixtures["nyota-imara"].tokens), ...Object.keys(fixtures.myaza.keys)];
  for (const credential of credentials) expect(section).toContain(`${credential}`);
  for (const slug of providerSlugs) {
    for (const [id, record] of Object.entries(fixtures[slug].records as Record<string, { status?: string; example?: string }>)) {
      expect(section).toContain(`\`${id}\` → ${record.status ?? `\`${record.example}\``}`);
    }
  }
});

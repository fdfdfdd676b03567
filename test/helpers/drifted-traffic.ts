/**
 * Recorded traffic that drifted from the specs, as HAR entries written by the proxy's own
 * `harEntry()` (masking off, so the recording holds the personal values a careless recorder
 * would keep: the tests prove they never reach a spec).
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { harDocument, harEntry, type HarEntry } from "../../src/conformance/har.js";
import { createPiiMasker, Scrubber } from "../../src/conformance/pii.js";
import type { ObservedExchange } from "../../src/conformance/traffic.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A copy of the repo's openapi/ in a fresh temp folder; returns the copy's path. */
export function copySpecs(prefix = "kyc-suggest-"): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), prefix)), "openapi");
  cpSync(path.join(repoRoot, "openapi"), dir, { recursive: true });
  return dir;
}

export interface Answer {
  path: string;
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Minutes after 2026-05-01T10:00Z. */
  minute?: number;
}

export function exchange(a: Answer): ObservedExchange {
  return {
    request: { method: "GET", url: `https://api.example.test${a.path}`, headers: { authorization: "Bearer tok_secret_123456" } },
    response: { status: a.status ?? 200, headers: { "content-type": "application/json", ...a.headers }, body: JSON.stringify(a.body) },
    startedAt: new Date(Date.UTC(2026, 4, 1, 10, a.minute ?? 0)).toISOString(),
    durationMs: 12,
  };
}

/** HAR entries of the exchanges, personal data kept (masking off), credentials redacted as the proxy does. */
export function harEntries(exchanges: readonly ObservedExchange[]): HarEntry[] {
  const masker = createPiiMasker(false);
  const scrubber = new Scrubber(masker);
  return exchanges.map((x) => harEntry(x, masker, scrubber));
}

export function writeHar(dir: string, name: string, exchanges: readonly ObservedExchange[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, harDocument(harEntries(exchanges), "test"));
  return file;
}

/** Personal values the drifted Proof traffic carries; none may appear in an edited spec. */
export const PERSONAL_VALUES = ["1987-03-14", "+254 712 345 678", "Wanjiru Kamau"];

/**
 * Proof traffic with the drift: a new optional field on every success (`reviewedAt`,
 * a date-time), a new status value (`on_hold`), an undocumented personal field on every success
 * (`dateOfBirth`, and `phoneNumber` / `holderName` on some).
 */
export function driftedProofTraffic(): ObservedExchange[] {
  const statuses = ["pending", "pending", "verified", "on_hold", "failed", "on_hold"];
  return statuses.map((status, i) =>
    exchange({
      path: `/widget/users/user-${i}/kyc-status`,
      minute: i,
      body: {
        partner_user_id: `user-${i}`,
        status,
        reviewedAt: `2026-05-01T10:0${i}:00Z`,
        dateOfBirth: PERSONAL_VALUES[0],
        ...(i % 2 === 0 ? { phoneNumber: PERSONAL_VALUES[1], holderName: PERSONAL_VALUES[2] } : {}),
      },
    }),
  );
}

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

/** An answer whose body is text/html (a gateway's error page), not JSON. */
function htmlAnswer(path: string, status: number, html: string, minute: number): ObservedExchange {
  const x = exchange({ path, status, minute, body: null, headers: { "content-type": "text/html" } });
  return { ...x, response: { ...x.response, body: html } };
}

/**
 * Proof answering 503, which its spec does not document: twice with an error code (one body
 * quoting a person's name and an email), once with a body that has none; and a gateway's 504
 * HTML page.
 */
export function undocumentedErrorTraffic(): ObservedExchange[] {
  const path = (i: number): string => `/widget/users/user-${i}/kyc-status`;
  return [
    exchange({ path: path(10), status: 503, minute: 10, body: { error: "service_unavailable", code: "maintenance", message: "Back soon; contact ops@proof.example", requestedFor: PERSONAL_VALUES[2] } }),
    exchange({ path: path(11), status: 503, minute: 11, body: { error: "service_unavailable", code: "maintenance", message: "Back soon", requestedFor: "Amina Otieno" } }),
    exchange({ path: path(12), status: 503, minute: 12, body: { message: "upstream timeout" } }),
    htmlAnswer(path(13), 504, "<html><body><h1>504</h1> upstream timed out</body></html>", 13),
  ];
}

/** BTC Direct answers with the credentials its spec names (an API key and the user's identifier). */
function btcDirect(status: number, body: unknown, minute: number): ObservedExchange {
  const x = exchange({ path: "/api/v2/user/verification-status", status, minute, body });
  return { ...x, request: { ...x.request, headers: { "x-api-key": "key_secret_654321", "user-identifier": "user-identifier-0001" } } };
}

/**
 * Error codes the documented responses have no named example for: Proof's 400 with
 * `unsupported_country` (its message an HTTP reason phrase; a second time quoting a name), and
 * BTC Direct's 400 with ER710 (its solution quoting a name), beside codes the specs document.
 */
export function newErrorCodeTraffic(): ObservedExchange[] {
  const proof = (i: number, body: unknown): ObservedExchange => exchange({ path: `/widget/users/user-${i}/kyc-status`, status: 400, minute: 20 + i, body });
  const er710 = (solution: string) => ({ errors: { ER710: { code: "ER710", message: "User is not verified yet.", solution } } });
  return [
    proof(1, { error: "invalid_request", code: "unsupported_country", message: "Service Unavailable: KYC is not offered in this country." }),
    proof(2, { error: "invalid_request", code: "unsupported_country", message: `Not offered to ${PERSONAL_VALUES[2]}.` }),
    proof(3, { error: "invalid_request", code: "validation_error", message: "Request validation failed." }),
    btcDirect(400, er710(`Ask ${PERSONAL_VALUES[2]} to finish the verification.`), 30),
    btcDirect(400, er710("Finish the verification."), 31),
    btcDirect(400, { errors: { ER707: { code: "ER707", message: "User identifier is invalid.", solution: "Please provide an identifier, consisting of 36 - 255 characters, numeric or alphanumeric only." } } }, 32),
  ];
}

/**
 * The test helpers that act as checkers fail on bad input: a helper that found nothing wrong
 * with anything would let every test that relies on it pass on broken code.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientErrorKinds, kycStates } from "../src/index.js";
import type { Twin, TwinRequestRecord } from "../src/twin/index.js";
import { secretsInError, shapeProblems, TOKEN, USER_ID, type AnyResult } from "./helpers/clients.js";
import { expectJournalConforms } from "./helpers/twins.js";
import { copySpecWithEdit } from "./support/spec-copy.js";
import { typecheckProject } from "./support/typecheck.js";

const httpFailure = (error: Record<string, unknown>): AnyResult => ({ ok: false, error: { provider: "proof", ...error } }) as unknown as AnyResult;

describe("shapeProblems", () => {
  it("finds nothing in a well-formed failure", () => {
    const ok = httpFailure({ kind: "http", httpStatus: 503, retryable: true, message: "Proof answered HTTP 503: the service is unavailable; retry later." });
    expect(shapeProblems(ok, "proof", kycStates, clientErrorKinds)).toEqual([]);
  });

  it("names a short message, a wrong retryable, a foreign provider and an unknown kind", () => {
    const bad = httpFailure({ kind: "http", httpStatus: 503, retryable: false, message: "short" });
    expect(shapeProblems(bad, "proof", kycStates, clientErrorKinds)).toEqual(['message "short"', "retryable false for 503"]);
    expect(shapeProblems(bad, "myaza", kycStates, clientErrorKinds)).toContain("error.provider proof");
    const unknown = httpFailure({ kind: "mystery", retryable: true, message: "Something unexpected happened to this call; no idea." });
    expect(shapeProblems(unknown, "proof", kycStates, clientErrorKinds)).toEqual(["kind mystery"]);
  });
});

describe("secretsInError", () => {
  it("finds a secret in the message, plain or percent-encoded, and nothing in a clean error", () => {
    expect(secretsInError(httpFailure({ kind: "http", message: `rejected ${TOKEN}` }), [TOKEN, USER_ID])).toEqual([TOKEN]);
    expect(secretsInError(httpFailure({ kind: "http", message: "rejected", code: encodeURIComponent(`${USER_ID}/x`) }), [TOKEN, USER_ID])).toEqual([USER_ID]);
    expect(secretsInError(httpFailure({ kind: "http", message: "rejected [redacted]" }), [TOKEN, USER_ID])).toEqual([]);
  });
});

describe("expectJournalConforms", () => {
  const entry = (body: unknown, extra: Partial<TwinRequestRecord> = {}): TwinRequestRecord => ({
    seq: 1,
    at: "2026-04-27T12:00:00.000Z",
    method: "GET",
    path: "/widget/users/user-123/kyc-status",
    requestHeaders: {},
    status: 200,
    headers: { "Content-Type": "application/json", "X-Request-Id": "req_1" },
    body: JSON.stringify(body),
    ...extra,
  });
  const fake = (entries: TwinRequestRecord[]): Pick<Twin, "provider" | "requests"> => ({ provider: "proof", requests: () => entries });

  it("checks a conforming answer and counts it", () => {
    expect(expectJournalConforms(fake([entry({ partner_user_id: "user-123", status: "verified" })]))).toBe(1);
  });

  it("throws on an answer that breaks the spec", () => {
    expect(() => expectJournalConforms(fake([entry({ partner_user_id: "user-123", status: "approved" })]))).toThrow(/approved/);
  });

  it("skips only what is outside the contract on purpose", () => {
    expect(expectJournalConforms(fake([entry("garbage", { fault: "malformed" }), entry({}, { outsideContract: true })]))).toBe(0);
  });
});

describe("typecheckProject (tsc -p in this process)", () => {
  it("fails with tsc's message on a type error, passes the corrected file, and follows `extends` and module resolution", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kyc-typecheck-"));
    try {
      // a package reachable only through `exports` (node10 resolution ignores it), under node_modules: its .d.ts is shared between the checks
      const pkg = path.join(dir, "node_modules", "exports-only");
      mkdirSync(path.join(pkg, "dist"), { recursive: true });
      writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "exports-only", type: "module", exports: { "./sub": { types: "./dist/sub.d.ts", default: "./dist/sub.js" } } }));
      writeFileSync(path.join(pkg, "dist", "sub.d.ts"), "export declare const n: number;\n");
      writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
      writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", lib: ["ES2022"], module: "NodeNext", moduleResolution: "NodeNext", types: [], noEmit: true }, files: ["a.ts"] }));
      writeFileSync(path.join(dir, "tsconfig.node10.json"), JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { module: "ESNext", moduleResolution: "node10" } }));
      writeFileSync(path.join(dir, "a.ts"), 'import { n } from "exports-only/sub";\nexport const s: string = n;\n');
      const bad = typecheckProject(path.join(dir, "tsconfig.json"));
      expect(bad.ok).toBe(false);
      expect(bad.output).toMatch(/a\.ts\(2,14\): error TS2322: Type 'number' is not assignable to type 'string'/);
      writeFileSync(path.join(dir, "a.ts"), 'import { n } from "exports-only/sub";\nexport const s: number = n;\n');
      expect(typecheckProject(path.join(dir, "tsconfig.json"))).toEqual({ ok: true, output: "" });
      const node10 = typecheckProject(path.join(dir, "tsconfig.node10.json"));
      expect(node10.ok).toBe(false);
      expect(node10.output).toContain("Cannot find module 'exports-only/sub'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("copySpecWithEdit", () => {
  it("makes the edit in the copy only, and refuses an edit whose text the spec no longer holds", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kyc-spec-copy-"));
    try {
      const file = "components/schemas/KycStatus.yaml";
      copySpecWithEdit(dir, "nyota-imara", { file, from: "to: [verified, rejected]", to: "to: [rejected]" });
      expect(readFileSync(path.join(dir, "nyota-imara", file), "utf8")).toContain("to: [rejected]");
      expect(readFileSync(path.join("openapi", "nyota-imara", file), "utf8")).toContain("to: [verified, rejected]");
      expect(() => copySpecWithEdit(dir, "nyota-imara", { file, from: "to: [approved]", to: "x" })).toThrow('openapi/nyota-imara/components/schemas/KycStatus.yaml no longer contains "to: [approved]"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("makes several edits in order, each on the text the one before left", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kyc-spec-copy-"));
    try {
      const file = "components/schemas/KycStatus.yaml";
      copySpecWithEdit(dir, "nyota-imara", [
        { file, from: "to: [verified, rejected]", to: "to: [rejected]" },
        { file, from: "to: [rejected]", to: "to: [rejected, none]" },
        { file: "openapi.yaml", from: "paths:", to: "paths: # edited" },
      ]);
      // assert both edits of the schema file (the second one found the first one's text) and the root's
      expect(readFileSync(path.join(dir, "nyota-imara", file), "utf8")).toContain("to: [rejected, none]");
      expect(readFileSync(path.join(dir, "nyota-imara", "openapi.yaml"), "utf8")).toContain("paths: # edited");
      // assert an edit whose text is gone (the first one replaced it) is refused
      expect(() => copySpecWithEdit(dir, "nyota-imara", [{ file, from: "to: [verified, rejected]", to: "to: [rejected]" }, { file, from: "to: [verified, rejected]", to: "x" }])).toThrow("no longer contains");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { main } from "../src/cli/main.js";
import { looksPersonal, mentionsPersonal, nameVocabulary } from "../src/conformance/pii.js";
import { emptySummary, schemaOf, summarize } from "../src/evolution/infer.js";
import { createTrafficObserver, exampleName, MAX_FINDINGS, MAX_STATUS_EXAMPLES } from "../src/evolution/observe.js";
import { readSourceTree } from "../src/evolution/source-tree.js";
import { suggestFromTraffic } from "../src/evolution/suggest-traffic.js";
import { unifiedDiff } from "../src/evolution/unified-diff.js";
import { readSpecFile } from "../src/spec/source.js";
import { readBtcDirectCatalogue } from "../src/spec/btc-direct-catalogue.js";
import { copySpecs, driftedProofTraffic, exchange, newErrorCodeTraffic, PERSONAL_VALUES, writeHar } from "./helpers/drifted-traffic.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the specs and a folder for recordings beside it. */
function workspace(): { specs: string; dir: string } {
  const specs = copySpecs();
  const dir = path.dirname(specs);
  made.push(dir);
  return { specs, dir };
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["suggest", ...argv], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {} });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

interface Report {
  providers: { provider: string; suggestions: { kind: string; file: string; level: string; bump: string; message: string; evidence: { count: number; personal: boolean; example?: string } }[]; patches: { file: string; diff: string }[] }[];
}
const suggestionsOf = (report: Report, provider: string) => report.providers.find((p) => p.provider === provider)?.suggestions ?? [];

const proofOk = (i: number, extra: Record<string, unknown> = {}) => exchange({ path: `/widget/users/u-${i}/kyc-status`, minute: i, body: { partner_user_id: `u-${i}`, status: "pending", ...extra } });

describe("type inference reads every observation", () => {
  const infer = (values: unknown[], min = 5) => {
    const s = emptySummary();
    for (const v of values) summarize(s, v);
    return schemaOf(s, min);
  };
  it("keeps a format only when every string has it", () => {
    // assert date-time first, then a plain string: no format (the first value alone would say date-time)
    expect(infer(["2026-05-01T10:00:00Z", "2026-05-01T10:00:00Z", "soon"])).toEqual({ type: "string" });
    expect(infer(["2026-05-01T10:00:00Z", "2026-05-02T11:30:00.123+02:00"])).toEqual({ type: "string", format: "date-time" });
  });
  it("widens integer to number, and makes a type nullable when null is seen", () => {
    expect(infer([1, 2, 3])).toEqual({ type: "integer" });
    expect(infer([1, 2.5])).toEqual({ type: "number" });
    expect(infer([1, null])).toEqual({ type: ["integer", "null"] });
  });
  it("requires a nested property only when present in all of at least N objects", () => {
    // assert 5 of 5 with N=5: required; with N=6: optional; 4 of 5: optional
    const five = Array.from({ length: 5 }, () => ({ a: 1 }));
    expect(infer(five, 5)).toEqual({ type: "object", properties: { a: { type: "integer" } }, required: ["a"] });
    expect(infer(five, 6)).toEqual({ type: "object", properties: { a: { type: "integer" } } });
    expect(infer([...five.slice(1), {}], 5)).toEqual({ type: "object", properties: { a: { type: "integer" } } });
  });
});

describe("personal data by key name and value shape", () => {
  it("flags names, emails, phones, id numbers, dates of birth and addresses", () => {
    for (const [key, value] of [
      ["dateOfBirth", "x"],
      ["phone_number", "x"],
      ["homeAddress", "x"],
      ["idNumber", "x"],
      ["note", "jane@example.com"],
      ["note", "+254 712 345 678"],
      ["note", "1987-03-14"],
      ["note", "Wanjiru Kamau"],
      ["note", "12345678901"],
      ["meta", { phone: "x" }],
      ["meta", { email: "x" }],
    ] as const)
      expect(looksPersonal(key, value), `${key}=${JSON.stringify(value)}`).toBe(true);
  });
  it("does not flag plain technical values", () => {
    for (const [key, value] of [
      ["reviewLevel", "basic"],
      ["reviewedAt", "2026-05-01T10:00:00Z"],
      ["attempts", 3],
      ["status", "on_hold"],
    ] as const)
      expect(looksPersonal(key, value), key).toBe(false);
  });
  it("text about to become an example is flagged when it quotes personal data anywhere", () => {
    // assert a name, an email, a phone, a long number and a date inside a message
    for (const text of ["Locked by Wanjiru Kamau", "write to jane@example.com", "call +254 712 345 678 now", "account 123456789 frozen", "born 1987-03-14"]) expect(mentionsPersonal(text), text).toBe(true);
    // assert technical messages and timestamps pass
    for (const text of ["retry later", "The verification service is unavailable; retry.", "since 2026-05-01T10:00:00Z", "ER801"]) expect(mentionsPersonal(text), text).toBe(false);
  });
});

describe("capitalised words are a name only when they are not an ordinary phrase", () => {
  it("keeps HTTP reason phrases, common English words and the specs' own words", () => {
    // assert each of these was masked as "two capitalised words" before, and is kept now
    for (const text of ["Service Unavailable", "503 Service Unavailable: retry later", "Too Many Requests", "Verification Locked", "Please Contact Support", "User Not Found", "Nyota Imara is down"]) {
      expect(mentionsPersonal(text), text).toBe(false);
      expect(looksPersonal("error", text), text).toBe(false);
    }
  });
  it("still finds a name beside them, after a cue word even alone, and in a whole value", () => {
    // assert a name next to an ordinary phrase, after "by", "Dear", "Mr.", "for", and alone after a cue
    for (const text of ["Locked by Wanjiru Kamau", "Locked by Wanjiru", "Dear Amina", "Contact Mr. Otieno", "Service Unavailable for Amina Otieno", "Verification Locked Wanjiru Kamau", "Please Contact O'Brien"]) expect(mentionsPersonal(text), text).toBe(true);
    // assert a whole value that is a name, including the name in Nyota Imara's own example (under `name`, so not a documented word)
    for (const text of ["Amina Otieno", "Aisha Kamau", "Anne-Marie Otieno"]) expect(looksPersonal("note", text), text).toBe(true);
    expect(mentionsPersonal("Locked by Aisha Kamau")).toBe(true);
  });
  it("reads the documented words from spec prose and examples, never from personal keys or name-shaped values", () => {
    const vocabulary = nameVocabulary([
      {
        info: { description: "Served by Quorvex Bank." },
        examples: { a: { value: { fullName: "Zarek Quill", note: "Ilsa Varn", message: "Ledger frozen for review." } } },
      },
    ]);
    // assert the words of the prose and of an example's message are kept (they were not known before)
    expect(mentionsPersonal("Quorvex Bank declined")).toBe(true);
    expect(mentionsPersonal("Quorvex Bank declined", vocabulary)).toBe(false);
    expect(mentionsPersonal("Ledger Frozen", vocabulary)).toBe(false);
    // assert a name under a personal key, or a name-shaped example value, teaches nothing
    expect(mentionsPersonal("Zarek Quill", vocabulary)).toBe(true);
    expect(mentionsPersonal("Ilsa Varn", vocabulary)).toBe(true);
  });
});

describe("suggest on drifted traffic (new status, new field, personal fields)", () => {
  it("proposes each edit in the split file that holds the schema, classified, with evidence", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "drift.har", driftedProofTraffic());
    const r = await run(har, "--specs", specs, "--format", "json");
    // assert exit 1: edits proposed and not written
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { providers: { provider: string; version: { recommendedBump: string; next: string }; suggestions: { kind: string; level: string; bump: string; file: string; message: string; evidence: { count: number; firstSeen: string; lastSeen: string; example?: string; personal: boolean } }[]; patches: { file: string; diff: string }[] }[] };
    expect(report.providers.map((p) => p.provider)).toEqual(["proof"]);
    const proof = report.providers[0]!;
    const enumValue = proof.suggestions.find((s) => s.kind === "enum-value")!;
    // assert the new status lands in KycStatus.yaml (reached through KycStatusResponse's $ref), breaking → major
    expect(enumValue).toMatchObject({ file: "proof/components/schemas/KycStatus.yaml", level: "breaking", bump: "major", message: 'add "on_hold" to the enum' });
    expect(enumValue.evidence).toMatchObject({ count: 2, firstSeen: "2026-05-01T10:03:00.000Z", lastSeen: "2026-05-01T10:05:00.000Z", example: '"on_hold"', personal: false });
    const reviewedAt = proof.suggestions.find((s) => s.message.includes('"reviewedAt"'))!;
    // assert the new field (on all 6 ≥ 5 objects) is a date-time, additive (info, minor), and kept
    // optional because the spec's 4 named 200 examples lack it (required would make them invalid)
    expect(reviewedAt).toMatchObject({ kind: "undeclared-property", file: "proof/components/schemas/KycStatusResponse.yaml", level: "info", bump: "minor" });
    expect(reviewedAt.message).toBe('declare optional property "reviewedAt" (string, date-time); in every observed object, but 4 named example(s) of the spec lack it, so optional');
    expect(proof.version).toMatchObject({ recommendedBump: "major", next: "2.0.0" });
    const diff = proof.patches.map((p) => p.diff).join("");
    expect(diff).toContain("+  - on_hold");
    expect(diff).toContain("+  reviewedAt:");
  });

  it("never writes or shows a personal value: the field gets a type and no example", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "drift.har", driftedProofTraffic());
    // assert the recording holds the personal values (masking off), so the test can fail
    const recording = readFileSync(har, "utf8");
    for (const v of PERSONAL_VALUES) expect(recording).toContain(v);
    const json = await run(har, "--specs", specs, "--format", "json");
    const human = await run(har, "--specs", specs);
    const written = await run(har, "--specs", specs, "--write");
    expect(written.code).toBe(0);
    const report = JSON.parse(json.stdout) as { providers: { suggestions: { message: string; evidence: { personal: boolean; example?: string } }[] }[] };
    for (const key of ["dateOfBirth", "phoneNumber", "holderName"]) {
      const s = report.providers[0]!.suggestions.find((x) => x.message.includes(`"${key}"`))!;
      expect(s.evidence, key).toEqual(expect.objectContaining({ personal: true }));
      expect(s.evidence.example, key).toBeUndefined();
    }
    const edited = readFileSync(path.join(specs, "proof/components/schemas/KycStatusResponse.yaml"), "utf8");
    expect(edited).toContain("dateOfBirth:");
    for (const v of PERSONAL_VALUES) {
      expect(json.stdout).not.toContain(v);
      expect(human.stdout).not.toContain(v);
      expect(edited).not.toContain(v);
    }
    // assert the credential of the recorded request appears nowhere either
    expect(json.stdout + human.stdout + edited).not.toContain("tok_secret_123456");
  });
});

describe("undeclared properties where the schema tolerates unknown ones", () => {
  it("are found although the checker accepts them, and required only past --min-observations", async () => {
    const { specs, dir } = workspace();
    // The 200's named examples would lack the new property: without them, required is possible.
    const pathFile = path.join(specs, "proof/paths/widget_users_{partner_user_id}_kyc-status.yaml");
    const doc = parseDocument(readFileSync(pathFile, "utf8"));
    doc.deleteIn(["get", "responses", "200", "content", "application/json", "examples"]);
    writeFileSync(pathFile, String(doc));
    const traffic = [0, 1, 2, 3].map((i) => proofOk(i, { attempts: i }));
    const har = writeHar(dir, "four.har", traffic);
    const four = JSON.parse((await run(har, "--specs", specs, "--format", "json")).stdout) as { providers: { suggestions: { message: string }[] }[] };
    // assert 4 of 4 with the default minimum 5: optional; with --min-observations 4: required
    expect(four.providers[0]!.suggestions.map((s) => s.message)).toEqual(['declare optional property "attempts" (integer)']);
    const min4 = JSON.parse((await run(har, "--specs", specs, "--format", "json", "--min-observations", "4")).stdout) as typeof four;
    expect(min4.providers[0]!.suggestions.map((s) => s.message)).toEqual(['declare required property "attempts" (integer)']);
  });
});

describe("undocumented statuses, headers and ids that break their pattern", () => {
  it("documents a status and a header on the operation's path file or shared response", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "s.har", [
      exchange({ path: "/widget/users/u-1/kyc-status", status: 409, body: { error: "conflict", code: "busy", message: "try later" } }),
      exchange({ path: "/widget/users/u-2/kyc-status", body: { partner_user_id: "u-2", status: "pending" }, headers: { "x-trace-id": "abc", date: "Mon, 01 Jan 2026 00:00:00 GMT" } }),
    ]);
    const r = JSON.parse((await run(har, "--specs", specs, "--format", "json")).stdout) as { providers: { suggestions: { kind: string; file: string; level: string; message: string }[] }[] };
    const s = r.providers[0]!.suggestions;
    // assert a new status is breaking for consumers; the header additive; the transport header `date` is no finding
    expect(s.find((x) => x.kind === "undocumented-status")).toMatchObject({ file: "proof/paths/widget_users_{partner_user_id}_kyc-status.yaml", level: "breaking", message: "document status 409 with the observed body, masked, as example busy" });
    expect(s.find((x) => x.kind === "undocumented-header")).toMatchObject({ level: "info", message: "document response header X-Trace-Id" });
    expect(s).toHaveLength(2);
  });

  it("an undocumented error status gets its masked bodies as snake_case named examples", async () => {
    const { specs, dir } = workspace();
    const myaza = (i: number, body: unknown) => exchange({ path: `/api/kyc/status/ver_${i}`, status: 409, minute: i, body });
    const har = writeHar(dir, "e.har", [
      myaza(1, { error: "Verification Locked", message: "Locked by Wanjiru Kamau", contactPhone: "+254 712 345 678" }),
      myaza(2, { error: "already-processing", message: "retry later" }),
      myaza(3, { message: "retry later" }),
    ]);
    const r = JSON.parse((await run(har, "--specs", specs, "--format", "json", "--write")).stdout) as { providers: { suggestions: { kind: string; message: string }[] }[] };
    // assert named from each body's error code in snake_case (an ordinary capitalised phrase is no name: kept and used), else observed_409
    expect(r.providers[0]!.suggestions.find((x) => x.kind === "undocumented-status")?.message).toBe("document status 409 with the observed body, masked, as examples verification_locked, already_processing, observed_409");
    const written = readFileSync(path.join(specs, "myaza/paths/api_kyc_status_{verificationId}.yaml"), "utf8");
    const examples = parseDocument(written).getIn(["get", "responses", "409", "content", "application/json", "examples"], false) as { toJSON(): Record<string, { summary: string; value: unknown }> };
    const named = examples.toJSON();
    expect(Object.keys(named)).toEqual(["verification_locked", "already_processing", "observed_409"]);
    // assert the personal values are masked, other values kept, and the summary says the example was observed
    expect(named.verification_locked?.value).toEqual({ error: "Verification Locked", message: "[masked]", contactPhone: "[masked]" });
    expect(named.already_processing?.value).toEqual({ error: "already-processing", message: "retry later" });
    expect(named.observed_409?.value).toEqual({ message: "retry later" });
    expect(named.verification_locked?.summary).toMatch(/^Observed in traffic, personal values masked \(kyc-contracts suggest, seen in 3 exchange\(s\)/);
    for (const v of ["Wanjiru", "712 345", "tok_secret_123456"]) expect(written).not.toContain(v);
  });

  it("the report quotes no body that masking changed, though no single value of it looks personal", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "t.har", [exchange({ path: "/widget/users/u-1/kyc-status", status: 418, body: { error: "teapot", code: "teapot", message: "Locked by Wanjiru Kamau" } })]);
    const r = await run(har, "--specs", specs, "--format", "json");
    const status = suggestionsOf(JSON.parse(r.stdout) as Report, "proof").find((x) => x.kind === "undocumented-status")!;
    // assert the example written is masked, and the evidence says personal instead of quoting the body
    expect(status.evidence).toMatchObject({ personal: true });
    expect(status.evidence.example).toBeUndefined();
    expect(r.stdout).not.toContain("Wanjiru");
    expect(r.stdout).toContain('message: \\"[masked]\\"');
  });

  it("example names: BTC Direct's errors key, a code, a phrase, a number, nothing", () => {
    expect(exampleName("400", { errors: { ER801: { code: "ER801" } } })).toBe("er801");
    expect(exampleName("409", { error: "conflict", code: "Busy.Now" })).toBe("busy_now");
    expect(exampleName("503", { success: false, error: "Service temporarily down" })).toBe("service_temporarily_down");
    expect(exampleName("409", { code: "4091" })).toBe("observed_4091");
    expect(exampleName("502", "Bad Gateway")).toBe("observed_502");
    expect(exampleName("502", { code: "[masked]" })).toBe("observed_502");
  });

  it("a new Myaza status lands in the branch it fits and is judged as that branch's enum grown", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "q.har", [exchange({ path: "/api/kyc/status/ver_1", body: { verificationId: "ver_1", status: "queued", createdAt: "2026-05-01T10:00:00.000Z" } })]);
    const r = JSON.parse((await run(har, "--specs", specs, "--format", "json")).stdout) as { providers: { suggestions: { kind: string; file: string; message: string; changes: { id: string }[] }[] }[] };
    const s = r.providers[0]!.suggestions.find((x) => x.kind === "enum-value");
    // assert the pending branch's enum, and the verdict: an enum value in that branch plus the KYC rules, no branch added or removed
    expect(s).toMatchObject({ file: "myaza/components/schemas/PendingVerificationStatus.yaml", message: 'add "queued" to the enum' });
    expect(s?.changes.map((c) => c.id)).toEqual(["response-enum-value-added", "kyc-status-value-added", "kyc-status-unmapped"]);
  });

  it("widens Myaza's verification id pattern by the prefix the observed ids share", async () => {
    const { specs, dir } = workspace();
    const ids = ["vrf_01ABC", "vrf_02DEF"];
    const har = writeHar(
      dir,
      "m.har",
      ids.map((id) => exchange({ path: `/api/kyc/status/${id}`, body: { verificationId: id, status: "pending", createdAt: "2026-05-01T10:00:00.000Z" } })),
    );
    const r = JSON.parse((await run(har, "--specs", specs, "--format", "json", "--write")).stdout) as { providers: { suggestions: { kind: string; file: string; message: string }[] }[] };
    const patterns = r.providers[0]!.suggestions.filter((x) => x.kind === "pattern-mismatch");
    // assert one edit of VerificationId.yaml, seen from the path parameter and the body (both $ref it)
    expect(new Set(patterns.map((p) => p.file))).toEqual(new Set(["myaza/components/schemas/VerificationId.yaml"]));
    const pattern = readFileSync(path.join(specs, "myaza/components/schemas/VerificationId.yaml"), "utf8");
    expect(pattern).toContain("pattern: (?:^ver_)|^vrf_");
    expect(new RegExp("(?:^ver_)|^vrf_").test("vrf_01ABC")).toBe(true);
  });
});

describe("an error code a documented error response has no named example for", () => {
  it("Proof: a named example, named as its siblings are, in the shared response; the reason phrase kept, a name masked", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "codes.har", newErrorCodeTraffic());
    const r = await run(har, "--specs", specs, "--format", "json", "--write");
    expect(r.code, r.stderr).toBe(0);
    const proof = suggestionsOf(JSON.parse(r.stdout) as Report, "proof");
    // assert one suggestion (validation_error is documented), in the 400's shared file, additive, saying what a human decides
    expect(proof).toHaveLength(1);
    expect(proof[0]).toMatchObject({ kind: "undocumented-error-code", file: "proof/components/responses/BadRequest.yaml", level: "info", bump: "minor" });
    expect(proof[0]!.message).toBe(
      "add named example unsupported_country for error unsupported_country to the documented 400 response, its value the observed body, masked; these examples are the provider's list of codes for 400 (check-har's proof-error-code check reads it): decide whether unsupported_country is a code the provider documents before the example makes it one",
    );
    // assert both bodies counted; the one quoting a name makes the evidence personal: no example in the report
    expect(proof[0]!.evidence).toMatchObject({ count: 2, personal: true });
    expect(proof[0]!.evidence.example).toBeUndefined();
    const written = readFileSync(path.join(specs, "proof/components/responses/BadRequest.yaml"), "utf8");
    const example = (parseDocument(written).toJS() as { content: Record<string, { examples: Record<string, { summary: string; value: unknown }> }> }).content["application/json"]!.examples.unsupported_country!;
    // assert the first body, whole: "Service Unavailable" is a reason phrase, not a name
    expect(example.value).toEqual({ error: "invalid_request", code: "unsupported_country", message: "Service Unavailable: KYC is not offered in this country." });
    expect(example.summary).toMatch(/^Observed in traffic, personal values masked \(kyc-contracts suggest, seen in 2 exchange\(s\)/);
    for (const v of [PERSONAL_VALUES[2]!, "tok_secret_123456"]) expect(written + r.stdout).not.toContain(v);
    // assert the written spec describes the traffic: nothing left to propose
    const again = await run(har, "--specs", specs, "--format", "json");
    expect(again.code, again.stdout).toBe(0);
  });

  it("BTC Direct: er<nnn>_<message words> in a new example file beside the others, the catalogue's open question in the message", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "codes.har", newErrorCodeTraffic());
    const proposed = JSON.parse((await run(har, "--specs", specs, "--format", "json")).stdout) as Report;
    const btc = suggestionsOf(proposed, "btc-direct");
    // assert one suggestion: ER707 is documented under 400, and the errors map's key ER710 is no undeclared property
    expect(btc.map((s) => s.kind)).toEqual(["undocumented-error-code"]);
    expect(btc[0]).toMatchObject({ file: "btc-direct/components/responses/BadRequest.yaml", level: "warning", bump: "minor" });
    expect(btc[0]!.message).toContain("add named example er710_user_is_not_verified for error ER710 to the documented 400 response, in er710_user_is_not_verified.yaml beside the other examples");
    expect(btc[0]!.message).toContain("the error catalogue (npm run generate → generated/btc-direct-errors.ts, the reference docs) gains ER710 with the observed message and solution");
    expect(btc[0]!.message).toContain("say in the response's description that ER710 under 400 is observed, not documented");
    // assert the new file is a creation in the patch, and the response gains a $ref as its siblings have
    const diffs = proposed.providers.find((p) => p.provider === "btc-direct")!.patches.map((p) => p.diff).join("");
    expect(diffs).toContain("--- /dev/null\n+++ b/btc-direct/components/examples/er710_user_is_not_verified.yaml\n");
    expect(diffs).toContain("+        $ref: ../examples/er710_user_is_not_verified.yaml");

    expect((await run(har, "--specs", specs, "--write")).code).toBe(0);
    const read = await readSpecFile(path.join(specs, "btc-direct/openapi.yaml"), "btc-direct");
    if (!read.ok) throw new Error(read.message);
    const catalogue = readBtcDirectCatalogue(read.spec.document);
    // assert the catalogue reads the new example without a problem: observed message, the solution quoting a name masked
    expect(catalogue.problems).toEqual([]);
    expect(catalogue.entries.find((e) => e.code === "ER710")).toEqual({ code: "ER710", httpStatus: 400, message: "User is not verified yet.", solution: "[masked]", example: "er710_user_is_not_verified" });
    expect(readFileSync(path.join(specs, "btc-direct/components/examples/er710_user_is_not_verified.yaml"), "utf8")).not.toContain(PERSONAL_VALUES[2]!);
  });

  it("a code the catalogue keeps under another status is not added; the message says what to decide", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "moved.har", [exchange({ path: "/api/v2/user/verification-status", status: 404, body: { errors: { ER707: { code: "ER707", message: "User identifier is invalid.", solution: "x" } } } })]);
    const r = JSON.parse((await run(har, "--specs", specs, "--format", "json")).stdout) as Report;
    // assert no edit (the catalogue keeps a code under one status), the question named
    expect(suggestionsOf(r, "btc-direct")).toEqual([
      expect.objectContaining({
        level: "none",
        message: "ER707 is not added to 404: the error catalogue has it under HTTP 400 (example er707_identifier_malformed) and keeps a code under one status; decide whether the provider moved ER707 to 404 (then move its example) or answers it under both",
      }),
    ]);
    expect(r.providers[0]!.patches).toEqual([]);
  });

  it("a code outside an enum of codes: the message points at the enum's own suggestion", async () => {
    const { specs, dir } = workspace();
    const file = path.join(specs, "proof/components/schemas/ErrorResponse.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("  code:\n    type: string\n", "  code:\n    type: string\n    enum: [validation_error, decode_error, missing_param]\n"));
    const har = writeHar(dir, "enum.har", [exchange({ path: "/widget/users/u-1/kyc-status", status: 400, body: { error: "invalid_request", code: "unsupported_country", message: "Not offered here." } })]);
    const proof = suggestionsOf(JSON.parse((await run(har, "--specs", specs, "--format", "json")).stdout) as Report, "proof");
    expect(proof.map((s) => s.kind).sort()).toEqual(["enum-value", "undocumented-error-code"]);
    expect(proof.find((s) => s.kind === "undocumented-error-code")!.message).toContain("; unsupported_country is also outside the enum of its field (the enum suggestion adds it): decide whether that list of codes stays closed");
  });

  it("a documented code, or a body without one, proposes nothing", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "known.har", [
      exchange({ path: "/widget/users/u-1/kyc-status", status: 400, body: { error: "invalid_request", code: "decode_error", message: "Could not decode." } }),
      exchange({ path: "/v1/kyc/u-1", status: 404, body: { success: false, error: "KYC record not found for this user." } }),
      exchange({ path: "/api/kyc/status/ver_1", status: 400, body: { error: "Invalid request", message: "verificationId must start with ver_" } }),
    ]);
    const r = await run(har, "--specs", specs);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain("already describe this traffic");
  });
});

describe("edits keep comments and layout", () => {
  it("changes only the lines of the edit, comments included", async () => {
    const { specs, dir } = workspace();
    const file = path.join(specs, "proof/components/schemas/KycStatus.yaml");
    const original = `# Reviewed by the contracts team — keep this comment.\n${readFileSync(file, "utf8").replace("  - failed\n", "  - failed # the last documented value\n")}`;
    writeFileSync(file, original);
    const har = writeHar(dir, "c.har", [proofOk(1, { status: "on_hold" })]);
    expect((await run(har, "--specs", specs, "--provider", "proof", "--write")).code).toBe(0);
    const after = readFileSync(file, "utf8");
    // assert exactly one added line; every original line (comments too) still there, in order
    expect(after.split("\n").length).toBe(original.split("\n").length + 1);
    expect(after.replace("  - on_hold\n", "")).toBe(original);
  });
});

describe("unified diff", () => {
  it("is a patch that `patch` applies to give the edited text", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kyc-udiff-"));
    made.push(dir);
    const before = Array.from({ length: 30 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const after = before.replace("line 3\n", "line 3\nnew a\n").replace("line 20\n", "").replace("line 29\n", "line 29\nnew end\n");
    mkdirSync(path.join(dir, "a"));
    writeFileSync(path.join(dir, "a", "f.yaml"), before);
    writeFileSync(path.join(dir, "p.diff"), unifiedDiff(before, after, "f.yaml"));
    execFileSync("patch", ["-s", "-p1", "-d", path.join(dir, "a"), "-i", path.join(dir, "p.diff")]);
    expect(readFileSync(path.join(dir, "a", "f.yaml"), "utf8")).toBe(after);
    expect(unifiedDiff(before, before, "x")).toBe("");
  });
  it("creates a new file from /dev/null", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kyc-udiff-"));
    made.push(dir);
    const text = "summary: new\nvalue:\n  a: 1\n";
    const diff = unifiedDiff("", text, "examples/new.yaml", { created: true });
    expect(diff.startsWith("--- /dev/null\n+++ b/examples/new.yaml\n@@ -0,0 +1,3 @@\n")).toBe(true);
    mkdirSync(path.join(dir, "a", "examples"), { recursive: true });
    writeFileSync(path.join(dir, "p.diff"), diff);
    execFileSync("patch", ["-s", "-p1", "-d", path.join(dir, "a"), "-i", path.join(dir, "p.diff")]);
    expect(readFileSync(path.join(dir, "a", "examples", "new.yaml"), "utf8")).toBe(text);
  });
});

describe("suggest usage and safety", () => {
  it("refuses --write inside node_modules (exit 2) and says how to copy the specs", async () => {
    const { dir } = workspace();
    const har = writeHar(dir, "d.har", driftedProofTraffic());
    const inside = path.join(dir, "node_modules", "kyc-status-contracts", "openapi");
    const r = await run(har, "--specs", inside, "--write");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cp -r node_modules/kyc-status-contracts/openapi ./openapi");
  });
  it("names an unreadable traffic path or spec folder (exit 2)", async () => {
    const { specs, dir } = workspace();
    const missing = await run(path.join(dir, "nope.har"), "--specs", specs);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.har");
    const har = writeHar(dir, "d.har", driftedProofTraffic());
    const noSpecs = await run(har, "--specs", path.join(dir, "empty"));
    expect(noSpecs.code).toBe(2);
    expect(noSpecs.stderr).toContain("empty");
    expect((await run(har, "--min-observations", "0")).code).toBe(2);
    const notHar = path.join(dir, "notes.har");
    writeFileSync(notHar, "this is not JSON");
    const invalid = await run(notHar, "--specs", specs);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("notes.har");
  });
  it("exits 0 when the specs already describe the traffic", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "ok.har", [proofOk(1)]);
    const r = await run(har, "--specs", specs);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("already describe this traffic");
  });
});

describe("the observer is bounded by findings, not traffic", () => {
  it("keeps one finding per source node however many exchanges show it", () => {
    const { specs } = workspace();
    const read = readSourceTree(path.join(specs, "proof/openapi.yaml"));
    if (!read.ok) throw new Error(read.message);
    const observer = createTrafficObserver("proof", read.tree);
    for (let i = 0; i < 500; i++) observer.observe(proofOk(i, { status: "on_hold", attempts: i }));
    expect(observer.counts).toEqual({ exchanges: 500, matched: 500, dropped: 0 });
    expect(observer.findings().map((f) => [f.kind, f.evidence.count])).toEqual([
      ["enum-value", 500],
      ["undeclared-property", 500],
    ]);
  });
  it("keeps at most MAX_FINDINGS distinct findings and counts the rest", () => {
    const { specs } = workspace();
    const read = readSourceTree(path.join(specs, "proof/openapi.yaml"));
    if (!read.ok) throw new Error(read.message);
    const observer = createTrafficObserver("proof", read.tree);
    // assert keys that are data (one new key per exchange) stop growing the observer
    for (let i = 0; i < MAX_FINDINGS + 20; i++) observer.observe(proofOk(i, { [`k${i}`]: 1 }));
    expect(observer.findings()).toHaveLength(MAX_FINDINGS);
    expect(observer.counts.dropped).toBe(20);
  });
  it("keeps a few new error codes per documented response when the code is text that varies", () => {
    const { specs } = workspace();
    const read = readSourceTree(path.join(specs, "nyota-imara/openapi.yaml"));
    if (!read.ok) throw new Error(read.message);
    const observer = createTrafficObserver("nyota-imara", read.tree);
    // assert Nyota Imara's `error` sentence, different each time: at most MAX_STATUS_EXAMPLES findings, each counted
    for (let i = 0; i < MAX_STATUS_EXAMPLES + 3; i++) observer.observe(exchange({ path: `/v1/kyc/u-${i}`, status: 404, body: { success: false, error: `No record in shard ${String.fromCharCode(97 + i)}.` } }));
    const codes = observer.findings().filter((f) => f.kind === "undocumented-error-code");
    expect(codes).toHaveLength(MAX_STATUS_EXAMPLES);
    expect(codes.map((f) => f.evidence.count)).toEqual(Array.from({ length: MAX_STATUS_EXAMPLES }, () => 1));
  });
  it("runs from code: suggestFromTraffic", async () => {
    const { specs, dir } = workspace();
    const har = writeHar(dir, "d.har", driftedProofTraffic());
    const r = await suggestFromTraffic({ files: [har], specsDir: specs, roots: { proof: path.join(specs, "proof", "openapi.yaml") }, minObservations: 5 });
    expect(r.ok && r.run.providers[0]!.suggestions.length).toBe(5);
  });
});

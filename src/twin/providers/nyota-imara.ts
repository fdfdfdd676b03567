/**
 * Nyota Imara twin: `Authorization: Bearer <token>`; no header → 401 (`missing_token`), a
 * malformed, unknown or expired token → 401 with the handbook's message; `me` is the token's
 * own user; another user's record without the read policy → 403; no record → 404. Document URLs
 * are signed afresh on every call (`X-Amz-Date` now, `X-Amz-Expires` as in the spec's example).
 */
import type { ProviderDefinition } from "../engine.js";
import { bearerToken } from "./shared.js";

interface RecordBody {
  success: true;
  data: {
    userId: string;
    userInfo: { email: string; name: string };
    idNumber: string;
    status: string;
    documents: Record<string, string>;
    verifiedAt: string | null;
    rejectionReason: string | null;
    submittedAt: string;
  };
}

/** `X-Amz-Date` format: `20260427T120000Z`. */
const amzDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/**
 * 64 hex digits, different on every call: a twin signs nothing, the signature only has to be
 * fresh. A random prefix per process and a counter (cheap on the hot path).
 */
const signaturePrefix = Array.from({ length: 6 }, () => ((Math.random() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, "0")).join("");
let signatureCount = 0;
const signatureHex = (): string => signaturePrefix + (signatureCount++).toString(16).padStart(16, "0");

/** The parts of an example URL a signature keeps: where it points and how long it is valid. */
const unsigned = new Map<string, { base: string; expires: string }>();
function unsignedParts(exampleUrl: string): { base: string; expires: string } {
  let parts = unsigned.get(exampleUrl);
  if (!parts) {
    const url = new URL(exampleUrl);
    parts = { base: `${url.origin}${url.pathname}`, expires: url.searchParams.get("X-Amz-Expires") ?? "900" };
    unsigned.set(exampleUrl, parts);
  }
  return parts;
}

/** The example's URL, re-signed at `nowMs` (or at the `X-Amz-Date` text `date`) with the example's `X-Amz-Expires` and a fresh signature. */
function signDocumentUrl(exampleUrl: string, nowMs: number, date: string = amzDate(nowMs)): string {
  const { base, expires } = unsignedParts(exampleUrl);
  return `${base}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host&X-Amz-Signature=${signatureHex()}`;
}

export const nyotaImaraTwin: ProviderDefinition<"nyota-imara"> = ({ fixtures }) => {
  const tokens = fixtures.tokens;
  return {
    serve(ctx) {
      const header = ctx.request.headers.get("authorization");
      if (header === null || header.trim() === "") return ctx.reply(401, "missing_token");
      const token = bearerToken(header);
      const caller = token !== undefined && Object.hasOwn(tokens, token) ? tokens[token] : undefined;
      if (!caller || caller.expired) return ctx.reply(401, "invalid_or_expired_token");
      const requested = ctx.params[0] ?? "";
      const userId = requested === "me" ? caller.user : requested;
      if (userId !== caller.user && !caller.readOthers) return ctx.reply(403, "missing_read_policy");
      const record = ctx.lookup(userId);
      if (!record) return ctx.reply(404, "kyc_record_not_found");
      const example = ctx.view.findExample(200, (v) => (v as Partial<RecordBody>).data?.status === record.status);
      if (!example) throw new Error(`The nyota-imara spec has no 200 example with status "${record.status}" (twin bug).`);
      const now = ctx.now();
      return ctx.reply(200, example, (value) => {
        const body = value as RecordBody;
        const d = body.data;
        d.userId = userId;
        if (record.name !== undefined) d.userInfo.name = record.name;
        if (record.email !== undefined) d.userInfo.email = record.email;
        if (record.idNumber !== undefined) d.idNumber = record.idNumber;
        if (record.submittedAt !== undefined) d.submittedAt = record.submittedAt;
        if (record.status === "verified" && record.verifiedAt !== undefined) d.verifiedAt = record.verifiedAt;
        if (record.status === "rejected" && record.rejectionReason !== undefined) d.rejectionReason = record.rejectionReason;
        const date = amzDate(now);
        for (const key of Object.keys(d.documents)) d.documents[key] = signDocumentUrl(d.documents[key]!, now, date);
        return body;
      });
    },
  };
};

/**
 * Nyota Imara twin: `Authorization: Bearer <token>`; no header → 401 (`missing_token`), a
 * malformed, unknown or expired token → 401 with the handbook's message; `me` is the token's
 * own user; another user's record without the read policy → 403; no record → 404. Document URLs
 * are signed afresh on every call (`X-Amz-Date` now, `X-Amz-Expires` as in the spec's example).
 */
import type { ProviderDefinition } from "../engine.js";
import { bearerToken, statusExample } from "./shared.js";

interface RecordBody {
  success: true;
  data: {
    userId: string;
    userInfo: { email: string; name: string };
    idNumber: string;
    status: string;
    /** Absent on a record with nothing submitted (`none`). */
    documents?: Record<string, string>;
    verifiedAt: string | null;
    rejectionReason: string | null;
    submittedAt: string;
  };
}

/** `X-Amz-Date` format: `20260427T120000Z` (kept for the second it was made in: most calls reuse it). */
let lastDate = { second: Number.NaN, text: "" };
const amzDate = (ms: number): string => {
  const second = Math.floor(ms / 1000);
  if (second !== lastDate.second) lastDate = { second, text: new Date(second * 1000).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "") };
  return lastDate.text;
};

/**
 * 64 hex digits, different on every call: a twin signs nothing, the signature only has to be
 * fresh. A random prefix per process and a counter (cheap on the hot path).
 */
const signaturePrefix = Array.from({ length: 6 }, () => ((Math.random() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, "0")).join("");
let signatureCount = 0;
const signatureHex = (): string => signaturePrefix + (signatureCount++).toString(16).padStart(16, "0");

/** Where an example's document URL points and how long its signature is valid: what a re-signed URL keeps. */
interface UnsignedUrl {
  base: string;
  expires: string;
}

function unsignedParts(exampleUrl: string): UnsignedUrl {
  const url = new URL(exampleUrl);
  const parts = { base: `${url.origin}${url.pathname}`, expires: url.searchParams.get("X-Amz-Expires") ?? "900" };
  // Signed URLs are put into the body's JSON text as they are: one JSON would escape cannot be (no spec example has one).
  const fixed = parts.base + parts.expires;
  if (JSON.stringify(fixed) !== `"${fixed}"`) throw new Error(`The nyota-imara example's document URL ${JSON.stringify(exampleUrl)} needs JSON escaping (twin bug).`);
  return parts;
}

/** The URL re-signed with the `X-Amz-Date` text `date`, the example's `X-Amz-Expires` and a fresh signature. */
const signedUrl = ({ base, expires }: UnsignedUrl, date: string): string =>
  `${base}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host&X-Amz-Signature=${signatureHex()}`;

/**
 * Everything in a 200 body but its document URLs is fixed for a given example, user and record,
 * so the body is edited and serialized once (the engine keeps the text: `reply`'s cache key) with
 * a hole for each URL, and each call only fills the holes with freshly signed URLs. A hole is the
 * URL's index between NUL characters, which JSON writes as `\u0000` and no URL or record holds.
 */
const hole = (i: number): string => `\u0000${i}\u0000`;
const HOLE = /\\u0000(\d+)\\u0000/g;

export const nyotaImaraTwin: ProviderDefinition<"nyota-imara"> = ({ fixtures }) => {
  const tokens = fixtures.tokens;
  /** The document URLs of each 200 example, in body order (what the holes stand for). */
  const documentUrls = new Map<string, UnsignedUrl[]>();
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
      const example = statusExample(ctx.view, record.status);
      if (!example) throw new Error(`The nyota-imara spec has no 200 example with status "${record.status}" (twin bug).`);
      let urls = documentUrls.get(example);
      const reply = ctx.reply(
        200,
        example,
        (value) => {
          const d = (value as RecordBody).data;
          d.userId = userId;
          if (record.name !== undefined) d.userInfo.name = record.name;
          if (record.email !== undefined) d.userInfo.email = record.email;
          if (record.idNumber !== undefined) d.idNumber = record.idNumber;
          if (record.submittedAt !== undefined) d.submittedAt = record.submittedAt;
          if (record.status === "verified" && record.verifiedAt !== undefined) d.verifiedAt = record.verifiedAt;
          if (record.status === "rejected" && record.rejectionReason !== undefined) d.rejectionReason = record.rejectionReason;
          const documents = d.documents ?? {};
          const found = Object.keys(documents).map((key, i) => {
            const parts = unsignedParts(documents[key]!);
            documents[key] = hole(i);
            return parts;
          });
          if (!urls) documentUrls.set(example, (urls = found));
          return value;
        },
        JSON.stringify([userId, record.name, record.email, record.idNumber, record.submittedAt, record.verifiedAt, record.rejectionReason]),
      );
      const date = amzDate(ctx.now());
      const signed = urls ?? documentUrls.get(example) ?? [];
      return { ...reply, text: (reply.text ?? "").replace(HOLE, (_, i: string) => signedUrl(signed[Number(i)]!, date)) };
    },
  };
};

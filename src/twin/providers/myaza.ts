/**
 * Myaza twin: `Authorization: Bearer <pk_… or sk_… key>`; no or malformed header → 401
 * `missing_authorization`, an unknown key → 401 "Invalid API key"; a rate limit per key (the
 * spec's 100 per 900 s by default, from its RateLimit-* header examples) → 429 with
 * `RateLimit-Limit/Remaining/Reset`; an id not matching the spec's pattern → 400; a
 * verification of another organization → 404 exactly like an unknown one. A record with
 * `webhooks` gets the signed event of each status change POSTed to its endpoints (twin/webhooks.ts).
 */
import type { ProviderDefinition, TwinReply } from "../engine.js";
import { specDocument } from "../../spec/load.js";
import { bearerToken } from "./shared.js";
import { createMyazaWebhookSender } from "../webhooks.js";

interface StatusBody {
  verificationId: string;
  status: string;
  reason?: string;
  reasonCode?: string;
  createdAt: string;
  completedAt?: string;
  assuranceLevel?: string;
}

export const myazaTwin: ProviderDefinition<"myaza"> = ({ fixtures, clock }) => {
  const keys = fixtures.keys;
  const windows = new Map<string, { start: number; count: number }>();
  let limits: { limit: number; windowMs: number } | undefined = fixtures.rateLimit;
  let idPattern: RegExp | undefined;
  const sender = createMyazaWebhookSender(specDocument("myaza"), { now: () => clock.now() });
  return {
    webhooks: {
      watches: (record) => record.webhooks !== undefined,
      changed(id, record, previous) {
        if (record.webhooks && record.status !== previous.status) void sender.deliver(id, record, record.webhooks, "status-change");
      },
      deliver(id, record) {
        if (!record.webhooks) return { error: `Record "${id}" names no webhook endpoints: give it webhooks: { endpoints: [...], secret }.` };
        return sender.deliver(id, record, record.webhooks, "manual");
      },
      deliveries: () => sender.deliveries(),
      settled: () => sender.settled(),
    },
    serve(ctx) {
      if (!limits) {
        const declared = ctx.view.statuses.get(429)?.headers;
        limits = { limit: Number(declared?.get("RateLimit-Limit") ?? 100), windowMs: Number(declared?.get("RateLimit-Reset") ?? 900) * 1000 };
      }
      if (!idPattern) {
        const param = ctx.view.doc.components?.schemas?.VerificationId as { pattern?: string } | undefined;
        idPattern = new RegExp(param?.pattern ?? "^ver_");
      }
      const key = bearerToken(ctx.request.headers.get("authorization"));
      if (key === undefined) return ctx.reply(401, "missing_authorization");
      const organization = Object.hasOwn(keys, key) ? keys[key] : undefined;
      if (organization === undefined) return ctx.reply(401, "invalid_api_key");

      const now = clock.now();
      let window = windows.get(key);
      if (!window || now >= window.start + limits.windowMs) {
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      const rateHeaders = {
        "RateLimit-Limit": String(limits.limit),
        "RateLimit-Remaining": String(Math.max(0, limits.limit - window.count)),
        "RateLimit-Reset": String(Math.max(0, Math.ceil((window.start + limits.windowMs - now) / 1000))),
      };
      const withRate = (reply: TwinReply): TwinReply => ({ ...reply, headers: { ...reply.headers, ...rateHeaders } });
      if (window.count > limits.limit) return withRate(ctx.reply(429, "too_many_requests"));

      const id = ctx.params[0] ?? "";
      if (!idPattern.test(id)) return withRate(ctx.reply(400, "invalid_request"));
      const record = ctx.lookup(id, (r) => r.organization === organization);
      if (!record) return withRate(ctx.reply(404, "verification_not_found"));
      const sameStatus = (v: unknown): boolean => (v as StatusBody).status === record.status;
      const example =
        (record.reasonCode !== undefined ? ctx.view.findExample(200, (v) => sameStatus(v) && (v as StatusBody).reasonCode === record.reasonCode) : undefined) ??
        ctx.view.findExample(200, sameStatus);
      if (!example) throw new Error(`The myaza spec has no 200 example with status "${record.status}" (twin bug).`);
      return withRate(
        ctx.reply(200, example, (value) => {
          const body = value as StatusBody;
          body.verificationId = id;
          if (body.reasonCode !== undefined && record.reasonCode !== undefined) body.reasonCode = record.reasonCode;
          if (body.reason !== undefined && record.reason !== undefined) body.reason = record.reason;
          if (record.createdAt !== undefined) body.createdAt = record.createdAt;
          if (record.completedAt !== undefined && body.completedAt !== undefined) body.completedAt = record.completedAt;
          if (record.assuranceLevel !== undefined) body.assuranceLevel = record.assuranceLevel;
          return body;
        }, JSON.stringify([id, record.reasonCode, record.reason, record.createdAt, record.completedAt, record.assuranceLevel])),
      );
    },
  };
};

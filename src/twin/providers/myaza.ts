/**
 * Myaza twin: `Authorization: Bearer <pk_… or sk_… key>`; no or malformed header → 401
 * `missing_authorization`, an unknown key → 401 "Invalid API key"; a rate limit per key (the
 * spec's 100 per 900 s by default, from its RateLimit-* header examples) → 429 with
 * `RateLimit-Limit/Remaining/Reset`; an id not matching the spec's pattern → 400; a
 * verification of another organization → 404 exactly like an unknown one. Every answer to a
 * known key carries its window's `RateLimit-*` (also a `Prefer` or fault answer; a 429 says 0 remaining). A record with
 * `webhooks` gets the signed event of each status change POSTed to its endpoints (twin/webhooks.ts).
 */
import type { ProviderDefinition } from "../engine.js";
import type { SpecView } from "../spec-view.js";
import { bearerToken, statusExample } from "./shared.js";
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

export const myazaTwin: ProviderDefinition<"myaza"> = ({ fixtures, clock, view: served }) => {
  const keys = fixtures.keys;
  const windows = new Map<string, { start: number; count: number }>();
  let limits: { limit: number; windowMs: number } | undefined = fixtures.rateLimit;
  let idPattern: RegExp | undefined;
  const sender = createMyazaWebhookSender(served.doc, { now: () => clock.now() });
  const rateLimits = (view: SpecView): { limit: number; windowMs: number } => {
    if (!limits) {
      const declared = view.statuses.get(429)?.headers;
      limits = { limit: Number(declared?.get("RateLimit-Limit") ?? 100), windowMs: Number(declared?.get("RateLimit-Reset") ?? 900) * 1000 };
    }
    return limits;
  };
  /** The key's window as of now (undefined when it has none or it has expired). */
  const openWindow = (key: string, now: number, windowMs: number): { start: number; count: number } | undefined => {
    const window = windows.get(key);
    return window && now < window.start + windowMs ? window : undefined;
  };
  const knownKey = (authorization: string | null): string | undefined => {
    const key = bearerToken(authorization);
    return key !== undefined && Object.hasOwn(keys, key) ? key : undefined;
  };
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
    // Every answer to a known key, whatever chose it (a Prefer, a fault), reports that key's window; a 429 never says requests remain.
    requestHeaders(request, status, view) {
      const key = knownKey(request.headers.get("authorization"));
      if (key === undefined) return undefined;
      const { limit, windowMs } = rateLimits(view);
      const now = clock.now();
      const window = openWindow(key, now, windowMs) ?? { start: now, count: 0 };
      return {
        "RateLimit-Limit": String(limit),
        "RateLimit-Remaining": status === 429 ? "0" : String(Math.max(0, limit - window.count)),
        "RateLimit-Reset": String(Math.max(0, Math.ceil((window.start + windowMs - now) / 1000))),
      };
    },
    serve(ctx) {
      if (!idPattern) {
        const param = ctx.view.doc.components?.schemas?.VerificationId as { pattern?: string } | undefined;
        idPattern = new RegExp(param?.pattern ?? "^ver_");
      }
      const authorization = ctx.request.headers.get("authorization");
      if (bearerToken(authorization) === undefined) return ctx.reply(401, "missing_authorization");
      const key = knownKey(authorization);
      const organization = key === undefined ? undefined : keys[key];
      if (key === undefined || organization === undefined) return ctx.reply(401, "invalid_api_key");

      const now = clock.now();
      const { limit, windowMs } = rateLimits(ctx.view);
      let window = openWindow(key, now, windowMs);
      if (!window) {
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      if (window.count > limit) return ctx.reply(429, "too_many_requests");

      const id = ctx.params[0] ?? "";
      if (!idPattern.test(id)) return ctx.reply(400, "invalid_request");
      const record = ctx.lookup(id, (r) => r.organization === organization);
      if (!record) return ctx.reply(404, "verification_not_found");
      const example = (record.reasonCode !== undefined ? statusExample(ctx.view, record.status, (v) => (v as StatusBody).reasonCode === record.reasonCode) : undefined) ?? statusExample(ctx.view, record.status);
      if (!example) throw new Error(`The myaza spec has no 200 example with status "${record.status}" (twin bug).`);
      return ctx.reply(200, example, (value) => {
        const body = value as StatusBody;
        body.verificationId = id;
        if (body.reasonCode !== undefined && record.reasonCode !== undefined) body.reasonCode = record.reasonCode;
        if (body.reason !== undefined && record.reason !== undefined) body.reason = record.reason;
        if (record.createdAt !== undefined) body.createdAt = record.createdAt;
        if (record.completedAt !== undefined && body.completedAt !== undefined) body.completedAt = record.completedAt;
        if (record.assuranceLevel !== undefined) body.assuranceLevel = record.assuranceLevel;
        return body;
      }, JSON.stringify([id, record.reasonCode, record.reason, record.createdAt, record.completedAt, record.assuranceLevel]));
    },
  };
};

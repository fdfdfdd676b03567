/**
 * BTC Direct twin: partner auth by `X-Api-Key` or `Authorization: Bearer <partner token>`, user
 * auth by exactly one of `User-Identifier` / `User-Authorization: Bearer <user token>`. An
 * empty or blank header counts as not sent (so it is neither "both methods", ER803, nor a credential). Each
 * failure is answered with its catalogue code at the status the spec gives it (the error bodies
 * are the spec's named examples, found by their code).
 */
import type { BtcDirectErrorCode } from "../../../generated/btc-direct-errors.js";
import type { ProviderDefinition, ServeContext, TwinReply } from "../engine.js";
import { BTC_DIRECT_IDENTIFIER } from "../fixtures-schema.js";
import type { SpecView } from "../spec-view.js";
import { bearerToken } from "./shared.js";

const identifierPattern = new RegExp(BTC_DIRECT_IDENTIFIER);

/** ER code → the documented status and named example carrying it. */
function errorExamples(view: SpecView): Map<string, { status: number; example: string }> {
  const map = new Map<string, { status: number; example: string }>();
  for (const [status, s] of view.statuses) {
    if (status < 400) continue;
    for (const [name, value] of s.examples) {
      const errors = (value as { errors?: Record<string, unknown> } | undefined)?.errors;
      for (const code of Object.keys(errors ?? {})) if (!map.has(code)) map.set(code, { status, example: name });
    }
  }
  return map;
}

export const btcDirectTwin: ProviderDefinition<"btc-direct"> = ({ fixtures }) => {
  const apiKeys = new Set(fixtures.apiKeys);
  const partnerTokens = fixtures.partnerTokens ?? {};
  const userTokens = fixtures.userTokens ?? {};
  let codes: Map<string, { status: number; example: string }> | undefined;
  const fail = (ctx: ServeContext<"btc-direct">, code: BtcDirectErrorCode): TwinReply => {
    codes ??= errorExamples(ctx.view);
    const found = codes.get(code);
    if (!found) throw new Error(`The btc-direct spec has no example for ${code} (twin bug).`);
    return ctx.reply(found.status, found.example);
  };
  return {
    serve(ctx) {
      // An empty or blank credential header is absent, for ER803 and for a missing credential alike.
      const header = (name: string): string | null => {
        const value = ctx.request.headers.get(name);
        return value === null || value.trim() === "" ? null : value;
      };
      const apiKey = header("x-api-key");
      const partnerAuth = header("authorization");
      const userIdentifier = header("user-identifier");
      const userAuth = header("user-authorization");
      if ((apiKey !== null && partnerAuth !== null) || (userIdentifier !== null && userAuth !== null)) return fail(ctx, "ER803");

      if (partnerAuth !== null) {
        const token = bearerToken(partnerAuth);
        if (token === undefined) return fail(ctx, "ER802");
        const known = Object.hasOwn(partnerTokens, token) ? partnerTokens[token] : undefined;
        if (!known) return fail(ctx, "ER800");
        if (known.expired) return fail(ctx, "ER801");
      } else if (apiKey === null) {
        return fail(ctx, "ER806");
      } else if (!apiKeys.has(apiKey)) {
        return fail(ctx, "ER805");
      }

      let identifier: string;
      const byToken = userAuth !== null;
      if (userAuth !== null) {
        const token = bearerToken(userAuth);
        if (token === undefined) return fail(ctx, "ER700");
        const known = Object.hasOwn(userTokens, token) ? userTokens[token] : undefined;
        if (!known) return fail(ctx, "ER702");
        if (known.expired) return fail(ctx, "ER701");
        identifier = known.user;
      } else if (userIdentifier === null) {
        return fail(ctx, "ER704");
      } else if (!identifierPattern.test(userIdentifier)) {
        return fail(ctx, "ER707");
      } else {
        identifier = userIdentifier;
      }

      const record = ctx.lookup(identifier);
      // A token whose user has no record: the user is gone (ER709); an identifier nobody linked: ER705.
      if (!record) return fail(ctx, byToken ? "ER709" : "ER705");
      if (record.requirements !== undefined) return { status: 200, body: structuredClone(record.requirements) };
      return ctx.reply(200, record.example ?? "fully_verified");
    },
  };
};

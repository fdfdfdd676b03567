/**
 * Proof twin: `Authorization: Bearer <client_token>`; no or malformed header → 401
 * `missing_token`, an unknown token → 401 `invalid_token`, an unknown `partner_user_id` → 404
 * `not_found`; `X-Request-Id` on every response.
 */
import type { ProviderDefinition } from "../engine.js";
import { bearerToken, idSequence, statusExample } from "./shared.js";

export const proofTwin: ProviderDefinition<"proof"> = ({ fixtures }) => {
  const tokens = new Set(fixtures.tokens);
  return {
    everyResponse: ((nextId) => () => ({ "X-Request-Id": nextId() }))(idSequence(undefined)),
    serve(ctx) {
      const token = bearerToken(ctx.request.headers.get("authorization"));
      if (token === undefined) return ctx.reply(401, "missing_token");
      if (!tokens.has(token)) return ctx.reply(401, "invalid_token");
      const id = ctx.params[0] ?? "";
      const record = ctx.lookup(id);
      if (!record) return ctx.reply(404, "not_found");
      const example = statusExample(ctx.view, record.status);
      if (!example) throw new Error(`The proof spec has no 200 example with status "${record.status}" (twin bug: fixtures are checked against its status enum).`);
      return ctx.reply(200, example, (body) => ({ ...(body as object), partner_user_id: id }), id);
    },
  };
};

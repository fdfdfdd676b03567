/**
 * The twin engine: `createTwinEngine(slug, definition, fixtures)` wires one provider's module
 * (providers/*.ts: what a request gets) to what every twin shares, each in its own module:
 * - records.ts: the records, calls per id, transitions (`afterCalls`, `afterMs`) and the changes
 *   webhook providers are told about;
 * - faults.ts: which faults fire on a call and what each does to the answer;
 * - journal.ts: the request journal (redacted when read);
 * - control.ts: the `/__twin/` control API;
 * - here: routing a request (control API, unknown path, wrong method, Prism-compatible `Prefer`,
 *   the provider's answer), building an answer (documented headers, example bodies, cached
 *   renderings) and the `Twin` object. Web-standard Request/Response only.
 */
import { systemClock } from "../polling.js";
import type { ProviderSlug } from "../providers.js";
import type { AnyTwinRecord, TwinFault, TwinFixtureMap, TwinFixtures } from "./fixtures.js";
import { DEFAULT_TWIN_CORS, twinCorsPolicy } from "./cors.js";
import { parsePrefer, type Preference } from "./prefer.js";
import { networkError, textResponse } from "./respond.js";
import { specView } from "./spec-view.js";
import { checkFixtures, checkRecord, type CheckFixturesOptions, type FixtureProblem } from "./validate-fixtures.js";
import { defaultFixtures } from "./defaults.js";
import type { TwinWebhookDelivery } from "./webhooks.js";
import { TwinError, TwinFixturesError } from "./errors.js";
import { createJournal, DEFAULT_JOURNAL_LIMIT } from "./journal.js";
import { createRecordBook, type RecordBook } from "./records.js";
import { createFaults, firing } from "./faults.js";
import { answerControl, safeDecode } from "./control.js";
import type { CreateTwinOptions, ProviderBehaviour, ProviderDefinition, ServeContext, Twin, TwinAnswer, TwinReply, TwinRequestLike, TwinRequestRecord } from "./types.js";

export type * from "./types.js";
export { TwinError, TwinFixturesError, type TwinErrorCode } from "./errors.js";

/** Cached reply bodies per twin (one per example and record state served); past this the cache starts again. */
const MAX_RENDERINGS = 1_000;

/**
 * Resolves fixtures once, validated against `specs`, the specs the twins serve (the built-in
 * fixtures are valid for the bundled specs: they are checked only against specs given here).
 */
export function resolveFixtures(fixtures: TwinFixtures | undefined, source?: string, specs?: CheckFixturesOptions["specs"]): TwinFixtureMap {
  if (fixtures === undefined && (!specs || Object.keys(specs).length === 0)) return defaultFixtures();
  const checked = checkFixtures(fixtures ?? {}, specs ? { specs } : {});
  if (!checked.ok) throw new TwinFixturesError(checked.problem, source);
  return checked.fixtures;
}

export function createTwinEngine<S extends ProviderSlug>(slug: S, definition: ProviderDefinition<S>, resolved: TwinFixtureMap, options: Omit<CreateTwinOptions, "fixtures"> = {}): Twin<S> {
  const view = specView(slug, options.specs?.[slug]);
  const clock = options.clock ?? systemClock;
  const journalLimit = options.journalLimit ?? DEFAULT_JOURNAL_LIMIT;
  const credentialHeaders = [...new Set(view.credentialSets.flat().map((h) => h.toLowerCase()))];
  const cors = twinCorsPolicy(options.cors?.[slug] ?? DEFAULT_TWIN_CORS[slug], view.operation.method, [...credentialHeaders, "prefer"]);
  const initial = resolved[slug];
  const journal = createJournal({ clock, limit: journalLimit, credentialHeaders, ...(options.onRequest ? { onRequest: options.onRequest } : {}) });

  let fixtures: TwinFixtureMap[S];
  let records: RecordBook<S>;
  let behaviour: ProviderBehaviour<S>;
  let providerCalls: number;
  /** Edited example bodies as JSON text, by reply and cache key (ServeContext.reply). */
  const renderings = new Map<string, string>();

  const init = (): void => {
    fixtures = structuredClone(initial);
    behaviour = definition({ fixtures, clock, view });
    records = createRecordBook(fixtures, clock, behaviour.webhooks);
    providerCalls = 0;
    journal.reset(fixtures);
  };

  function build(request: TwinRequestLike, reply: TwinReply): TwinAnswer {
    const headers: Record<string, string> = { "Content-Type": "application/json", ...behaviour.everyResponse?.(), ...reply.headers, ...behaviour.requestHeaders?.(request, reply.status, view) };
    for (const [name, example] of view.statuses.get(reply.status)?.headers ?? []) {
      if (!(name in headers) && example !== undefined) headers[name] = example;
    }
    const body = reply.text ?? (reply.body === undefined ? view.exampleText(reply.status, reply.example ?? "") : JSON.stringify(reply.body));
    return { status: reply.status, headers, body };
  }

  function send(request: TwinRequestLike, path: string, reply: TwinReply, extra: Partial<TwinRequestRecord> = {}): TwinAnswer {
    const built = build(request, reply);
    journal.record(request, path, built, { ...(reply.example === undefined ? {} : { example: reply.example }), ...extra });
    return built;
  }

  const faults = createFaults({ clock, view, build, send, journal: (request, path, answer, extra) => journal.record(request, path, answer, extra) });

  function outsideContract(request: TwinRequestLike, path: string, status: number, title: string, detail: string, extraHeaders: Record<string, string> = {}): TwinAnswer {
    const body = JSON.stringify({ type: "about:blank", title, status, detail });
    const headers = { "Content-Type": "application/problem+json", ...behaviour.everyResponse?.(), ...extraHeaders };
    const answer = { status, headers, body };
    journal.record(request, path, answer, { outsideContract: true });
    return answer;
  }

  function preferReply(preference: Preference): TwinReply | string {
    const { code, example } = preference;
    if (code !== undefined && !view.statuses.has(code)) return `Prefer asks for code=${Number.isNaN(code) ? "?" : code}, which the ${slug} spec does not document (documented: ${[...view.statuses.keys()].join(", ")}).`;
    if (example !== undefined) {
      const status = view.statusOfExample(example);
      if (status === undefined || (code !== undefined && code !== status)) {
        const names = code !== undefined ? [...(view.statuses.get(code)?.examples.keys() ?? [])] : [...view.statuses.values()].flatMap((s) => [...s.examples.keys()]);
        return `Prefer names example "${example}", which the ${slug} spec does not have${code !== undefined ? ` for HTTP ${code}` : ""} (run \`kyc-contracts scenarios --provider ${slug}\`; examples: ${names.join(", ")}).`;
      }
      return { status, example };
    }
    const first = view.statuses.get(code!)?.examples.keys().next().value;
    if (first === undefined) return `HTTP ${code} has no named example in the ${slug} spec.`;
    return { status: code!, example: first };
  }

  const hasCredentials = (request: TwinRequestLike): boolean => view.credentialSets.some((set) => set.every((h) => (request.headers.get(h) ?? "").trim().length > 0));

  const recordProblem = (id: string, record: unknown): FixtureProblem | undefined => checkRecord(slug, view.doc, id, record, { ...resolved, [slug]: fixtures });

  async function deliverWebhooks(id: string): Promise<TwinWebhookDelivery[]> {
    if (!behaviour.webhooks) throw new TwinError("invalid-options", `The ${slug} twin sends no webhooks (only Myaza's spec documents them).`);
    const record = records.current(id);
    if (!record) throw new TwinError("invalid-options", `The ${slug} twin has no record "${id}": set it first (twin.set or PUT /__twin/records/{id}).`);
    const result = behaviour.webhooks.deliver(id, record);
    if ("error" in result) throw new TwinError("invalid-options", result.error);
    return result;
  }

  function control(request: TwinRequestLike, route: string): Promise<TwinAnswer> {
    return answerControl(request, route, {
      hasWebhooks: behaviour.webhooks !== undefined,
      requests: () => twin.requests(),
      reset: () => twin.reset(),
      hasRecord: (id) => records.has(id),
      setRecord(id, record) {
        const problem = recordProblem(id, record);
        if (problem) return { error: new TwinFixturesError(problem).message, field: problem.field };
        records.store(id, record as AnyTwinRecord);
        return undefined;
      },
      webhookDeliveries() {
        records.noticeTimed();
        return twin.webhookDeliveries();
      },
      deliverWebhooks,
    });
  }

  /** A CORS preflight from an allowed origin is answered here; every other answer gets its CORS headers (src/twin/cors.ts). */
  async function answer(request: TwinRequestLike): Promise<TwinAnswer | null> {
    const preflight = cors.preflight(request);
    if (preflight) return preflight;
    const result = await answerCall(request);
    return result === null ? null : cors.decorate(request, result);
  }

  async function answerCall(request: TwinRequestLike): Promise<TwinAnswer | null> {
    const path = pathOf(request.url);
    const query = path.indexOf("?");
    const pathname = query < 0 ? path : path.slice(0, query);
    if (pathname.startsWith("/__twin/")) return control(request, pathname.slice("/__twin/".length));
    const match = view.pathPattern.exec(pathname);
    if (!match) return outsideContract(request, path, 404, "No such path", `The ${slug} twin serves ${view.operation.method.toUpperCase()} ${view.operation.path} (and /__twin/ control endpoints).`);
    const method = view.operation.method.toUpperCase();
    if (request.method !== method) return outsideContract(request, path, 405, "Method not allowed", `${view.operation.path} takes ${method}.`, { Allow: method });
    const twinFaults = firing(fixtures.faults, ++providerCalls);
    const preference = parsePrefer(request.headers.get("prefer"));
    if (preference && hasCredentials(request)) {
      const chosen = preferReply(preference);
      if (typeof chosen === "string") return outsideContract(request, path, 400, "Prefer names no documented response", chosen);
      return twinFaults.length > 0 ? faults.apply(request, path, chosen, twinFaults, { prefer: true }) : send(request, path, chosen, { prefer: true });
    }
    const recordFaults: TwinFault[] = [];
    const ctx: ServeContext<S> = {
      request,
      params: match.slice(1).map(safeDecode),
      fixtures,
      view,
      now: () => clock.now(),
      lookup(id, visible) {
        const called = records.call(id, visible);
        if (!called) return undefined;
        recordFaults.push(...called.faults);
        return called.record;
      },
      reply: (status, example, edit, cacheKey) => {
        if (!edit) return { status, example };
        if (cacheKey === undefined) return { status, example, body: edit(view.example(status, example)) };
        const key = `${status}\u0000${example}\u0000${cacheKey}`;
        let text = renderings.get(key);
        if (text === undefined) {
          if (renderings.size >= MAX_RENDERINGS) renderings.clear();
          text = JSON.stringify(edit(view.example(status, example)));
          renderings.set(key, text);
        }
        return { status, example, text };
      },
    };
    const reply = behaviour.serve(ctx);
    const all = recordFaults.length > 0 ? [...twinFaults, ...recordFaults] : twinFaults;
    return all.length > 0 ? faults.apply(request, path, reply, all) : send(request, path, reply);
  }

  init();

  const twin: Twin<S> = {
    provider: slug,
    answer,
    async handle(request) {
      const result = await answer(request);
      return result === null ? networkError() : textResponse(result.status, result.body, result.headers);
    },
    async fetch(input, init) {
      const response = await twin.handle(new Request(input, init));
      if (response.type === "error") throw new TypeError("fetch failed: the twin dropped the connection (a reset fault, a released hang or an aborted request).");
      return response;
    },
    set(id, record) {
      const problem = recordProblem(id, record);
      if (problem) throw new TwinFixturesError(problem, `${slug} twin set("${id}")`);
      records.store(id, structuredClone(record));
    },
    reset() {
      faults.releaseHung();
      records.cancelTimers();
      init();
    },
    requests: () => journal.entries(),
    close() {
      faults.releaseHung();
      records.cancelTimers();
    },
    webhookDeliveries: () => behaviour.webhooks?.deliveries() ?? [],
    deliverWebhooks,
    async webhooksSettled() {
      records.noticeTimed();
      await behaviour.webhooks?.settled();
    },
  };
  return twin;
}

/** The path and query of an absolute URL (or of a path). */
function pathOf(url: string): string {
  if (url.startsWith("/")) return url;
  const scheme = url.indexOf("://");
  const slash = url.indexOf("/", scheme < 0 ? 0 : scheme + 3);
  return slash < 0 ? "/" : url.slice(slash);
}

/**
 * The twin's request journal: each request and what it answered, recorded cheaply on the hot path
 * (a copy of the headers, the answer) and redacted and dated only when read (`entries()`).
 * Request credentials (the spec's credential headers) and every credential of the fixtures are
 * redacted (src/http/redact.ts).
 */
import { createRedactor, type Redactor } from "../http/redact.js";
import type { ProviderSlug } from "../providers.js";
import type { TwinFixtureMap } from "./fixtures.js";
import type { TwinAnswer, TwinClock, TwinRequestLike, TwinRequestRecord } from "./types.js";

export const DEFAULT_JOURNAL_LIMIT = 1_000;

/** A journal entry as recorded on the hot path; redacted and dated only when read. */
interface RawEntry {
  seq: number;
  atMs: number;
  method: string;
  path: string;
  /** The request's headers as name, value, name, value…: a copy, so the journal keeps no transport object (a node request and its socket) alive. */
  headers: string[];
  answer: TwinAnswer;
  extra: Partial<TwinRequestRecord>;
}

export interface Journal {
  /** Records one request and its answer (status 0: none was sent). */
  record(request: TwinRequestLike, path: string, answer: TwinAnswer, extra: Partial<TwinRequestRecord>): void;
  /** The last `limit` entries, oldest first, redacted. */
  entries(): TwinRequestRecord[];
  /** Empties the journal and redacts the credentials of `fixtures` from now on (sequence numbers go on). */
  reset(fixtures: TwinFixtureMap[ProviderSlug]): void;
}

export function createJournal(options: { clock: TwinClock; limit: number; credentialHeaders: readonly string[]; onRequest?: (entry: TwinRequestRecord) => void }): Journal {
  const { clock, limit, credentialHeaders, onRequest } = options;
  let entries: RawEntry[] = [];
  let seq = 0;
  let redact: Redactor = createRedactor([]);

  /** The entry as `requests()` shows it: request credentials redacted, time as ISO text. */
  function materialize(raw: RawEntry): TwinRequestRecord {
    const requestHeaders: Record<string, string> = {};
    for (let i = 0; i < raw.headers.length; i += 2) {
      const lower = (raw.headers[i] ?? "").toLowerCase();
      const value = raw.headers[i + 1] ?? "";
      requestHeaders[lower] = credentialHeaders.includes(lower) ? (/^bearer\s/i.test(value) ? "Bearer [redacted]" : "[redacted]") : redact(value);
    }
    const { status, headers, body } = raw.answer;
    return { seq: raw.seq, at: new Date(raw.atMs).toISOString(), method: raw.method, path: redact(raw.path), requestHeaders, status, headers: { ...headers }, body, ...raw.extra };
  }

  return {
    record(request, path, answer, extra) {
      const headers: string[] = [];
      request.headers.forEach((value, name) => headers.push(name, value));
      const raw: RawEntry = { seq: ++seq, atMs: clock.now(), method: request.method, path, headers, answer, extra };
      entries.push(raw);
      if (onRequest) onRequest(materialize(raw));
      // Trimmed in batches: dropping one entry per request would shift the whole array every time.
      if (entries.length >= limit * 2) entries = entries.slice(-limit);
    },
    entries: () => entries.slice(-limit).map(materialize),
    reset(fixtures) {
      entries = [];
      redact = createRedactor(fixtureSecrets(fixtures));
    },
  };
}

/** Every credential in the fixtures, for the journal's redactor. */
function fixtureSecrets(fixtures: TwinFixtureMap[ProviderSlug]): string[] {
  const out: string[] = [];
  const f = fixtures as unknown as Partial<Record<string, unknown>>;
  for (const key of ["tokens", "apiKeys", "partnerTokens", "userTokens", "keys"]) {
    const v = f[key];
    if (Array.isArray(v)) out.push(...v.filter((x): x is string => typeof x === "string"));
    else if (typeof v === "object" && v !== null) out.push(...Object.keys(v));
  }
  return out;
}

/**
 * Semantic checks: what a schema cannot see. Each is a named check with a JSON pointer, what was
 * expected and what was seen, and one of three severities:
 *
 * - `violation` — the provider broke its contract (fails a run);
 * - `contradiction` — the response "contradicts a spec decision": the spec assigned something
 *   the provider never documented (BTC Direct's HTTP status per ER code), and traffic says
 *   otherwise. Evidence to correct the spec with, not a provider failure;
 * - `warning` — worth knowing, not a failure (an unknown Myaza `reasonCode`: Myaza says new codes
 *   may appear).
 *
 * Every expectation is read from the spec (named examples, `required` lists) or from the
 * catalogue generated from it; nothing here retypes what the spec says.
 */
import { btcDirectErrorCatalogue, isBtcDirectErrorCode } from "../../generated/btc-direct-errors.js";
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { escapePointer, getAtPointer, resolve, type ResponseInfo } from "../spec/walk.js";
import { isObject } from "../json.js";

export type SemanticCheckName =
  | "id-echo"
  | "btc-direct-error-key"
  | "btc-direct-error-catalogue"
  | "btc-direct-error-status"
  | "proof-error-code"
  | "myaza-completed-at"
  | "myaza-reason"
  | "myaza-reason-code-known"
  | "response-time";

export type Severity = "violation" | "contradiction" | "warning";

/** What the report calls each severity. */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  violation: "violation",
  contradiction: "contradicts a spec decision",
  warning: "warning",
};

/** Annotation type (a JUnit property) listing the checks a conformance case's response went through. */
export const CHECKS_ANNOTATION = "checks";

/** Appended to every contradiction, so no report presents an assumption as a provider failure. */
export const CONTRADICTION_NOTE =
  "The spec's status for this code is an assumption (BTC Direct documents only ER801 → 400): this is evidence to correct the spec, not a provider failure.";

export interface SemanticFinding {
  check: SemanticCheckName;
  severity: Severity;
  pointer: string;
  expected: string;
  actual: string;
  message: string;
}

/** One exchange as the semantic checks see it, after the schema checks matched its operation. */
export interface SemanticInput {
  status: number;
  /** Decoded path parameters of the request (name → value). */
  pathParams: Readonly<Record<string, string>>;
  /** The documented response the status matched. */
  response: ResponseInfo;
  /** The parsed JSON body, or undefined when there is none or it is not JSON. */
  body: unknown;
  /** Time from request to full response, when measured. */
  durationMs?: number;
}

export interface SemanticOptions {
  /** Response-time budget; a slower response is a violation. Off when undefined. */
  maxResponseMs?: number;
  /**
   * Check that a success body is about the id requested (default true). Off against Prism
   * mocks, which serve the spec's named examples verbatim whatever id was asked for.
   */
  idEcho?: boolean;
}

/** A finding as reported: its severity says which list of the sink it goes to. */
export type Finding = Omit<SemanticFinding, "severity">;

/** Where the checks put what they find, one list per severity: the checker's result itself. */
export interface SemanticSink {
  readonly violations: { push(finding: Finding): unknown };
  readonly contradictions: { push(finding: Finding): unknown };
  readonly warnings: { push(finding: Finding): unknown };
}

/** Runs every check on one exchange; findings go straight to the sink, so a clean exchange allocates nothing here. */
export type SemanticChecks = (input: SemanticInput, sink: SemanticSink) => void;


/** Where each provider echoes the requested id in a success body. */
const ID_ECHO: Readonly<Partial<Record<ProviderSlug, { param: string; pointer: string; except?: string }>>> = {
  proof: { param: "partner_user_id", pointer: "/partner_user_id" },
  myaza: { param: "verificationId", pointer: "/verificationId" },
  "nyota-imara": { param: "userId", pointer: "/data/userId", except: "me" },
};

/** The semantic checks that apply to a provider's exchanges under these options. */
export function semanticCheckNames(provider: ProviderSlug, options: SemanticOptions = {}): SemanticCheckName[] {
  const names: SemanticCheckName[] = [];
  if (ID_ECHO[provider] && options.idEcho !== false) names.push("id-echo");
  if (provider === "btc-direct") names.push("btc-direct-error-key", "btc-direct-error-catalogue", "btc-direct-error-status");
  if (provider === "proof") names.push("proof-error-code");
  if (provider === "myaza") names.push("myaza-completed-at", "myaza-reason", "myaza-reason-code-known");
  if (options.maxResponseMs !== undefined) names.push("response-time");
  return names;
}

export function createSemanticChecks(provider: ProviderSlug, spec: OpenApiDocument, options: SemanticOptions = {}): SemanticChecks {
  const checks: SemanticChecks[] = [];
  const echo = ID_ECHO[provider];
  if (echo && options.idEcho !== false) checks.push(idEcho(echo));
  if (provider === "btc-direct") checks.push(btcDirectErrors);
  if (provider === "proof") checks.push(proofErrorCode);
  if (provider === "myaza") checks.push(myazaCompletion(spec));
  if (options.maxResponseMs !== undefined) checks.push(responseTime(options.maxResponseMs));
  // Most providers have one check under the usual options: then it is the whole of them.
  if (checks.length === 1) return checks[0]!;
  return (input, sink) => {
    for (const check of checks) check(input, sink);
  };
}

function finding(check: SemanticCheckName, pointer: string, expected: string, actual: string, message: string): Finding {
  return { check, pointer, expected, actual, message };
}

const show = (v: unknown): string => (v === undefined ? "absent" : JSON.stringify(v));

function idEcho(rule: { param: string; pointer: string; except?: string }): SemanticChecks {
  return ({ status, pathParams, body }, sink) => {
    const requested = pathParams[rule.param];
    if (status < 200 || status >= 300 || requested === undefined || requested === rule.except || !isObject(body)) return;
    const echoed = getAtPointer(body, rule.pointer);
    if (echoed === requested) return;
    sink.violations.push(
      finding("id-echo", rule.pointer, JSON.stringify(requested), show(echoed), `The response is about ${show(echoed)}, not the ${rule.param} that was requested (${JSON.stringify(requested)}).`),
    );
  };
}

const btcDirectErrors: SemanticChecks = ({ status, body }, sink) => {
  if (status < 400 || !isObject(body) || !isObject(body.errors)) return;
  for (const [key, entry] of Object.entries(body.errors)) {
    const at = `/errors/${escapePointer(key)}`;
    const code = isObject(entry) ? entry.code : undefined;
    if (code !== key) sink.violations.push(finding("btc-direct-error-key", `${at}/code`, JSON.stringify(key), show(code), `The errors entry keyed ${key} carries code ${show(code)}; each key must equal its entry's code.`));
    if (!isBtcDirectErrorCode(key) || !isObject(entry)) continue;
    const known = btcDirectErrorCatalogue[key];
    for (const field of ["message", "solution"] as const) {
      if (entry[field] !== undefined && entry[field] !== known[field]) {
        sink.violations.push(finding("btc-direct-error-catalogue", `${at}/${field}`, JSON.stringify(known[field]), show(entry[field]), `${key}'s ${field} differs from BTC Direct's catalogue.`));
      }
    }
    if (known.httpStatus !== status) {
      sink.contradictions.push(
        finding("btc-direct-error-status", at, `HTTP ${known.httpStatus} (the spec's decision)`, `HTTP ${status}`, `${key} arrived with HTTP ${status}, but the spec puts it under ${known.httpStatus}. ${CONTRADICTION_NOTE}`),
      );
    }
  }
};

/** Proof: the `code` of an error body is one of the codes the spec's named examples give for that status. */
const proofCodes = new WeakMap<ResponseInfo, string[]>();
/** The error codes a response's named examples give, read once per response. */
const proofCodesOf = (response: ResponseInfo): string[] => {
  let codes = proofCodes.get(response);
  if (!codes) proofCodes.set(response, (codes = [...new Set(response.media.flatMap((m) => m.examples.map((e) => (isObject(e.value) ? e.value.code : undefined))).filter((c): c is string => typeof c === "string"))]));
  return codes;
};

const proofErrorCode: SemanticChecks = ({ status, body, response }, sink) => {
  if (status < 400 || !isObject(body) || typeof body.code !== "string") return;
  const documented = proofCodesOf(response);
  if (documented.length === 0 || documented.includes(body.code)) return;
  sink.violations.push(finding("proof-error-code", "/code", `one of ${JSON.stringify(documented)} (documented for HTTP ${status})`, JSON.stringify(body.code), `Proof documents no error code ${JSON.stringify(body.code)} under HTTP ${status}.`));
};

/**
 * Myaza: which statuses must carry `completedAt` and `reason` + `reasonCode` is read from the
 * `required` lists of the success schema's `oneOf` branches; the known reason codes per status
 * from the named examples of the success response.
 */
function myazaCompletion(spec: OpenApiDocument): SemanticChecks {
  let rules: { requires: Map<string, Set<string>>; knownCodes: Map<string, Set<string>> } | undefined;
  const rulesFor = (response: ResponseInfo) => {
    if (rules) return rules;
    const requires = new Map<string, Set<string>>();
    const knownCodes = new Map<string, Set<string>>();
    for (const media of response.media) {
      const root = media.schemaPointer ? resolve(spec, media.schemaPointer) : undefined;
      const branches = isObject(root?.value) && Array.isArray(root.value.oneOf) ? root.value.oneOf : [];
      branches.forEach((_, i) => {
        const { value: branch, pointer } = resolve(spec, `${root!.pointer}/oneOf/${i}`);
        if (!isObject(branch) || !isObject(branch.properties)) return;
        const statusSchema = resolve(spec, `${pointer}/properties/status`).value;
        const values = isObject(statusSchema) && Array.isArray(statusSchema.enum) ? statusSchema.enum : [];
        const required = new Set(Array.isArray(branch.required) ? branch.required.filter((r): r is string => typeof r === "string") : []);
        for (const v of values) if (typeof v === "string") requires.set(v, required);
      });
      for (const example of media.examples) {
        const v = example.value;
        if (!isObject(v) || typeof v.status !== "string" || typeof v.reasonCode !== "string") continue;
        const set = knownCodes.get(v.status) ?? new Set<string>();
        set.add(v.reasonCode);
        knownCodes.set(v.status, set);
      }
    }
    rules = { requires, knownCodes };
    return rules;
  };
  return ({ status, body, response }, sink) => {
    if (status < 200 || status >= 300 || !isObject(body) || typeof body.status !== "string") return;
    const { requires, knownCodes } = rulesFor(response);
    const required = requires.get(body.status);
    if (!required) return;
    if (body.status !== "pending" && required.has("completedAt") && body.completedAt === undefined) {
      sink.violations.push(finding("myaza-completed-at", "/completedAt", "a completedAt timestamp", "absent", `A ${body.status} verification has finished, so it must carry completedAt.`));
    }
    for (const field of ["reason", "reasonCode"] as const) {
      if (required.has(field) && (typeof body[field] !== "string" || body[field] === "")) {
        sink.violations.push(finding("myaza-reason", `/${field}`, `a non-empty ${field}`, show(body[field]), `A ${body.status} verification must say why: ${field} is missing.`));
      }
    }
    const known = knownCodes.get(body.status);
    if (typeof body.reasonCode === "string" && known && !known.has(body.reasonCode)) {
      sink.warnings.push(
        finding(
          "myaza-reason-code-known",
          "/reasonCode",
          `one of ${JSON.stringify([...known])} (the spec's examples for ${body.status})`,
          JSON.stringify(body.reasonCode),
          `Unknown reasonCode for ${body.status}; Myaza says new codes may appear (treat it as a generic ${body.status}). Add a named example to the spec if it is real.`,
        ),
      );
    }
  };
}

function responseTime(budgetMs: number): SemanticChecks {
  return ({ durationMs }, sink) => {
    if (durationMs !== undefined && durationMs > budgetMs) {
      sink.violations.push(finding("response-time", "", `at most ${budgetMs} ms`, `${Math.round(durationMs)} ms`, `The response took longer than the --max-response-ms budget.`));
    }
  };
}

/** A matcher of request paths against a path template: the decoded path parameters, or undefined. */
export function pathMatcher(template: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const parts = template.split(/(\{[^}]+\})/);
  const source = parts
    .map((part) => {
      if (!part.startsWith("{")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(internalized(part.slice(1, -1)));
      return "([^/]+)";
    })
    .join("");
  const pattern = new RegExp(`^${source}$`);
  if (parts.length === 3) {
    // One parameter between a literal prefix and suffix (the usual template): a match leaves
    // exactly the text between them, so a test and a slice replace exec and its match array.
    const [prefix, , suffix] = parts as [string, string, string];
    const name = names[0]!;
    return (path) => {
      if (!pattern.test(path)) return undefined;
      const params: Record<string, string> = {};
      params[name] = decoded(path.slice(prefix.length, path.length - suffix.length));
      return params;
    };
  }
  return (path) => {
    const match = pattern.exec(path);
    if (!match) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) params[names[i]!] = decoded(match[i + 1]!);
    return params;
  };
}

/**
 * The same name as the engine keeps it for property names: storing a property under a string
 * cut from the template would look it up in the engine's string table on every exchange.
 */
const internalized = (name: string): string => Object.keys({ [name]: true })[0]!;

/** A path segment percent-decoded; as sent when it has no escape (most ids) or a malformed one. */
function decoded(raw: string): string {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Whether capitalised words are a person's name. Two capitalised words are not a name when every
 * one of them is a known non-personal word: an HTTP reason phrase ("Service Unavailable"), a
 * common English word ("Verification Locked", "Please Contact Support"), or a word of the
 * provider's own documentation (its descriptions and the non-personal text of its examples:
 * "Nyota Imara"). A capitalised word after a cue ("by", "for", "Dear", "Mr", "contact", …) is a
 * name unless it is such a word, even alone ("Locked by Wanjiru"). Used where observed text may
 * become a spec example (src/evolution/observe.ts); what it cannot place is judged a name.
 */
import { isObject } from "../json.js";

/** HTTP reason phrases (RFC 9110 and the IANA status code registry). */
const REASON_PHRASES = [
  "Continue", "Switching Protocols", "Processing", "Early Hints", "OK", "Created", "Accepted", "Non-Authoritative Information", "No Content", "Reset Content",
  "Partial Content", "Multi-Status", "Already Reported", "Multiple Choices", "Moved Permanently", "Found", "See Other", "Not Modified", "Use Proxy",
  "Temporary Redirect", "Permanent Redirect", "Bad Request", "Unauthorized", "Payment Required", "Forbidden", "Not Found", "Method Not Allowed",
  "Not Acceptable", "Proxy Authentication Required", "Request Timeout", "Conflict", "Gone", "Length Required", "Precondition Failed", "Content Too Large",
  "Payload Too Large", "URI Too Long", "Unsupported Media Type", "Range Not Satisfiable", "Expectation Failed", "Misdirected Request", "Unprocessable Content",
  "Unprocessable Entity", "Locked", "Failed Dependency", "Too Early", "Upgrade Required", "Precondition Required", "Too Many Requests",
  "Request Header Fields Too Large", "Unavailable For Legal Reasons", "Internal Server Error", "Not Implemented", "Bad Gateway", "Service Unavailable",
  "Gateway Timeout", "HTTP Version Not Supported", "Variant Also Negotiates", "Insufficient Storage", "Loop Detected", "Not Extended",
  "Network Authentication Required",
];

/**
 * Common English words of API and error text. Words that are also common given names or
 * surnames (will, grace, hope, joy, mark, rose, may, june, baker, smith, king, …) are left out on
 * purpose: a run of them stays a name.
 */
const COMMON_WORDS = `a about above access account accounts action active add added address after again against all allowed already also an and any api app
application applications approval approved are as at attempt attempts auth authentication authorisation authorization available back bad be because been
before being below blocked body both but by cancelled cannot check checked client code codes come complete completed conflict contact content could create
created current customer data date day days declined denied detail details did do document documents does done down due duplicate during each else
empty enabled end ended entity error errors event expired expires failed failure field fields file first for format found from full gateway get given
go granted has have header headers here how id identifier identity if in incomplete information input internal invalid is issue it its item key keys
last later limit limited list locked login logout made maintenance malformed many maximum method minimum minute minutes missing more must need needed
network new next no none not note now number of off ok on once one only open operation or other out over page parameter parameters partner passed
payload pending permission permissions please policy process processed processing provide provided provider rate reached read ready reason received
record records rejected request requested requests required requirement requirements resource resources response result retry review reviewed reviewing
right same second seconds see sent server service session set should sign so some sorry started status still stopped submitted success successful
such supplied support supported suspended system team temporarily temporary than that the their them then there these this time timed timeout to
token tokens too try type unable unauthorised unauthorized unavailable under unexpected unknown until up update updated upload uploaded upstream url
use used user users valid validation value values verification verified verify version wait was we were what when which while with within without
wrong you your`.split(/\s+/);

/** Words after which a capitalised word is taken for a name (lower-cased, no dot). */
const NAME_CUES = new Set(["by", "for", "from", "to", "dear", "hi", "hello", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "contact", "attn", "named", "called", "holder", "owner", "applicant", "customer", "user"]);

const wordsIn = (text: string): string[] => text.toLowerCase().match(/\p{L}{2,}/gu) ?? [];

/** The words that are never a name on their own: HTTP reason phrases and common English words. */
export const BASE_VOCABULARY: ReadonlySet<string> = new Set([...COMMON_WORDS, ...REASON_PHRASES.flatMap(wordsIn)]);

/** A capitalised word (`Kamau`, `McDonald`, `O'Brien`). */
const CAPITALISED = /^(?:\p{Lu}')?\p{Lu}\p{Ll}\p{L}*$/u;
/** Runs of capitalised words joined by a space, hyphen or apostrophe. */
const RUN = /(?<![\p{L}\p{N}'])((?:\p{Lu}')?\p{Lu}\p{Ll}\p{L}*(?:[ '-](?:\p{Lu}')?\p{Lu}\p{Ll}\p{L}*)*)(?![\p{L}\p{N}])/gu;

/** Whether a run of capitalised words (`before`: the word in front of it) is a name. */
function runIsName(words: readonly string[], before: string | undefined, vocabulary: ReadonlySet<string>): boolean {
  let cued = before !== undefined && NAME_CUES.has(before.toLowerCase());
  let rest: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (NAME_CUES.has(lower)) {
      // "Dear Amina", "Contact Wanjiru": what follows the cue is judged as cued.
      if (rest.length > 0 && judge(rest, cued, vocabulary)) return true;
      rest = [];
      cued = true;
      continue;
    }
    rest.push(word);
  }
  return rest.length > 0 && judge(rest, cued, vocabulary);
}

const judge = (words: readonly string[], cued: boolean, vocabulary: ReadonlySet<string>): boolean => {
  const unknown = words.filter((w) => !wordsIn(w).every((part) => vocabulary.has(part)));
  return unknown.length > 0 && (cued || words.length >= 2);
};

/** The word in front of a run (`Mr.` → `Mr`), if any. */
const WORD_BEFORE = /(\p{L}+)\.?\s+$/u;

/** Whether free text names a person: two capitalised words not all known, or a capitalised unknown word after a cue. */
export function textNamesPerson(text: string, vocabulary: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(RUN)) {
    const words = m[0].split(/[ -]/).filter((w) => w !== "");
    if (runIsName(words, WORD_BEFORE.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[1], vocabulary)) return true;
  }
  return false;
}

/** Whether a whole value is a person's name: two or more capitalised words, not all of them known. */
export function valueIsPersonName(value: string, vocabulary: ReadonlySet<string>): boolean {
  const words = value.trim().split(/[ -]+/);
  if (words.length < 2 || !words.every((w) => CAPITALISED.test(w))) return false;
  return words.some((w) => !wordsIn(w).every((part) => vocabulary.has(part)));
}

/** Keys whose text is written by the spec's authors, not data: every word of it is documentation. */
const PROSE_KEYS = new Set(["description", "summary", "title"]);

/**
 * The words of a provider's documentation: every word of its prose (`description`, `summary`,
 * `title`) and of the other strings it holds (example values, enums), except under a key
 * `skipKey` says is personal (an example's `name: Aisha Kamau`) and strings that
 * `textNamesPerson` flags with the base vocabulary alone.
 */
export function documentedWords(document: unknown, skipKey: (key: string, parentKey: string) => boolean): Set<string> {
  const words = new Set<string>();
  const visit = (node: unknown, key: string, parentKey: string, depth: number): void => {
    if (depth > 64) return;
    if (typeof node === "string") {
      if (PROSE_KEYS.has(key) || !textNamesPerson(node, BASE_VOCABULARY)) for (const w of wordsIn(node)) words.add(w);
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, key, parentKey, depth + 1);
    } else if (isObject(node)) {
      for (const [k, v] of Object.entries(node)) if (!skipKey(k, key)) visit(v, k, key, depth + 1);
    }
  };
  visit(document, "", "", 0);
  return words;
}

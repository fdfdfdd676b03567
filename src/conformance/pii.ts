/**
 * What never reaches a recording or a report: credentials (always), and by default personal data
 * from the responses (names, emails, ID numbers, signatures of pre-signed document URLs).
 *
 * Credentials: the request headers the four specs' security schemes name (Authorization,
 * X-Api-Key, User-Authorization, User-Identifier), plus cookies and proxy auth, are replaced, and
 * their values are scrubbed from every other place they may echo (URLs, bodies, messages).
 * Personal data: values under the keys below are masked in JSON bodies, every email address
 * anywhere, and the signature parameters of URLs; the masked values are then scrubbed from the
 * report text too (a violation's "actual" may quote one). One redactor does the scrubbing
 * (src/http/redact.ts).
 */
import { createRedactor, type Redactor } from "../http/redact.js";
import { providerSlugs } from "../providers.js";
import { specDocument } from "../spec/load.js";
import { isObject } from "../json.js";
import { BASE_VOCABULARY, documentedWords, textNamesPerson, valueIsPersonName } from "./person-names.js";

export const REDACTED = "[redacted]";
export const MASKED = "[masked]";
/** Masked emails stay valid emails, so a masked recording still passes `format: email`. */
const MASKED_EMAIL = "masked@masked.invalid";

type Json = Record<string, unknown>;

/** Request headers that carry credentials: fixed ones plus every header a spec's security scheme names. */
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  ...providerSlugs.flatMap((slug) => {
    const schemes = specDocument(slug).components?.securitySchemes ?? {};
    return Object.values(schemes).flatMap((s) => (isObject(s) && s.type === "apiKey" && typeof s.name === "string" ? [s.name.toLowerCase()] : []));
  }),
]);

/** Keys whose string values are personal data, wherever they appear in a body. */
const PII_KEYS = new Set(["email", "idnumber", "firstname", "lastname", "middlename", "fullname", "dateofbirth", "dob", "phone", "phonenumber", "address", "bvn", "nin"]);
/** `name` is personal data only inside a person's record (BTC Direct's requirement `name` is not). */
const PERSON_OBJECTS = new Set(["userinfo", "userdata", "user", "person", "profile"]);
/** Query parameters of pre-signed URLs that are the signature or grant access. */
const SIGNATURE_PARAMS = /^(x-amz-signature|x-amz-credential|x-amz-security-token|signature|sig|x-goog-signature|x-goog-credential|googleaccessid|token|sv|se)$/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Key names (lower-cased, `_` and `-` removed) that name personal data exactly, and parts that do anywhere in a key. */
const PERSONAL_KEY_NAMES = new Set([...PII_KEYS, "name", "surname", "ssn", "birthdate", "gender", "nationality", "iban", "pin"]);
const PERSONAL_KEY_PARTS = ["email", "phone", "mobile", "msisdn", "firstname", "lastname", "middlename", "fullname", "givenname", "familyname", "surname", "birth", "address", "street", "postcode", "postalcode", "zipcode", "idnumber", "nationalid", "passport", "driverslicen", "taxid", "userdata", "biodata", "selfie"];
const PHONE = /^\+?[\d\s().-]{7,20}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LONG_DIGITS = /^\d{8,}$/;

const isPersonalKey = (key: string): boolean => {
  const k = key.toLowerCase().replace(/[_-]/g, "");
  return PERSONAL_KEY_NAMES.has(k) || PERSONAL_KEY_PARTS.some((part) => k.includes(part));
};

/**
 * The words that are not a name on their own, for {@link looksPersonal} and
 * {@link mentionsPersonal}: HTTP reason phrases, common English words, and the words of
 * `documents` (spec documents: their prose and the strings of their examples, except under
 * personal keys such as `name`, `firstName` or `userInfo`).
 */
export function nameVocabulary(documents: readonly unknown[]): ReadonlySet<string> {
  const skip = (key: string): boolean => isPersonalKey(key) || PERSON_OBJECTS.has(key.toLowerCase());
  return new Set([...BASE_VOCABULARY, ...documents.flatMap((d) => [...documentedWords(d, skip)])]);
}

let bundledVocabulary: ReadonlySet<string> | undefined;
/** {@link nameVocabulary} of the four bundled specs, read on first use. */
export const defaultNameVocabulary = (): ReadonlySet<string> => (bundledVocabulary ??= nameVocabulary(providerSlugs.map(specDocument)));

/**
 * Whether a value under `key` may be personal data, judged by the key's name (names, emails,
 * phones, id numbers, dates of birth, addresses) and by the value's shape (an email, a phone
 * number, a date alone, a long digit string, a person's name: two capitalised words not all in
 * `vocabulary`, so "Service Unavailable" is not one). Errs towards "personal": what it flags is
 * never shown or written as an example, only described by its type.
 */
export function looksPersonal(key: string, value: unknown, vocabulary: ReadonlySet<string> = defaultNameVocabulary()): boolean {
  if (isPersonalKey(key)) return true;
  if (Array.isArray(value)) return value.some((v) => looksPersonal(key, v, vocabulary));
  if (isObject(value)) return Object.entries(value).some(([childKey, v]) => looksPersonal(childKey, v, vocabulary));
  if (typeof value !== "string") return false;
  const s = value.trim();
  return new RegExp(EMAIL.source).test(s) || (PHONE.test(s) && (s.match(/\d/g) ?? []).length >= 7) || DATE_ONLY.test(s) || LONG_DIGITS.test(s) || valueIsPersonName(s, vocabulary);
}

/** A run of digits and separators; a phone number when it holds at least 9 digits (a date has 8). */
const PHONE_IN_TEXT = /\+?\d[\d\s().-]{6,18}\d/g;
const DIGITS_IN_TEXT = /\d{8,}/;
const DATE_IN_TEXT = /\b\d{4}-\d{2}-\d{2}\b/;

/**
 * Whether free text (an error `message`, say) may quote personal data anywhere in it: a person's
 * name (two capitalised words not all in `vocabulary`, or a capitalised word after "by", "Dear",
 * "Mr", … that is not in it), an email, a phone number, a long digit string, a date. Stricter
 * than `looksPersonal`, which judges a whole value: for text that is about to become an example.
 */
export function mentionsPersonal(text: string, vocabulary: ReadonlySet<string> = defaultNameVocabulary()): boolean {
  const phone = [...text.matchAll(PHONE_IN_TEXT)].some((m) => (m[0].match(/\d/g) ?? []).length >= 9);
  return phone || textNamesPerson(text, vocabulary) || new RegExp(EMAIL.source).test(text) || DIGITS_IN_TEXT.test(text) || DATE_IN_TEXT.test(text);
}

/** Collects what a body's masking removed, so report text quoting it can be scrubbed as well. */
export interface PiiMasker {
  /** Masks a JSON (or text) body; returns it unchanged when masking is off. */
  maskBody(text: string): string;
  /** Masks signature parameters of a URL. */
  maskUrl(url: string): string;
  /** The personal values masked most recently (at most {@link REMEMBERED_VALUES}; the current exchange's always among them). */
  readonly maskedValues: readonly string[];
  /** Changes whenever `maskedValues` does. */
  readonly version: number;
}

/**
 * Personal values and credentials remembered for scrubbing report text, most recently seen
 * kept: enough for every value of the exchange being reported (and its neighbours), while a
 * session of days over many users keeps flat memory.
 */
export const REMEMBERED_VALUES = 1000;

/** An insertion-ordered set that keeps the `limit` most recently added values; `version` changes whenever its content does. */
class RecentValues {
  private readonly values = new Set<string>();
  version = 0;

  constructor(private readonly limit: number) {}

  add(v: string): void {
    if (this.values.has(v)) {
      // Seen again: now the most recent (the content is unchanged).
      this.values.delete(v);
      this.values.add(v);
      return;
    }
    this.values.add(v);
    if (this.values.size > this.limit) this.values.delete(this.values.values().next().value!);
    this.version++;
  }

  list(): string[] {
    return [...this.values];
  }
}

export function createPiiMasker(enabled: boolean): PiiMasker {
  const masked = new RecentValues(REMEMBERED_VALUES);
  const remember = (v: string): void => {
    if (v.length >= 3) masked.add(v);
  };
  const maskUrl = (url: string): string => {
    if (!enabled || !/^https?:\/\//i.test(url)) return url;
    try {
      const u = new URL(url);
      let changed = false;
      for (const key of [...u.searchParams.keys()]) {
        if (!SIGNATURE_PARAMS.test(key)) continue;
        for (const v of u.searchParams.getAll(key)) remember(v);
        u.searchParams.set(key, MASKED);
        changed = true;
      }
      return changed ? u.toString() : url;
    } catch {
      return url;
    }
  };
  const maskString = (value: string): string => {
    const url = maskUrl(value);
    return url.replace(EMAIL, (email) => {
      if (email === MASKED_EMAIL) return email;
      remember(email);
      return MASKED_EMAIL;
    });
  };
  const walk = (node: unknown, parentKey: string): unknown => {
    if (typeof node === "string") return maskString(node);
    if (Array.isArray(node)) return node.map((n) => walk(n, parentKey));
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      const k = key.toLowerCase();
      const personal = PII_KEYS.has(k) || (k === "name" && PERSON_OBJECTS.has(parentKey));
      if (personal && (typeof value === "string" || typeof value === "number")) {
        if (value !== MASKED && value !== MASKED_EMAIL) remember(String(value));
        out[key] = k === "email" ? MASKED_EMAIL : MASKED;
      } else if (k === "userdata" && isObject(value)) {
        // Myaza's biodata: every field of it is personal.
        out[key] = Object.fromEntries(Object.keys(value).map((f) => [f, MASKED]));
        for (const v of Object.values(value)) if (typeof v === "string") remember(v);
      } else {
        out[key] = walk(value, k);
      }
    }
    return out;
  };
  return {
    maskBody(text) {
      if (!enabled || text.length === 0) return text;
      try {
        return JSON.stringify(walk(JSON.parse(text), ""));
      } catch {
        return maskString(text);
      }
    },
    maskUrl,
    get maskedValues() {
      return masked.list();
    },
    get version() {
      return masked.version;
    },
  };
}

/** Credential values in request headers (the whole value and, for `Bearer x`, the token). */
export function credentialValues(headers: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!CREDENTIAL_HEADERS.has(name.toLowerCase()) || value.length === 0) continue;
    out.push(value);
    const token = /^\s*\w+\s+(.+)$/.exec(value)?.[1];
    if (token) out.push(token.trim());
  }
  return out;
}

/** Request headers with every credential replaced. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, CREDENTIAL_HEADERS.has(k.toLowerCase()) ? REDACTED : v]));
}

/**
 * Scrubs report and recording text: credentials always, personal values when masking is on.
 * Rebuilt when a value was learnt (the lists are bounded: {@link REMEMBERED_VALUES} each).
 */
export class Scrubber {
  private readonly secrets = new RecentValues(REMEMBERED_VALUES);
  private redactor: Redactor = (t) => t;
  private built = "";

  constructor(private readonly masker: PiiMasker) {}

  addSecrets(values: readonly string[]): void {
    for (const v of values) this.secrets.add(v);
  }

  scrub(text: string): string {
    const state = `${this.secrets.version}/${this.masker.version}`;
    if (state !== this.built) {
      this.redactor = createRedactor([...this.secrets.list(), ...this.masker.maskedValues]);
      this.built = state;
    }
    return this.redactor(text);
  }
}

/**
 * Personal data in Myaza webhook events (`data.idNumber`, `data.userData`) never reaches output:
 * structures are masked, and any text we print passes through a redactor built from the values.
 */
import { createRedactor, type Redactor } from "../http/redact.js";
import { isObject } from "../json.js";

export const MASKED = "[masked]";
/** The `data` fields Myaza's webhooks page marks as personal data. */
const PERSONAL_DATA_FIELDS = ["idNumber", "userData"] as const;

/** A copy of an event body with `data.idNumber` and `data.userData` replaced by "[masked]" (null stays null). */
export function maskPersonalData(body: unknown): unknown {
  if (!isObject(body) || !isObject(body.data)) return body;
  const data = { ...body.data };
  for (const field of PERSONAL_DATA_FIELDS) if (field in data && data[field] !== null) data[field] = MASKED;
  return { ...body, data };
}

/** Every string or number inside `value`, as text. */
function leaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number") out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (isObject(value)) for (const v of Object.values(value)) leaves(v, out);
  return out;
}

/** A redactor that removes the body's personal-data values (and any extra secrets) from text. */
export function personalDataRedactor(body: unknown, extraSecrets: readonly string[] = []): Redactor {
  const data = isObject(body) && isObject(body.data) ? body.data : {};
  return createRedactor([...PERSONAL_DATA_FIELDS.flatMap((f) => leaves(data[f])), ...extraSecrets]);
}

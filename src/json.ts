/** A parsed JSON object (not an array, not null): the one guard every module uses for untyped data. */
export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

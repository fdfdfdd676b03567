/**
 * The control API under `/__twin/`: GET requests (the journal), POST reset, PUT records/{id}
 * (a JSON record, checked like fixtures), and for a provider with webhooks GET webhooks (the
 * deliveries) and POST webhooks/{id} (deliver the record's current event now). Answers are JSON
 * and never journaled. A new control endpoint goes here and in `usage` below.
 */
import { readBody } from "../http/read-body.js";
import type { TwinWebhookDelivery } from "./webhooks.js";
import { TwinError } from "./errors.js";
import type { TwinAnswer, TwinRequestLike, TwinRequestRecord } from "./types.js";

const MAX_CONTROL_BODY_BYTES = 64 * 1024;

/** What the control API does to the twin. */
export interface ControlTarget {
  hasWebhooks: boolean;
  requests(): TwinRequestRecord[];
  reset(): void;
  hasRecord(id: string): boolean;
  /** Checks and stores a record: an error message (and the field at fault) when it is invalid. */
  setRecord(id: string, record: unknown): { error: string; field?: string } | undefined;
  webhookDeliveries(): TwinWebhookDelivery[];
  deliverWebhooks(id: string): Promise<TwinWebhookDelivery[]>;
}

/** Every twin's control endpoints. */
export const CONTROL_ENDPOINTS = "GET /__twin/requests, POST /__twin/reset, PUT /__twin/records/{id}";
/** A provider with webhooks (Myaza) has these too. */
export const WEBHOOK_CONTROL_ENDPOINTS = "GET /__twin/webhooks, POST /__twin/webhooks/{id}";

/** The control endpoints' one-line usage (in every control error). */
function controlUsage(hasWebhooks: boolean): string {
  return `Control endpoints: ${CONTROL_ENDPOINTS} (JSON record)${hasWebhooks ? `, ${WEBHOOK_CONTROL_ENDPOINTS}` : ""}.`;
}

/** The answer of control endpoint `route` (the path after `/__twin/`). */
export async function answerControl(request: TwinRequestLike, route: string, target: ControlTarget): Promise<TwinAnswer> {
  const usage = controlUsage(target.hasWebhooks);
  if (route === "requests") return request.method === "GET" ? json(200, target.requests()) : notAllowed("GET", `Use GET. ${usage}`);
  if (target.hasWebhooks && route === "webhooks") {
    if (request.method !== "GET") return notAllowed("GET", `Use GET. ${usage}`);
    return json(200, target.webhookDeliveries());
  }
  if (target.hasWebhooks && route.startsWith("webhooks/") && route.length > "webhooks/".length) {
    if (request.method !== "POST") return notAllowed("POST", `Use POST to deliver the record's current event. ${usage}`);
    const id = safeDecode(route.slice("webhooks/".length));
    if (!target.hasRecord(id)) return json(404, { error: `No record "${id}": PUT /__twin/records/${encodeURIComponent(id)} first.` });
    try {
      return json(200, await target.deliverWebhooks(id));
    } catch (error) {
      if (error instanceof TwinError) return json(409, { error: error.message });
      throw error;
    }
  }
  if (route === "reset") {
    if (request.method !== "POST") return notAllowed("POST", `Use POST. ${usage}`);
    target.reset();
    return json(204, null);
  }
  if (route.startsWith("records/") && route.length > "records/".length) {
    if (request.method !== "PUT") return notAllowed("PUT", `Use PUT with a JSON record. ${usage}`);
    const id = safeDecode(route.slice("records/".length));
    const text = await readBounded(request, MAX_CONTROL_BODY_BYTES);
    if (text === undefined) return json(413, { error: `The record is larger than ${MAX_CONTROL_BODY_BYTES} bytes.` });
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      return json(400, { error: "The body is not JSON: send the record as JSON, e.g. {\"status\": \"verified\"}." });
    }
    const problem = target.setRecord(id, record);
    if (problem) return json(400, problem);
    return json(200, { id, record });
  }
  return json(404, { error: `No such twin control endpoint: ${request.method} /__twin/${route}. ${usage}` });
}

/** A 405 with `Allow` naming the endpoint's one method (RFC 9110). */
function notAllowed(method: string, error: string): TwinAnswer {
  const answer = json(405, { error });
  answer.headers.Allow = method;
  return answer;
}

function json(status: number, value: unknown): TwinAnswer {
  return { status, headers: status === 204 ? {} : { "Content-Type": "application/json" }, body: status === 204 ? "" : JSON.stringify(value) };
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The body as text, or undefined when it is longer than `limit` bytes. */
async function readBounded(request: TwinRequestLike, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return undefined;
  const read = await readBody(request.body ?? null, limit);
  return read.complete ? new TextDecoder().decode(read.bytes) : undefined;
}

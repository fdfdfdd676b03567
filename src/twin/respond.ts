/**
 * Response helpers shared by the twin engine and its transports. A twin response remembers the
 * text it was built from, so the node:http transport can send it without reading the stream back.
 */
const texts = new WeakMap<Response, string>();

/** A response with `text` as its body; `headers` should name its Content-Type. */
export function textResponse(status: number, text: string, headers: Record<string, string>): Response {
  const response = new Response(status === 204 ? null : text, { status, headers });
  texts.set(response, status === 204 ? "" : text);
  return response;
}

/** The body text of a response a twin built, without consuming it; undefined for any other response. */
export function twinResponseText(response: Response): string | undefined {
  return texts.get(response);
}

/** A network error, web-standard: `fetch` rejects, the node:http transport drops the connection. */
export function networkError(): Response {
  return Response.error();
}

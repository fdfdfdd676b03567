/** The web-standard side of a twin's answer: what `handle` returns. */

/** A response with `text` as its body; `headers` name its Content-Type. */
export function textResponse(status: number, text: string, headers: Record<string, string>): Response {
  return new Response(status === 204 ? null : text, { status, headers });
}

/** A network error, web-standard: `fetch` rejects, MSW fails the request. */
export function networkError(): Response {
  return Response.error();
}

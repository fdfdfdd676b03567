// @ts-check
/**
 * Spectral function for `kyc-error-response-named-examples`.
 * Given an operation's `responses`, reports every 4xx/5xx response (including 4XX/5XX ranges)
 * that has no content with at least one named example carrying a `value`.
 *
 * @param {unknown} responses
 * @param {unknown} _options
 * @param {{ path: (string|number)[] }} context
 */
export default function errorResponsesHaveNamedExamples(responses, _options, context) {
  if (typeof responses !== "object" || responses === null) return [];
  const results = [];
  for (const [status, response] of Object.entries(responses)) {
    if (!/^[45]/.test(status)) continue;
    const path = [...context.path, status];
    const content = response && typeof response === "object" ? response.content : undefined;
    if (!content || typeof content !== "object" || Object.keys(content).length === 0) {
      results.push({ message: `Response ${status} has no content: document the provider's error body and its named examples.`, path });
      continue;
    }
    for (const [mediaType, media] of Object.entries(content)) {
      const examples = media && typeof media === "object" ? media.examples : undefined;
      const named = examples && typeof examples === "object" ? Object.entries(examples) : [];
      if (named.length === 0) {
        results.push({
          message: `Response ${status} (${mediaType}) has no named examples: add one per documented error code.`,
          path: [...path, "content", mediaType],
        });
        continue;
      }
      for (const [name, example] of named) {
        if (!example || typeof example !== "object" || !("value" in example || "externalValue" in example)) {
          results.push({
            message: `Example "${name}" of response ${status} has no value.`,
            path: [...path, "content", mediaType, "examples", name],
          });
        }
      }
    }
  }
  return results;
}

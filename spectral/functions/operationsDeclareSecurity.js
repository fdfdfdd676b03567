// @ts-check
/**
 * Spectral function for `kyc-operation-security`.
 * Given the whole document, reports every operation (under `paths` and OpenAPI 3.1 `webhooks`)
 * whose effective security (its own `security`, else the document's) is missing, empty, or
 * contains an empty requirement `{}` (which would make authentication optional). For a webhook
 * the requirement says how the receiver authenticates the sender (e.g. a signature header).
 *
 * @param {unknown} document
 */
const METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

export default function operationsDeclareSecurity(document) {
  if (typeof document !== "object" || document === null) return [];
  const doc = /** @type {Record<string, any>} */ (document);
  const results = [];
  /** @type {[string, string, any][]} */
  const items = [];
  for (const section of ["paths", "webhooks"]) {
    const map = doc[section] && typeof doc[section] === "object" ? doc[section] : {};
    for (const [route, item] of Object.entries(map)) items.push([section, route, item]);
  }
  for (const [section, route, item] of items) {
    if (!item || typeof item !== "object") continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation || typeof operation !== "object") continue;
      const path = [section, route, method];
      const security = "security" in operation ? operation.security : doc.security;
      if (!Array.isArray(security) || security.length === 0) {
        results.push({ message: `${method.toUpperCase()} ${route} declares no security: add the provider's security requirement.`, path });
      } else if (security.some((req) => !req || typeof req !== "object" || Object.keys(req).length === 0)) {
        results.push({ message: `${method.toUpperCase()} ${route} allows anonymous calls (an empty security requirement {}).`, path: [...path, "security"] });
      } else {
        const schemes = doc.components?.securitySchemes ?? {};
        for (const req of security) {
          for (const name of Object.keys(req)) {
            if (!(name in schemes)) results.push({ message: `${method.toUpperCase()} ${route} uses undefined security scheme "${name}".`, path: [...path, "security"] });
          }
        }
      }
    }
  }
  return results;
}

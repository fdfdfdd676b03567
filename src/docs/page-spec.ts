/**
 * The document a provider page is built from: a copy of the bundled spec whose
 * `info.description` (which already carries the spec's decisions) gains the sections generated
 * from the spec itself: its status values and its error catalogue. The published bundle stays
 * the untouched spec.
 */
import type { ProviderSlug } from "../providers.js";
import type { OpenApiDocument } from "../spec/load.js";
import { listOperations } from "../spec/walk.js";
import { listErrorCatalogue, renderErrorCatalogue } from "./error-catalogue.js";
import { listStatusFields, listSuccessExamples, renderStatusValues } from "./status-values.js";

export function pageSpec(doc: OpenApiDocument, slug: ProviderSlug): OpenApiDocument {
  const statusSections = listOperations(doc).map((op) => {
    const fields = listStatusFields(doc, op);
    return renderStatusValues(`${op.method.toUpperCase()} ${op.path}`, fields, listSuccessExamples(doc, op, fields));
  });
  const description = [
    doc.info.description?.trimEnd() ?? "",
    ...statusSections,
    renderErrorCatalogue(listErrorCatalogue(doc)),
    `---\n\n[All four providers](index.html) · [This spec as one OpenAPI 3.1 file](${slug}.yaml)\n`,
  ].join("\n\n");
  return { ...structuredClone(doc), info: { ...doc.info, description } };
}

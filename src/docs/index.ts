export { buildDocs, docsFileNames, DEFAULT_DOCS_DIR, type BuildDocsOptions, type BuildDocsResult, type DocsFile, type DocsProgress } from "./build.js";
export { listErrorCatalogue, renderErrorCatalogue, errorFields, ERROR_CATALOGUE_HEADING, type ErrorCatalogueEntry } from "./error-catalogue.js";
export { listStatusFields, listSuccessExamples, renderStatusValues, valuesAtPath, STATUS_VALUES_HEADING, type StatusField, type SuccessExample } from "./status-values.js";
export { specStatusTable, normalizedStatusTable, type StatusTable, type StatusTableSource, type ProviderSpecs } from "./status-table.js";
export { pageSpec } from "./page-spec.js";

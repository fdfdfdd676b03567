/**
 * `kyc-status-contracts/docs`: the API reference build (`kyc-contracts docs` from code). Needs
 * Redocly CLI installed. `statusTable` picks the index page's status table: `normalizedStatusTable`
 * (the default) or `specStatusTable`, or your own.
 */
export { buildDocs, type BuildDocsOptions, type BuildDocsResult, type DocsFile, type DocsProgress } from "./build.js";
export { specStatusTable, normalizedStatusTable, type StatusTable, type StatusTableSource, type ProviderSpecs } from "./status-table.js";

/**
 * The environment variables `kyc-contracts conform` sets for the suite's vitest workers. Apart
 * from suite.ts so the CLI can read them without importing vitest, an optional peer dependency
 * that only `conform` needs. suite.ts re-exports them.
 */
export const SUITE_ENV = {
  /** Live target base URL, or `slug=URL,slug=URL` (src/conformance/base-urls.ts); unset → the provider's mock (see `engine`). */
  baseUrl: "KYC_CONFORMANCE_BASE_URL",
  /** Without a base URL: `twin` runs against the provider's twin, anything else (default `prism`) against its Prism mock. */
  engine: "KYC_CONFORMANCE_ENGINE",
  /** Folder where each suite writes `<slug>.json` (coverage and skips) for the CLI's summary. */
  reportDir: "KYC_CONFORMANCE_REPORT_DIR",
  /** Response-time budget in ms (`--max-response-ms`); unset → no budget. */
  maxResponseMs: "KYC_CONFORMANCE_MAX_RESPONSE_MS",
  /** The most bytes of a response body read (default 1 MiB); a larger body fails the case. */
  maxBodyBytes: "KYC_CONFORMANCE_MAX_BODY_BYTES",
  /** A folder of specs (`<slug>/openapi.yaml`, `--specs DIR`) checked against, and served by the mocks, instead of the bundled ones. */
  specsDir: "KYC_CONFORMANCE_SPECS_DIR",
} as const;

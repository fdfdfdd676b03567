export {
  createConformanceChecker,
  createCheckerForSpec,
  type CheckerOptions,
  type ConformanceChecker,
  type CheckName,
  type CheckResult,
  type Coverage,
  type Exchange,
  type Violation,
} from "./checker.js";
export { CONTRADICTION_NOTE, SEVERITY_LABEL, type SemanticCheckName, type SemanticFinding, type Severity } from "./semantic.js";
export { createLifecycleTracker, readLifecycle, type Lifecycle, type LifecycleTracker, type LifecycleViolation, type TransitionRule } from "./lifecycle.js";
export { createTrafficChecker, providerFor, type ExchangeReport, type ObservedExchange, type TrafficChecker, type TrafficOptions, type TrafficSummary } from "./traffic.js";
export { createProxyHandler, DEFAULT_MAX_BODY_BYTES, type ProxyCoreOptions, type ProxyHandler } from "./proxy.js";
export { serveNodeHttp, type NodeServer } from "./node-transport.js";
export { parseHar, harEntry, harDocument, type HarEntry, type HarParse } from "./har.js";
export { createPiiMasker, redactHeaders, CREDENTIAL_HEADERS, type PiiMasker } from "./pii.js";
export { renderReport, liveLines, TRAFFIC_REPORTERS, type TrafficReporterName } from "./traffic-report.js";

/**
 * `kyc-status-contracts/conformance`: checking traffic against the specs from code. One exchange
 * (`createConformanceChecker`), observed traffic (`createTrafficChecker`), the validating proxy
 * (`createProxyHandler`, served by `serveNodeHttp` or any Fetch-style server), HAR files
 * (`parseHar`), and values against a spec's schemas (`createSpecValidator`). The vitest suite is
 * `kyc-status-contracts/conformance/suite`.
 */
export {
  createConformanceChecker,
  type CheckerOptions,
  type ConformanceChecker,
  type CheckName,
  type CheckResult,
  type Coverage,
  type Exchange,
  type Violation,
} from "./checker.js";
export type { SemanticCheckName, SemanticFinding, Severity } from "./semantic.js";
export type { LifecycleViolation } from "./lifecycle.js";
export { createTrafficChecker, type ExchangeReport, type ObservedExchange, type TrafficChecker, type TrafficOptions, type TrafficSummary } from "./traffic.js";
export { createProxyHandler, type ProxyCoreOptions, type ProxyHandler } from "./proxy.js";
export { serveNodeHttp, type NodeServer } from "./node-transport.js";
export { parseHar, type HarParse } from "./har.js";
export { createSpecValidator, type SpecValidator, type SchemaViolation, type ValidationResult } from "../spec/validator.js";

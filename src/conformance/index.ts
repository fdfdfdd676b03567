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

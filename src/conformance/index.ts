export {
  createConformanceChecker,
  createCheckerForSpec,
  type ConformanceChecker,
  type CheckName,
  type CheckResult,
  type Coverage,
  type Exchange,
  type Violation,
} from "./checker.js";

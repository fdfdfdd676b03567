/**
 * `kyc-status-contracts/evolution`: the domain-aware diff of two versions of a provider's spec
 * and the spec versions released in this package (Node only: the releases are read from disk).
 */
export { diffSpecs, summarizeDiffs } from "./diff.js";
export type { ChangeDirection, ChangeLevel, DiffReport, ProviderDiff, SpecChange, VersionBump } from "./diff.js";
export { diffRules } from "./rules.js";
export type { DiffRule } from "./rules.js";
export { listReleasedVersions, loadReleasedSpec } from "./releases.js";
export type { ReleasedSpec, ReleasedSpecResult, ReleaseStoreOptions } from "./releases.js";

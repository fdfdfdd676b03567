// Conformance suite of proof: every case and check is derived from openapi/proof (see src/conformance).
import { defineConformanceSuite } from "kyc-status-contracts/conformance/suite";

await defineConformanceSuite("proof");

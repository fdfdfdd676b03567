// Conformance suite of nyota-imara: every case and check is derived from openapi/nyota-imara (see src/conformance).
import { defineConformanceSuite } from "kyc-status-contracts/conformance/suite";

await defineConformanceSuite("nyota-imara");

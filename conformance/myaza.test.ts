// Conformance suite of myaza: every case and check is derived from openapi/myaza (see src/conformance).
import { defineConformanceSuite } from "kyc-status-contracts/conformance/suite";

await defineConformanceSuite("myaza");

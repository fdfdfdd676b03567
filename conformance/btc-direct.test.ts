// Conformance suite of btc-direct: every case and check is derived from openapi/btc-direct (see src/conformance).
import { defineConformanceSuite } from "kyc-status-contracts/conformance/suite";

await defineConformanceSuite("btc-direct");

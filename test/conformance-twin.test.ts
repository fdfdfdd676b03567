// The conformance suites of the four providers against their twins (src/twin): every case,
// including wrong credentials, unknown and malformed ids, which Prism cannot judge.
import { defineConformanceSuite } from "../src/conformance/suite.js";
import { providerSlugs } from "../src/providers.js";

for (const slug of providerSlugs) await defineConformanceSuite(slug, { KYC_CONFORMANCE_ENGINE: "twin" });

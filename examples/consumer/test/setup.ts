// vitest.config.ts runs this before every test file: expect(…).toSatisfyContract() from here on,
// and, since tsconfig.json includes this file, its types too.
import "kyc-status-contracts/vitest";

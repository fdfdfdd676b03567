import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // imports kyc-status-contracts/vitest: expect(…).toSatisfyContract() in every test file
    setupFiles: ["test/setup.ts"],
  },
});

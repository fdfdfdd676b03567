import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// In CI (.ci/run) a JSON report is written next to the usual output; .ci/run derives its
// "N passed, N failed" line from it, and lists the slowest test files from reports/file-times.json.
const reporters = process.env.CI ? ["default", ["json", { outputFile: "reports/vitest.json" }], "./scripts/file-times-reporter.ts"] : ["default"];

export default defineConfig({
  test: {
    // conformance/<slug>.test.ts are the suites `kyc-contracts conform` runs: test/conform-cli.test.ts
    // runs all four through the built CLI against the Prism mocks and the twins, as a user does
    // (running them here as well would start four more Prisms for the same cases).
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // More test files at once than cores: most of the slow files wait on child processes (Prism,
    // npm, Chromium, the CLI), and vitest's default (cores − 1: one file at a time on a 2-core
    // machine) left the CPU mostly idle. Tests pick free ports and watch only their own children,
    // so files running together do not meet.
    maxWorkers: Math.max(4, availableParallelism()),
    // A worker runs its test files one after another in one module graph instead of a fresh one
    // per file: about 35 CPU-s less per run on the 2-core machine (313 → 279, measured back to
    // back), where CPU is what bounds npm test. Safe because no test file leaves global state
    // behind: none uses vi.mock or stubs a global; the two that change one (twin-msw.test.ts: msw's
    // interceptors, mock-lifecycle.test.ts: NODE_ENV) undo it in afterAll / finally, and the
    // module-level caches in src/ (parsed specs, compiled validators) hold pure results.
    isolate: false,
    experimental: {
      // Transformed modules kept on disk across runs (node_modules/.experimental-vitest-cache/),
      // keyed by each file's content, id and the Vite configuration: there is no plugin here
      // whose options could go stale. A warm run transforms nothing again (~2 CPU-s per 20 files).
      fsModuleCache: true,
    },
    // Bounds for a hung test, not timing assertions: generous, because on a loaded 2-core machine
    // starting four Prisms or hydrating four Redoc pages can take 20 s and more.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: reporters as never,
  },
});

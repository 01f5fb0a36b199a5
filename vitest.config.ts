import { defineConfig } from "vitest/config";

// One run covers every workspace: tests live beside their code (`<workspace>/test/**`),
// cross-component tests in `tests/**`. The summary reporter prints the closing
// "N passed, N failed" line that CI reads.
export default defineConfig({
  test: {
    include: [
      "{packages,modules}/*/test/**/*.test.ts",
      "{functions,simulator,app}/test/**/*.test.ts",
      "tests/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});

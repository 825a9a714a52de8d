import { defineConfig } from "vitest/config";

// One runner for the whole repo; tests mirror the source under test/.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: ["default", "./test/support/closing-line-reporter.ts"],
  },
});

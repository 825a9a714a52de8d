import { defineConfig } from "vitest/config";
export default defineConfig({
  root: "/work/main",
  resolve: { alias: [{ find: /^\.\.\/scenario\/canonical$/, replacement: "/tmp/stub/canonical.ts" }] },
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, pool: "forks" },
});

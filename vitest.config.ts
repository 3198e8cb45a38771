import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: pure unit tests (*.test.ts) and integration tests against a real PostgreSQL
// (*.int.test.ts, run one file at a time over one database; see scripts/test.mjs).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "scripts/**/*.int.test.ts", "app/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/int-global-setup.ts"],
          setupFiles: ["lib/testing/int-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

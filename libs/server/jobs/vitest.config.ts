import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["src/**/*.test.ts"], passWithNoTests: false, fileParallelism: false, testTimeout: 30_000 },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    // Component tests choose jsdom themselves (// @vitest-environment jsdom); Ant Design lays out slowly there.
    testTimeout: 60_000,
    passWithNoTests: false,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "jsdom",
    setupFiles: ["@dtpilot/ui/test-setup"],
    // Ant Design lays out slowly in jsdom, and slower still on a busy machine.
    testTimeout: 60_000,
    passWithNoTests: false,
  },
});

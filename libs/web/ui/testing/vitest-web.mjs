/**
 * The jsdom test set-up every web package shares (the apps and libs/web/*): one definition, so a change of
 * environment, set-up file or timeout reaches them all. `@dtpilot/ui/vitest-config`.
 */
import { defineConfig } from "vitest/config";

export function webTestConfig() {
  return defineConfig({
    test: {
      include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
      environment: "jsdom",
      setupFiles: ["@dtpilot/ui/test-setup"],
      // Ant Design lays out slowly in jsdom, and slower still on a busy machine.
      testTimeout: 60_000,
      passWithNoTests: false,
    },
  });
}

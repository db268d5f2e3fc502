import { defineConfig } from "@playwright/test";
import { SHELL_URL } from "./src/support/env";

export default defineConfig({
  testDir: "./src",
  testMatch: "**/*.spec.ts",
  globalSetup: "./src/global-setup.ts",
  // One worker: the tests share the servers, and two of them rebuild or stop a remote.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "../../test-results/shell-e2e",
  use: {
    baseURL: SHELL_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});

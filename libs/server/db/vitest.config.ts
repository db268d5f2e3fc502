import { defineConfig } from "vitest/config";
import { testDatabaseEnv, testDatabaseName } from "./src/test-database-env";

const TEST_DATABASE = testDatabaseName("dtpilot_test_db");

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    env: testDatabaseEnv(TEST_DATABASE),
    globalSetup: ["./src/test-global-setup.ts"],
    provide: { testDatabase: TEST_DATABASE },
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});

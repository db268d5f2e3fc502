import { prepareTestDatabase, testDatabaseEnv, testDatabaseName } from "@dtpilot/db/testing";
import type { TestProject } from "vitest/node";

const TEST_DATABASE = testDatabaseName("dtpilot_test_api");

/**
 * A fresh, migrated database holding reference data only: each test file builds its own pilot world
 * (src/testing/world.ts) instead of depending on the demo.
 */
export default async function setup(project: TestProject) {
  await prepareTestDatabase(TEST_DATABASE);
  project.provide("appDatabaseUrl", testDatabaseEnv(TEST_DATABASE).APP_DATABASE_URL);
  project.provide("ownerDatabaseUrl", testDatabaseEnv(TEST_DATABASE).DATABASE_URL);
}

declare module "vitest" {
  export interface ProvidedContext {
    appDatabaseUrl: string;
    ownerDatabaseUrl: string;
  }
}

import { prepareTestDatabase, testDatabaseEnv, testDatabaseName } from "@dtpilot/db/testing";
import type { TestProject } from "vitest/node";

const TEST_DATABASE = testDatabaseName("dtpilot_test_api");

/** A fresh, migrated and seeded database for the API's integration tests. */
export default async function setup(project: TestProject) {
  await prepareTestDatabase(TEST_DATABASE, { demo: true });
  project.provide("appDatabaseUrl", testDatabaseEnv(TEST_DATABASE).APP_DATABASE_URL);
  project.provide("ownerDatabaseUrl", testDatabaseEnv(TEST_DATABASE).DATABASE_URL);
}

declare module "vitest" {
  export interface ProvidedContext {
    appDatabaseUrl: string;
    ownerDatabaseUrl: string;
  }
}

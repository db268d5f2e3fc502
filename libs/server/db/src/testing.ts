/**
 * Test databases: each test project gets its own database (roles are shared), freshly migrated and holding the reference data
 * (geography) only: tests build the tenants they need (pilot-world.ts), so none depends on the demo seed, and projects
 * can run in parallel against the one PostgreSQL.
 */
import { bootstrapDatabase, dropDatabase } from "./bootstrap";
import { createOwnerDatabase } from "./owner-client";
import { migrateDeploy } from "./migrate";
import { seedDemo, seedReferenceData } from "./seed";
import { testDatabaseEnv, testDatabaseName } from "./test-database-env";

export { testDatabaseEnv, testDatabaseName };
export * from "./pilot-world";

/**
 * Drops, recreates and migrates the named test database, and loads the reference data; `demo` adds the demo seed,
 * for suites not yet building their own tenants.
 */
export async function prepareTestDatabase(database: string, options: { demo?: boolean } = {}): Promise<void> {
  const env = testDatabaseEnv(database);
  Object.assign(process.env, env);
  await dropDatabase(database);
  await bootstrapDatabase();
  migrateDeploy(env.DATABASE_URL);
  const owner = createOwnerDatabase({ url: env.DATABASE_URL });
  try {
    await (options.demo ? seedDemo(owner) : seedReferenceData(owner));
  } finally {
    await owner.$disconnect();
  }
}

/**
 * Test databases: each test project gets its own database (roles are shared), freshly migrated and seeded, so
 * projects can run in parallel against the one PostgreSQL.
 */
import { bootstrapDatabase, dropDatabase } from "./bootstrap";
import { createOwnerDatabase } from "./owner-client";
import { migrateDeploy } from "./migrate";
import { seedDemo } from "./seed";
import { testDatabaseEnv, testDatabaseName } from "./test-database-env";

export { testDatabaseEnv, testDatabaseName };

/** Drops, recreates, migrates and seeds the named test database. */
export async function prepareTestDatabase(database: string): Promise<void> {
  const env = testDatabaseEnv(database);
  Object.assign(process.env, env);
  await dropDatabase(database);
  await bootstrapDatabase();
  migrateDeploy(env.DATABASE_URL);
  const owner = createOwnerDatabase({ url: env.DATABASE_URL });
  try {
    await seedDemo(owner);
  } finally {
    await owner.$disconnect();
  }
}

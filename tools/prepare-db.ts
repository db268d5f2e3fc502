/**
 * Creates the roles and database if missing, applies migrations and loads the demo seed. Idempotent.
 * `--fresh` drops the database first (the e2e run starts from the seed alone, whatever an earlier run left).
 */
import { databaseSettings } from "@dtpilot/db";
import {
  backfillFileCompleteness,
  bootstrapDatabase,
  createOwnerDatabase,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  dropDatabase,
  migrateDeploy,
  ownerDatabaseUrl,
  seedDemo,
} from "@dtpilot/db/admin";

const started = Date.now();
if (process.argv.includes("--fresh")) await dropDatabase(databaseSettings(ownerDatabaseUrl()).database!);
const { database, created } = await bootstrapDatabase();
migrateDeploy();
const owner = createOwnerDatabase();
try {
  // Roster entries stored before the file's completeness was (or under older rules) get it computed, in batches.
  const backfill = await backfillFileCompleteness(owner);
  const counts = await seedDemo(owner);
  console.log(
    `Database "${database}" ${created ? "created" : "up to date"}: ${counts.counties} counties, ${counts.enterprises} enterprises, ` +
      `${counts.users} users; file completeness computed for ${backfill.updated} roster entries (${Date.now() - started} ms).`,
  );
} finally {
  await owner.$disconnect();
}

// Read by tools/start.mjs to print the demo accounts once everything is serving.
console.log(`DEMO_ACCOUNTS_JSON=${JSON.stringify(DEMO_ACCOUNTS.map((account) => ({ ...account, password: DEMO_PASSWORD })))}`);

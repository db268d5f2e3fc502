/**
 * The scale database: dropped and created afresh on every run, migrated with the project's own migrations and
 * holding the reference data (seedReferenceData). Migrating takes ~15 s here (Prisma's WebAssembly schema engine), so
 * a migrated template is kept per set of migrations — `dtpilot_scale_tpl_<hash of the migration files>`, built
 * once with migrateDeploy + seedReferenceData exactly as prepare-db does — and each run clones it
 * (CREATE DATABASE … TEMPLATE), which takes a fraction of a second. A new migration changes the hash, so a stale
 * template is never used.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { appDatabaseUrl, databaseSettings } from "@dtpilot/db";
import { adminDatabaseUrl, bootstrapDatabase, createOwnerDatabase, dropDatabase, migrateDeploy, ownerDatabaseUrl, seedReferenceData } from "@dtpilot/db/admin";
import pg from "pg";

const MIGRATIONS = path.resolve(import.meta.dirname, "..", "..", "libs", "server", "db", "prisma", "migrations");

export interface ScaleDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The databases a run must never drop: the app's own (DATABASE_URL) and the templates. */
function assertDisposable(name: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`--database ${name}: use lower-case letters, digits and _`);
  const appDatabase = databaseSettings(ownerDatabaseUrl()).database;
  if (name === appDatabase || name === "dtpilot" || name.startsWith("dtpilot_scale_tpl_")) {
    throw new Error(`--database ${name} is not a scale database: the run drops and recreates it`);
  }
}

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const entry of readdirSync(MIGRATIONS, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    hash.update(entry.name);
    hash.update(readFileSync(path.join(MIGRATIONS, entry.name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 12);
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client(databaseSettings(adminDatabaseUrl()));
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function exists(admin: pg.Client, name: string): Promise<boolean> {
  return ((await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount ?? 0) > 0;
}

/**
 * The migrated template of the current migrations, built when missing: under a temporary name, then renamed, so a
 * template that exists is complete (a concurrent build loses the rename and drops its copy).
 */
async function ensureTemplate(log: (line: string) => void): Promise<string> {
  const template = `dtpilot_scale_tpl_${migrationsHash()}`;
  if (await withAdmin((admin) => exists(admin, template))) return template;
  const building = `${template}_${process.pid}`;
  log(`migrating a template database ${template} (once per set of migrations)`);
  const env = { DATABASE_URL: withDatabase(ownerDatabaseUrl(), building), APP_DATABASE_URL: withDatabase(appDatabaseUrl(), building) };
  await dropDatabase(building);
  // bootstrapDatabase (roles, the database, the app role's CONNECT) reads both URLs from the environment.
  const saved = { DATABASE_URL: process.env.DATABASE_URL, APP_DATABASE_URL: process.env.APP_DATABASE_URL };
  Object.assign(process.env, env);
  try {
    await bootstrapDatabase();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  migrateDeploy(env.DATABASE_URL);
  const owner = createOwnerDatabase({ url: env.DATABASE_URL });
  try {
    await seedReferenceData(owner);
  } finally {
    await owner.$disconnect();
  }
  await withAdmin(async (admin) => {
    try {
      await admin.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`);
      // Nobody connects to a template, so cloning it is never blocked by a session.
      await admin.query(`ALTER DATABASE ${quoteIdent(template)} WITH ALLOW_CONNECTIONS false`);
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
      if (!(await exists(admin, template))) throw error;
    }
  });
  return template;
}

/** Drops `name` if it exists and creates it as a clone of the migrated template, the app role allowed to connect. */
export async function prepareScaleDatabase(name: string, log: (line: string) => void): Promise<ScaleDatabase> {
  assertDisposable(name);
  const template = await ensureTemplate(log);
  const ownerUrl = withDatabase(ownerDatabaseUrl(), name);
  const appUrl = withDatabase(appDatabaseUrl(), name);
  const owner = databaseSettings(ownerUrl).user!;
  const app = databaseSettings(appUrl).user!;
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)} OWNER ${quoteIdent(owner)}`);
    await admin.query(`GRANT CONNECT ON DATABASE ${quoteIdent(name)} TO ${quoteIdent(app)}`);
  });
  return { name, ownerUrl, appUrl };
}

export async function dropScaleDatabase(name: string): Promise<void> {
  assertDisposable(name);
  await dropDatabase(name);
}

export async function databaseSize(client: pg.ClientBase): Promise<number> {
  const result = await client.query<{ size: string }>("select pg_database_size(current_database())::text as size");
  return Number(result.rows[0]!.size);
}

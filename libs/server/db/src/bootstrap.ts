/**
 * Creates the two database roles and the database if they are missing. Runs once per machine as a superuser
 * (DATABASE_ADMIN_URL); migrations then run as the owner and the app connects as its own restricted role.
 */
import pg from "pg";
import { adminDatabaseUrl, appDatabaseUrl, databaseSettings, ownerDatabaseUrl } from "./settings";

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function bootstrapDatabase(): Promise<{ database: string; created: boolean }> {
  const owner = databaseSettings(ownerDatabaseUrl());
  const app = databaseSettings(appDatabaseUrl());
  if (owner.database !== app.database) {
    throw new Error(`DATABASE_URL and APP_DATABASE_URL must name the same database (${owner.database} ≠ ${app.database})`);
  }
  const admin = new pg.Client(databaseSettings(adminDatabaseUrl()));
  await admin.connect();
  try {
    await ensureRole(admin, owner.user!, String(owner.password ?? ""), "NOSUPERUSER CREATEDB BYPASSRLS NOCREATEROLE");
    // The application role must never bypass row-level security.
    await ensureRole(admin, app.user!, String(app.password ?? ""), "NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
    const exists = await admin.query("select 1 from pg_database where datname = $1", [owner.database]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${quoteIdent(owner.database!)} OWNER ${quoteIdent(owner.user!)} ENCODING 'UTF8'`);
    }
    await admin.query(`GRANT CONNECT ON DATABASE ${quoteIdent(owner.database!)} TO ${quoteIdent(app.user!)}`);
    return { database: owner.database!, created: exists.rowCount === 0 };
  } finally {
    await admin.end();
  }
}

/** Drops a database (test set-up only). */
export async function dropDatabase(database: string): Promise<void> {
  const admin = new pg.Client(databaseSettings(adminDatabaseUrl()));
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function ensureRole(admin: pg.Client, name: string, password: string, attributes: string) {
  const found = await admin.query("select 1 from pg_roles where rolname = $1", [name]);
  const verb = found.rowCount === 0 ? "CREATE" : "ALTER";
  await admin.query(`${verb} ROLE ${quoteIdent(name)} LOGIN PASSWORD ${quoteLiteral(password)} ${attributes}`);
}

/**
 * Prisma CLI configuration (generate, migrate). Runs Prisma's schema engine on WebAssembly through the pg driver
 * adapter, because no native engine can be downloaded here (see STACK.md). Used by the CLI only, never by the app.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PrismaConfig } from "prisma";
import { databaseSettings, ownerDatabaseUrl } from "./src/settings";

// The CLI falls back to a native engine download when DATABASE_URL is unset, even for `generate`.
process.env.DATABASE_URL ??= ownerDatabaseUrl();

patchCatalogTypesForSchemaEngine();

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "prisma", "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "prisma", "migrations") },
  async adapter() {
    return new MigrationPg(databaseSettings(process.env.DATABASE_URL ?? ownerDatabaseUrl()));
  },
} satisfies PrismaConfig;

/**
 * Two fixes to the adapter for migrations:
 * - its executeScript splits a script on every ";", which breaks function bodies ($$ … ; … $$): send the script
 *   whole instead (PostgreSQL runs a multi-statement simple query as one implicit transaction);
 * - it drops the shadow database while that database's pool is still open ("is being accessed by other users"):
 *   close the shadow pool first, then drop it.
 */
class MigrationPg extends PrismaPg {
  constructor(private readonly settings: pg.PoolConfig) {
    super(settings);
  }

  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new MigrationPg({ ...this.settings, database }).connect();
    const disposeShadowPool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadowPool();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}

/**
 * The adapter cannot decode some pg_catalog column types the schema engine reads (prisma/prisma#27403):
 * report them as text / text[] instead.
 */
function patchCatalogTypesForSchemaEngine() {
  const TEXT = 25;
  const TEXT_ARRAY = 1009;
  const asText = new Set([18, 19, 22, 28, 194]);
  const asTextArray = new Set([1002, 1003]);
  const parseTextArray = (pg.types.getTypeParser as (oid: number, format: "text") => unknown)(TEXT_ARRAY, "text") as (value: string) => unknown;
  const originalQuery = pg.Pool.prototype.query as (...args: unknown[]) => Promise<pg.QueryResult<unknown[]>>;
  pg.Pool.prototype.query = async function patchedQuery(this: pg.Pool, ...args: unknown[]) {
    const result = await originalQuery.apply(this, args);
    result.fields?.forEach((field, index) => {
      if (asText.has(field.dataTypeID)) field.dataTypeID = TEXT;
      if (asTextArray.has(field.dataTypeID)) {
        field.dataTypeID = TEXT_ARRAY;
        for (const row of result.rows) {
          if (Array.isArray(row) && typeof row[index] === "string") row[index] = parseTextArray(row[index]);
        }
      }
    });
    return result;
  } as typeof pg.Pool.prototype.query;
}

import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolConfig } from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { createScopedPool } from "./scoped-connection";
import { appDatabaseUrl, databaseSettings } from "./settings";

export type Database = InstanceType<typeof PrismaClient>;

/**
 * A Prisma client on the library's pool (scoped-connection.ts: a scoped transaction's BEGIN carries its scope, and its
 * connection serves the library's raw reads); `$disconnect` ends the pool.
 */
function databaseOn(settings: PoolConfig): Database {
  return new PrismaClient({ adapter: new PrismaPg(createScopedPool(settings), { disposeExternalPool: true }) });
}

/** The application's client: connects as the restricted app role, so row-level security applies to every query. */
export function createAppDatabase(options: { url?: string; poolSize?: number } = {}): Database {
  const settings = databaseSettings(options.url ?? appDatabaseUrl());
  return databaseOn({ ...settings, max: options.poolSize ?? 10 });
}

/** Whether the database answers (the health check). */
export function pingDatabase(db: Database): Promise<"ok" | "down"> {
  return db.$queryRaw`select 1`.then(
    () => "ok" as const,
    () => "down" as const,
  );
}

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { appDatabaseUrl, databaseSettings } from "./settings";

export type Database = InstanceType<typeof PrismaClient>;

/** The application's client: connects as the restricted app role, so row-level security applies to every query. */
export function createAppDatabase(options: { url?: string; poolSize?: number } = {}): Database {
  const settings = databaseSettings(options.url ?? appDatabaseUrl());
  return new PrismaClient({ adapter: new PrismaPg({ ...settings, max: options.poolSize ?? 10 }) });
}

/** Whether the database answers (the health check). */
export function pingDatabase(db: Database): Promise<"ok" | "down"> {
  return db.$queryRaw`select 1`.then(
    () => "ok" as const,
    () => "down" as const,
  );
}

import { PrismaPg } from "@prisma/adapter-pg";
import type { Database } from "./client";
import { PrismaClient } from "./generated/prisma/client";
import { databaseSettings, ownerDatabaseUrl } from "./settings";

/** The owner's client: bypasses row-level security. For seeds and maintenance scripts only, never for requests. */
export function createOwnerDatabase(options: { url?: string } = {}): Database {
  return new PrismaClient({ adapter: new PrismaPg(databaseSettings(options.url ?? ownerDatabaseUrl())) });
}

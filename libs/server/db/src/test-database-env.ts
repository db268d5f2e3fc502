import { createHash } from "node:crypto";
import path from "node:path";
import { appDatabaseUrl, ownerDatabaseUrl } from "./settings";

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The owner and app URLs of a named test database; put them in the test environment. */
export function testDatabaseEnv(database: string): { DATABASE_URL: string; APP_DATABASE_URL: string } {
  return { DATABASE_URL: withDatabase(ownerDatabaseUrl(), database), APP_DATABASE_URL: withDatabase(appDatabaseUrl(), database) };
}

/** A test database name unique to this checkout, so two checkouts on one machine never drop each other's database. */
export function testDatabaseName(base: string): string {
  const checkout = path.resolve(import.meta.dirname, "..", "..", "..");
  return `${base}_${createHash("sha256").update(checkout).digest("hex").slice(0, 8)}`;
}

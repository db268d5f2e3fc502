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

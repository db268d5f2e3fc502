/** Connection settings, read from the environment with local defaults (see .env.example). */
import type { PoolConfig } from "pg";

const DEFAULTS = {
  DATABASE_ADMIN_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
  DATABASE_URL: "postgresql://dtpilot_owner:dtpilot_owner@127.0.0.1:5432/dtpilot",
  APP_DATABASE_URL: "postgresql://dtpilot_app:dtpilot_app@127.0.0.1:5432/dtpilot",
} as const;

/** A superuser connection used only to create the roles and databases (bootstrap). */
export function adminDatabaseUrl(): string {
  return process.env.DATABASE_ADMIN_URL ?? DEFAULTS.DATABASE_ADMIN_URL;
}

/** The schema owner: runs migrations and seeds. */
export function ownerDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULTS.DATABASE_URL;
}

/** The application's login role: not a superuser, no BYPASSRLS, so row-level security applies. */
export function appDatabaseUrl(): string {
  return process.env.APP_DATABASE_URL ?? DEFAULTS.APP_DATABASE_URL;
}

/** Discrete pg settings from a URL (pg ignores a database override when given a connectionString). */
export function databaseSettings(url: string): PoolConfig {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname),
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")),
  };
}

import { appDatabaseUrl } from "@dtpilot/db";
import { redisTlsFromEnv, type RedisTlsSettings } from "@dtpilot/jobs";

/** API settings from the environment (documented in .env.example), with local defaults. */
export function integer(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export interface ApiConfig {
  port: number;
  host: string;
  /** The app role's connection (APP_DATABASE_URL): not a superuser, no BYPASSRLS, so row-level security applies. */
  appDatabaseUrl: string;
  /** redis:// or rediss:// (TLS), with the ACL user and password in it in production (README: Production Redis). */
  redisUrl: string;
  redisTls: RedisTlsSettings;
  /** Prefix of every Redis key, so several environments (dev, tests) can share one Redis. */
  redisPrefix: string;
  /** Browser origins allowed to call the API with credentials; a mutation from any other origin is refused. */
  allowedOrigins: string[];
  secureCookies: boolean;
  sessionIdleSeconds: number;
  sessionMaxSeconds: number;
  lockout: {
    /** Failures of one account (from devices it never signed in on) before each further attempt waits. */
    maxFailuresPerAccount: number;
    maxFailuresPerIp: number;
    /** Failures are forgotten after this long without another failure. */
    windowSeconds: number;
    /** The longest wait for an account, and the block of an address. */
    lockSeconds: number;
    /** The first wait once an account reached its limit; it doubles with every further failure, up to lockSeconds. */
    accountDelaySeconds: number;
  };
  logLevel: string;
  /**
   * Which proxies in front of the API Fastify believes about the client's address (X-Forwarded-For): false (none),
   * a hop count, or addresses / CIDR ranges. Default: the shell's proxy on loopback.
   */
  trustedProxies: boolean | number | string[];
  /** The most calls one batched tRPC request may carry. */
  maxBatchSize: number;
  /** How long a browser that signed in stays a known device of that account (not hit by the account's lock). */
  trustedDeviceSeconds: number;
}

/** TRUSTED_PROXIES: "none"/"false", a hop count ("1"), or a comma-separated list of addresses and CIDR ranges. */
export function trustedProxies(raw: string | undefined): boolean | number | string[] {
  const value = (raw ?? "127.0.0.1,::1").trim();
  if (value === "" || value === "none" || value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(",").map((entry) => entry.trim()).filter(Boolean);
}

export function loadConfig(): ApiConfig {
  const port = integer("API_PORT", 4000);
  return {
    port,
    host: process.env.API_HOST ?? "127.0.0.1",
    appDatabaseUrl: appDatabaseUrl(),
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0",
    redisTls: redisTlsFromEnv(),
    redisPrefix: process.env.REDIS_PREFIX ?? "dtpilot:",
    allowedOrigins: (process.env.ALLOWED_ORIGINS ?? `http://localhost:4200,http://127.0.0.1:4200,http://localhost:${port}`)
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    secureCookies: process.env.SECURE_COOKIES === "true",
    sessionIdleSeconds: integer("SESSION_IDLE_SECONDS", 30 * 60),
    sessionMaxSeconds: integer("SESSION_MAX_SECONDS", 12 * 60 * 60),
    lockout: {
      maxFailuresPerAccount: integer("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5),
      maxFailuresPerIp: integer("LOGIN_MAX_FAILURES_PER_IP", 20),
      windowSeconds: integer("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60),
      lockSeconds: integer("LOGIN_LOCK_SECONDS", 15 * 60),
      accountDelaySeconds: integer("LOGIN_ACCOUNT_DELAY_SECONDS", 30),
    },
    logLevel: process.env.LOG_LEVEL ?? "info",
    trustedProxies: trustedProxies(process.env.TRUSTED_PROXIES),
    maxBatchSize: integer("TRPC_MAX_BATCH_SIZE", 10),
    trustedDeviceSeconds: integer("LOGIN_TRUSTED_DEVICE_DAYS", 90) * 24 * 60 * 60,
  };
}

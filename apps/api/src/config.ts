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
  lockout: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowSeconds: number; lockSeconds: number };
  logLevel: string;
}

export function loadConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  const port = integer("API_PORT", 4000);
  return {
    port,
    host: process.env.API_HOST ?? "127.0.0.1",
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
    },
    logLevel: process.env.LOG_LEVEL ?? "info",
    ...overrides,
  };
}

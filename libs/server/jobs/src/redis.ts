import { readFileSync } from "node:fs";
import { Redis, type RedisOptions } from "ioredis";

/** TLS settings for a `rediss://` URL (REDIS_TLS_CA, REDIS_TLS_REJECT_UNAUTHORIZED). */
export interface RedisTlsSettings {
  /** Path of a PEM file with the CA that signed the server's certificate, when it is not a public CA. */
  caFile?: string;
  /** Whether the server's certificate must verify (default true); false only for a throwaway test setup. */
  rejectUnauthorized?: boolean;
}

/** The TLS settings from the environment (documented in .env.example). */
export function redisTlsFromEnv(env: NodeJS.ProcessEnv = process.env): RedisTlsSettings {
  const reject = env.REDIS_TLS_REJECT_UNAUTHORIZED;
  if (reject !== undefined && reject !== "" && reject !== "true" && reject !== "false") {
    throw new Error(`REDIS_TLS_REJECT_UNAUTHORIZED must be "true" or "false", got "${reject}"`);
  }
  return { ...(env.REDIS_TLS_CA ? { caFile: env.REDIS_TLS_CA } : {}), rejectUnauthorized: reject !== "false" };
}

/**
 * The one place a Redis connection is described: `redis://[user:password@]host[:port][/db]`, or `rediss://…` for TLS
 * (ACL user and password percent-encoded in the URL), plus the TLS settings. Every connection — the API's sessions
 * and lock-out counters, BullMQ producers, workers and queue events, the tools — is built from these options.
 */
export function redisConnectionOptions(redisUrl: string, tls: RedisTlsSettings = {}): RedisOptions {
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    throw new Error("REDIS_URL is not a URL (expected redis://host:port/db or rediss://user:password@host:port/db)");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (TLS), not ${url.protocol}//`);
  }
  const secure = url.protocol === "rediss:";
  if (!secure && tls.caFile) throw new Error("REDIS_TLS_CA is set but REDIS_URL does not use TLS: write rediss://");
  const db = url.pathname.replace(/^\//, "");
  if (db !== "" && !/^\d+$/.test(db)) throw new Error(`REDIS_URL names database "${db}"; it must be a number`);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return {
    host,
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    db: db === "" ? 0 : Number(db),
    ...(secure
      ? {
          tls: {
            servername: host,
            rejectUnauthorized: tls.rejectUnauthorized ?? true,
            ...(tls.caFile ? { ca: readFileSync(tls.caFile) } : {}),
          },
        }
      : {}),
  };
}

/** A connection with these options on top of the URL's (retry and queue behaviour differ by use). */
export function createRedisConnection(redisUrl: string, tls: RedisTlsSettings | undefined, options: RedisOptions = {}): Redis {
  return new Redis({ ...redisConnectionOptions(redisUrl, tls), ...options });
}

/**
 * For producers (the API): fail fast when Redis is down instead of holding the HTTP request until it reconnects,
 * so the caller can answer "try again later".
 */
export function createProducerConnection(redisUrl: string, tls?: RedisTlsSettings): Redis {
  return createRedisConnection(redisUrl, tls, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
}

/** For workers and queue events: BullMQ's blocking commands need `maxRetriesPerRequest: null` and wait out outages. */
export function createWorkerConnection(redisUrl: string, tls?: RedisTlsSettings): Redis {
  return createRedisConnection(redisUrl, tls, { maxRetriesPerRequest: null });
}

/**
 * The ACL rules of the application's Redis user (README: Production Redis), for `ACL SETUSER <user> on ><password>
 * …rules`: its own keys and channels only (everything the API, BullMQ and the worker write starts with the
 * environment's REDIS_PREFIX), the data, scripting and blocking commands they use, nothing administrative.
 */
export function appRedisAclRules(redisPrefix: string): string[] {
  return [
    "resetkeys",
    `~${redisPrefix}*`,
    "resetchannels",
    `&${redisPrefix}*`,
    "-@all",
    "+@connection",
    "+@read",
    "+@write",
    "+@keyspace",
    "+@string",
    "+@hash",
    "+@list",
    "+@set",
    "+@sortedset",
    "+@stream",
    "+@blocking",
    "+@transaction",
    "+@scripting",
    "+@pubsub",
    "-@dangerous",
    // BullMQ reads the server's version and eviction policy once per connection.
    "+info",
  ];
}

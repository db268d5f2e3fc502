/** Worker settings from the environment (documented in .env.example), with local defaults. */
import type { RedisTlsSettings } from "@dtpilot/jobs";
import { integer, loadConfig, type ApiConfig } from "./config";

export interface WorkerConfig {
  /** The app role's connection (APP_DATABASE_URL), as the API's. */
  appDatabaseUrl: string;
  redisUrl: string;
  redisTls: RedisTlsSettings;
  redisPrefix: string;
  logLevel: string;
  /** Jobs one worker process runs at the same time. */
  concurrency: number;
  /** A job's lock lives this long without renewal; a dead worker's job is recovered after it (ms). */
  lockDurationMs: number;
  /** How often the worker looks for jobs whose worker died (ms). */
  stalledIntervalMs: number;
  /** Recoveries from a dead worker allowed before the job fails. */
  maxStalledCount: number;
  /** On SIGTERM/SIGINT, wait this long for running jobs before leaving them to be recovered (ms). */
  shutdownTimeoutMs: number;
  /** An unfinished export whose job is missing from Redis is enqueued again once it is this old (ms)… */
  recoverLostAfterMs: number;
  /** …checked at start and then at this interval (ms). */
  recoveryIntervalMs: number;
}

export function loadWorkerConfig(): WorkerConfig {
  const api: ApiConfig = loadConfig();
  return {
    appDatabaseUrl: api.appDatabaseUrl,
    redisUrl: api.redisUrl,
    redisTls: api.redisTls,
    redisPrefix: api.redisPrefix,
    logLevel: api.logLevel,
    concurrency: Math.max(1, integer("WORKER_CONCURRENCY", 2)),
    lockDurationMs: integer("WORKER_LOCK_DURATION_MS", 30_000),
    stalledIntervalMs: integer("WORKER_STALLED_INTERVAL_MS", 30_000),
    maxStalledCount: integer("WORKER_MAX_STALLED_COUNT", 2),
    shutdownTimeoutMs: integer("WORKER_SHUTDOWN_TIMEOUT_MS", 25_000),
    recoverLostAfterMs: integer("WORKER_RECOVER_LOST_AFTER_MS", 60_000),
    recoveryIntervalMs: integer("WORKER_RECOVERY_INTERVAL_MS", 5 * 60_000),
  };
}

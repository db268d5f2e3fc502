import { afterEach, describe, expect, it, vi } from "vitest";
import { loadWorkerConfig } from "./worker-config";

afterEach(() => vi.unstubAllEnvs());

describe("worker configuration", () => {
  it("connects to PostgreSQL as the API's app role", () => {
    vi.stubEnv("APP_DATABASE_URL", "postgresql://dtpilot_app:secret@db.example:5432/dtpilot");
    expect(loadWorkerConfig().appDatabaseUrl).toBe("postgresql://dtpilot_app:secret@db.example:5432/dtpilot");
  });

  it("reads every limit the operator sets, so the short ones the tests use are the operator's settings too", () => {
    vi.stubEnv("WORKER_LOCK_DURATION_MS", "1000");
    vi.stubEnv("WORKER_STALLED_INTERVAL_MS", "500");
    vi.stubEnv("WORKER_MAX_STALLED_COUNT", "0");
    vi.stubEnv("WORKER_SHUTDOWN_TIMEOUT_MS", "2000");
    vi.stubEnv("WORKER_RECOVER_LOST_AFTER_MS", "86400000");
    vi.stubEnv("WORKER_RECOVERY_INTERVAL_MS", "60000");
    expect(loadWorkerConfig()).toMatchObject({
      lockDurationMs: 1_000,
      stalledIntervalMs: 500,
      maxStalledCount: 0,
      shutdownTimeoutMs: 2_000,
      recoverLostAfterMs: 86_400_000,
      recoveryIntervalMs: 60_000,
    });
  });

  it("shares the API's Redis and key prefix and reads its own limits", () => {
    vi.stubEnv("REDIS_PREFIX", "staging:");
    vi.stubEnv("WORKER_CONCURRENCY", "4");
    vi.stubEnv("WORKER_LOCK_DURATION_MS", "60000");
    expect(loadWorkerConfig()).toMatchObject({ redisPrefix: "staging:", concurrency: 4, lockDurationMs: 60_000, maxStalledCount: 2 });
  });
});

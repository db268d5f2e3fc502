import { afterEach, describe, expect, it, vi } from "vitest";
import { loadWorkerConfig } from "./worker-config";

afterEach(() => vi.unstubAllEnvs());

describe("worker configuration", () => {
  it("never takes test hooks from the environment, whatever NODE_ENV says (the tests inject them)", () => {
    vi.stubEnv("WORKER_TEST_ROW_DELAY_MS", "250");
    vi.stubEnv("WORKER_TEST_FAIL_GENERATION", "true");
    for (const environment of ["test", "production", "development", ""]) {
      vi.stubEnv("NODE_ENV", environment);
      expect(loadWorkerConfig().testHooks).toEqual({ rowDelayMs: 0, failGeneration: false });
    }
  });

  it("shares the API's Redis and key prefix and reads its own limits", () => {
    vi.stubEnv("REDIS_PREFIX", "staging:");
    vi.stubEnv("WORKER_CONCURRENCY", "4");
    vi.stubEnv("WORKER_LOCK_DURATION_MS", "60000");
    expect(loadWorkerConfig()).toMatchObject({ redisPrefix: "staging:", concurrency: 4, lockDurationMs: 60_000, maxStalledCount: 2 });
  });
});

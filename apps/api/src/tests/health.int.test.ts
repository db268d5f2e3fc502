import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type RunningApi } from "../testing/api-harness";

describe("health", () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it("is ok when PostgreSQL and Redis answer", async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", postgres: "ok", redis: "ok" });
  });

  it("reports 503 and names Redis when Redis is unreachable", async () => {
    const broken = await startApi({ redisUrl: "redis://127.0.0.1:1/0" });
    try {
      const response = await fetch(`${broken.url}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "degraded", postgres: "ok", redis: "down" });
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});

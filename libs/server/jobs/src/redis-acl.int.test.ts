/**
 * Production Redis runs with a password-protected ACL user limited to the application's keys (README: Production
 * Redis). A throwaway ACL user with exactly `appRedisAclRules` on the local Redis, removed afterwards: the queue and
 * its worker run through it, and it can reach nothing outside its prefix.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob, KEEP_FINISHED_JOBS } from "./define-job";
import { JobQueues } from "./job-queues";
import { defineHandler, startJobWorker, type JobLogger } from "./job-worker";
import { queuePrefix } from "./queues";
import { appRedisAclRules, createRedisConnection, createWorkerConnection } from "./redis";

const ADMIN_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const admin = new Redis(ADMIN_URL);
const user = `dtpilot-test-${randomUUID()}`;
const password = randomBytes(18).toString("base64url");
const redisPrefix = `dtpilot-test:acl:${randomUUID()}:`;
const address = new URL(ADMIN_URL);
const userUrl = `redis://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${address.host}${address.pathname}`;
const silent: JobLogger = { info() {}, warn() {}, error() {} };

const pingJob = defineJob({ name: "ping", queue: "documents", payload: z.object({ text: z.string() }).strict(), options: { attempts: 1, backoff: { type: "exponential", delay: 100 }, ...KEEP_FINISHED_JOBS } });

beforeAll(async () => {
  await admin.call("ACL", "SETUSER", user, "on", `>${password}`, ...appRedisAclRules(redisPrefix));
});
afterAll(async () => {
  await admin.call("ACL", "DELUSER", user);
  const keys = await admin.keys(`${redisPrefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
});

describe("the application's Redis ACL user", () => {
  it("signs in with its password from REDIS_URL and is refused with a wrong one", async () => {
    const redis = createRedisConnection(userUrl, undefined, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await redis.connect();
    await redis.set(`${redisPrefix}session:x`, "1", "EX", 60);
    expect(await redis.get(`${redisPrefix}session:x`)).toBe("1");
    redis.disconnect();

    const wrong = createRedisConnection(userUrl.replace(encodeURIComponent(password), "wrong"), undefined, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    const refused = new Promise<Error>((resolve) => wrong.once("error", resolve));
    await wrong.connect().catch(() => {});
    expect((await refused).message).toMatch(/WRONGPASS/);
    wrong.disconnect();
  });

  it("reaches only its own keys and no administrative command", async () => {
    const redis = createRedisConnection(userUrl, undefined, { maxRetriesPerRequest: 0 });
    await expect(redis.get("someone-else:session:x")).rejects.toThrow(/NOPERM/);
    await expect(redis.call("FLUSHALL")).rejects.toThrow(/NOPERM/);
    await expect(redis.call("CONFIG", "GET", "requirepass")).rejects.toThrow(/NOPERM/);
    await expect(redis.keys("*")).rejects.toThrow(/NOPERM/);
    redis.disconnect();
  });

  it("runs the job queue through it: enqueue, a worker, queue events", async () => {
    const queues = new JobQueues({ redisUrl: userUrl, redisPrefix });
    const eventsConnection = createWorkerConnection(userUrl);
    const events = new QueueEvents("documents", { connection: eventsConnection, prefix: queuePrefix(redisPrefix) });
    const seen: string[] = [];
    const running = startJobWorker({
      queue: "documents",
      redisUrl: userUrl,
      redisPrefix,
      logger: silent,
      handlers: [defineHandler(pingJob, { async process(payload) { seen.push(payload.text); } })],
    });
    try {
      await events.waitUntilReady();
      const jobId = randomUUID();
      await queues.enqueue(pingJob, { text: "江阴" }, { jobId });
      await queues.queue("documents").getJob(jobId).then((job) => job!.waitUntilFinished(events, 10_000));
      expect(seen).toEqual(["江阴"]);
    } finally {
      await running.close();
      await events.close();
      eventsConnection.disconnect();
      await queues.close();
    }
  });
});

/** Scheduled jobs and document jobs against the real Redis, with throwaway definitions and their own key prefix. */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { KEEP_FINISHED_JOBS } from "./define-job";
import { defineDocumentJob } from "./document-job";
import { JobQueues } from "./job-queues";
import { defineHandler, startJobWorker, type JobLogger, type RunningJobWorker } from "./job-worker";
import { defineScheduledJob } from "./scheduled-job";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const redisPrefix = `dtpilot-test:schedules:${randomUUID()}:`;
const silent: JobLogger = { info() {}, warn() {}, error() {} };

const tickJob = defineScheduledJob({
  name: "tick",
  schedulerId: "tick",
  queue: "documents",
  payload: z.object({ text: z.string() }).strict(),
  data: { text: "滴答" },
  schedule: { every: 150 },
  options: { attempts: 1, backoff: { type: "exponential", delay: 100 }, ...KEEP_FINISHED_JOBS },
});
const sampleDocumentJob = defineDocumentJob({ name: "sample-document", kinds: ["ROSTER_XLSX"] });

const queues = new JobQueues({ redisUrl: REDIS_URL, redisPrefix });
const redis = new Redis(REDIS_URL);
let running: RunningJobWorker | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
  await queues.unschedule(tickJob);
});
afterAll(async () => {
  await queues.close();
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe("scheduled jobs", () => {
  it("keep one schedule under their fixed id however often they are scheduled", async () => {
    await Promise.all([queues.schedule(tickJob), queues.schedule(tickJob), queues.schedule(tickJob)]);
    const queue = queues.queue("documents");
    expect(await queue.getJobSchedulersCount()).toBe(1);
    expect(await queue.getJobScheduler("tick")).toMatchObject({ name: "tick", every: 150 });
  });

  it("take a deployment's own interval, updating the schedule in place", async () => {
    await queues.schedule(tickJob);
    await queues.schedule(tickJob, { every: 60_000 });
    const queue = queues.queue("documents");
    expect(await queue.getJobSchedulersCount()).toBe(1);
    expect(await queue.getJobScheduler("tick")).toMatchObject({ every: 60_000 });
  });

  it("run again and again with their payload, and stop once unscheduled", async () => {
    const runs: string[] = [];
    running = startJobWorker({
      queue: "documents",
      redisUrl: REDIS_URL,
      redisPrefix,
      logger: silent,
      handlers: [defineHandler(tickJob, { process: async (payload) => void runs.push(payload.text) })],
    });
    await queues.schedule(tickJob);
    await expect.poll(() => runs.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(new Set(runs)).toEqual(new Set(["滴答"]));

    expect(await queues.unschedule(tickJob)).toBe(true);
    expect(await queues.unschedule(tickJob)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const settled = runs.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(runs.length).toBe(settled);
  });
});

describe("document jobs", () => {
  it("are enqueued under their export's id, once however often they are asked for", async () => {
    const payload = { exportId: randomUUID(), countyId: "320281", requestedById: randomUUID() };
    const ids = await Promise.all([queues.enqueueDocument(sampleDocumentJob, payload), queues.enqueueDocument(sampleDocumentJob, payload)]);
    expect(ids).toEqual([payload.exportId, payload.exportId]);
    const queue = queues.queue("documents");
    const job = await queue.getJob(payload.exportId);
    expect(job).toMatchObject({ name: "sample-document", data: payload, opts: { attempts: 3 } });
    expect((await queue.getJobs(["waiting"])).filter((waiting) => waiting.name === "sample-document")).toHaveLength(1);
  });

  it("refuse a payload whose county is not a Jiangsu county code", async () => {
    const payload = { exportId: randomUUID(), countyId: "110101", requestedById: randomUUID() };
    await expect(queues.enqueueDocument(sampleDocumentJob, payload)).rejects.toThrow();
    expect(await queues.queue("documents").getJob(payload.exportId)).toBeUndefined();
  });
});

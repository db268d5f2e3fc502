/** The worker runtime against the real Redis, with a throwaway job definition and its own key prefix. */
import { randomUUID } from "node:crypto";
import { QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob, KEEP_FINISHED_JOBS } from "./define-job";
import { JobQueues } from "./job-queues";
import { defineHandler, startJobWorker, type JobFailure, type JobLogger, type RunningJobWorker } from "./job-worker";
import { queuePrefix } from "./queues";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const redisPrefix = `dtpilot-test:jobs:${randomUUID()}:`;
const silent: JobLogger = { info() {}, warn() {}, error() {} };

const echoJob = defineJob({
  name: "echo",
  queue: "documents",
  payload: z.object({ text: z.string(), failTimes: z.number().int().default(0) }).strict(),
  options: { attempts: 3, backoff: { type: "exponential", delay: 200 }, ...KEEP_FINISHED_JOBS },
});

let queues: JobQueues;
let events: QueueEvents;
let running: RunningJobWorker | undefined;
const redis = new Redis(REDIS_URL);

beforeAll(async () => {
  queues = new JobQueues({ redisUrl: REDIS_URL, redisPrefix });
  events = new QueueEvents("documents", { connection: { url: REDIS_URL }, prefix: queuePrefix(redisPrefix) });
  await events.waitUntilReady();
});
afterEach(async () => {
  await running?.close();
  running = undefined;
});
afterAll(async () => {
  await events.close();
  await queues.close();
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe("job worker", () => {
  it("runs the handler with the validated payload and reports progress in steps to the queue and the mirror", async () => {
    const seen: string[] = [];
    const mirrored: number[] = [];
    const queued: number[] = [];
    events.on("progress", ({ data }) => queued.push(data as number));
    running = startJobWorker({
      queue: "documents",
      redisUrl: REDIS_URL,
      redisPrefix,
      logger: silent,
      progressIntervalMs: 0,
      handlers: [
        defineHandler(echoJob, {
          async process(payload, context) {
            seen.push(payload.text);
            for (let progress = 0; progress <= 100; progress += 1) await context.reportProgress(progress);
          },
          async mirrorProgress(_payload, progress) {
            mirrored.push(progress);
          },
        }),
      ],
    });
    const jobId = randomUUID();
    await queues.enqueue(echoJob, { text: "你好" }, { jobId });
    await queues.queue("documents").getJob(jobId).then((job) => job!.waitUntilFinished(events, 10_000));
    expect(seen).toEqual(["你好"]);
    expect(mirrored).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100]);
    await expect.poll(() => queued.at(-1)).toBe(100);
    events.removeAllListeners("progress");
  });

  it("reports progress at most once per interval, but always the end", async () => {
    const mirrored: number[] = [];
    running = startJobWorker({
      queue: "documents",
      redisUrl: REDIS_URL,
      redisPrefix,
      logger: silent,
      progressIntervalMs: 60_000,
      handlers: [
        defineHandler(echoJob, {
          async process(_payload, context) {
            for (let progress = 0; progress <= 100; progress += 10) await context.reportProgress(progress);
          },
          mirrorProgress: async (_payload, progress) => void mirrored.push(progress),
        }),
      ],
    });
    const jobId = randomUUID();
    await queues.enqueue(echoJob, { text: "fast" }, { jobId });
    await queues.queue("documents").getJob(jobId).then((job) => job!.waitUntilFinished(events, 10_000));
    expect(mirrored).toEqual([0, 100]);
  });

  it("refuses to enqueue a payload its definition rejects", async () => {
    await expect(queues.enqueue(echoJob, { text: 42 } as never, { jobId: randomUUID() })).rejects.toThrow();
  });

  it("retries a failing job with an exponential backoff and tells the handler which failure is the last", async () => {
    const failures: { final: boolean; at: number }[] = [];
    const starts: number[] = [];
    running = startJobWorker({
      queue: "documents",
      redisUrl: REDIS_URL,
      redisPrefix,
      logger: silent,
      handlers: [
        defineHandler(echoJob, {
          async process() {
            starts.push(Date.now());
            throw new Error("always fails");
          },
          async onFailure(_payload, failure: JobFailure) {
            failures.push({ final: failure.final, at: Date.now() });
          },
        }),
      ],
    });
    const jobId = randomUUID();
    await queues.enqueue(echoJob, { text: "x" }, { jobId });
    const job = (await queues.queue("documents").getJob(jobId))!;
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow("always fails");
    expect(failures.map((failure) => failure.final)).toEqual([false, false, true]);
    expect(starts).toHaveLength(3);
    // 200 ms, then 400 ms: each wait at least the backoff (timers may run a little late, never early).
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(190);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(390);
    expect(await queues.queue("documents").getJobState(jobId)).toBe("failed");
  });

  it("fails a job whose payload does not match its definition without running the handler", async () => {
    let ran = false;
    running = startJobWorker({
      queue: "documents",
      redisUrl: REDIS_URL,
      redisPrefix,
      logger: silent,
      handlers: [defineHandler(echoJob, { process: async () => void (ran = true) })],
    });
    const jobId = randomUUID();
    // Written past the producer's validation, as an old or foreign producer might.
    const job = await queues.queue("documents").add("echo", { text: 1 }, { jobId, attempts: 3 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/invalid payload/);
    expect(ran).toBe(false);
    expect((await queues.queue("documents").getJob(jobId))!.attemptsMade).toBe(1);
  });

  it("refuses a handler that belongs to another queue", () => {
    const other = { ...echoJob, queue: "elsewhere" } as unknown as typeof echoJob;
    expect(() =>
      startJobWorker({ queue: "documents", redisUrl: REDIS_URL, redisPrefix, logger: silent, handlers: [defineHandler(other, { process: async () => {} })] }),
    ).toThrow(/belongs to queue/);
  });
});

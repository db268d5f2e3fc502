import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { JobDefinition, PayloadOf } from "./define-job";
import { queuePrefix, type QueueName } from "./queues";
import { createWorkerConnection, type RedisTlsSettings } from "./redis";

/** What a handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  /** Attempts started so far, this one included (a job recovered after its worker died counts again). */
  attempt: number;
  /**
   * Reports progress (0–100). Throttled: the queue (and the handler's `mirrorProgress`) hear of it when it moved by
   * at least `progressStep` points and `progressIntervalMs` passed since the last report, and always at 100.
   */
  reportProgress(progress: number): Promise<void>;
}

export interface JobFailure {
  error: unknown;
  /** No attempt follows: the job ends failed. */
  final: boolean;
}

/** The code that runs a job, kept apart from its definition (the API enqueues without loading handlers). */
export interface JobHandler<D extends JobDefinition = JobDefinition> {
  readonly definition: D;
  process(payload: PayloadOf<D>, context: JobContext): Promise<void>;
  /** Mirrors reported progress where the application reads it (e.g. the export's database record). */
  mirrorProgress?(payload: PayloadOf<D>, progress: number): Promise<void>;
  /**
   * After every failed attempt, before the queue schedules the retry, and once more for failures decided outside the
   * handler (a job that stalled too often). Keeps the application's record in step with the queue.
   */
  onFailure?(payload: PayloadOf<D>, failure: JobFailure): Promise<void>;
}

export function defineHandler<D extends JobDefinition>(definition: D, handler: Omit<JobHandler<D>, "definition">): JobHandler<D> {
  return { definition, ...handler };
}

export interface JobLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface JobWorkerOptions {
  queue: QueueName;
  // Handlers of different definitions; each is called only with its own definition's payload.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handlers: readonly JobHandler<any>[];
  redisUrl: string;
  /** TLS settings for a rediss:// URL (config.redisTls). */
  redisTls?: RedisTlsSettings;
  /** The environment's Redis key prefix (config.redisPrefix). */
  redisPrefix: string;
  logger: JobLogger;
  concurrency?: number;
  /** How long a job's lock lives without renewal; a worker that died loses its jobs after this (ms). */
  lockDuration?: number;
  /** How often this worker looks for jobs whose worker died (ms). */
  stalledInterval?: number;
  /** How often a job may be recovered from a dead worker before it fails. */
  maxStalledCount?: number;
  /** Smallest progress change worth reporting (points, default 5). */
  progressStep?: number;
  /** Shortest time between two progress reports (ms, default 250): a fast job reports little, a slow one steadily. */
  progressIntervalMs?: number;
}

export interface RunningJobWorker {
  readonly worker: Worker;
  /** Stops taking jobs, lets the running ones finish, then disconnects. */
  close(): Promise<void>;
}

export const isUnrecoverable = (error: unknown) =>
  error instanceof UnrecoverableError || (error instanceof Error && error.name === "UnrecoverableError");

/** Starts a worker for one queue, dispatching each job by name to its handler with a validated payload. */
export function startJobWorker(options: JobWorkerOptions): RunningJobWorker {
  const { logger } = options;
  const handlers = new Map(options.handlers.map((handler) => [handler.definition.name, handler]));
  for (const handler of options.handlers) {
    if (handler.definition.queue !== options.queue) {
      throw new Error(`handler "${handler.definition.name}" belongs to queue "${handler.definition.queue}", not "${options.queue}"`);
    }
  }
  // Errors the processor already reported to its handler, so the worker's "failed" event does not report them twice.
  const reported = new WeakSet<object>();
  const progressStep = options.progressStep ?? 5;
  const progressIntervalMs = options.progressIntervalMs ?? 250;

  const connection = createWorkerConnection(options.redisUrl, options.redisTls);
  const worker = new Worker(
    options.queue,
    async (job: Job) => {
      const handler = handlers.get(job.name);
      if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}"`);
      const parsed = handler.definition.payload.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid payload for "${job.name}": ${parsed.error.message}`);
      const payload = parsed.data;

      let lastReported = -Infinity;
      let lastReportedAt = -Infinity;
      const context: JobContext = {
        jobId: job.id ?? "",
        attempt: job.attemptsStarted,
        async reportProgress(progress) {
          const value = Math.max(0, Math.min(100, Math.round(progress)));
          const now = performance.now();
          if (value < 100 && (value - lastReported < progressStep || now - lastReportedAt < progressIntervalMs)) return;
          lastReported = value;
          lastReportedAt = now;
          await job.updateProgress(value);
          await handler.mirrorProgress?.(payload, value);
        },
      };

      try {
        await handler.process(payload, context);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        // The same rule BullMQ applies when it decides whether to retry.
        const final = isUnrecoverable(failure) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        reported.add(failure);
        logger.warn({ jobId: job.id, job: job.name, attempt: job.attemptsStarted, final, err: failure.message }, "job attempt failed");
        await handler.onFailure?.(payload, { error: failure, final }).catch((hookError: unknown) =>
          logger.error({ jobId: job.id, err: String(hookError) }, "recording a failed attempt failed"),
        );
        throw failure;
      }
    },
    {
      connection,
      prefix: queuePrefix(options.redisPrefix),
      concurrency: options.concurrency ?? 2,
      ...(options.lockDuration !== undefined ? { lockDuration: options.lockDuration } : {}),
      ...(options.stalledInterval !== undefined ? { stalledInterval: options.stalledInterval } : {}),
      maxStalledCount: options.maxStalledCount ?? 2,
    },
  );

  worker.on("failed", (job, error) => {
    if (!job || reported.has(error)) return;
    // Decided without running the handler: the job stalled too often (its worker kept dying) or could not start.
    const handler = handlers.get(job.name);
    const parsed = handler?.definition.payload.safeParse(job.data);
    logger.error({ jobId: job.id, job: job.name, err: error.message }, "job failed outside its handler");
    if (handler?.onFailure && parsed?.success) {
      handler.onFailure(parsed.data, { error, final: true }).catch((hookError: unknown) =>
        logger.error({ jobId: job.id, err: String(hookError) }, "recording a failed job failed"),
      );
    }
  });
  worker.on("completed", (job) => logger.info({ jobId: job.id, job: job.name, attempt: job.attemptsStarted }, "job completed"));
  worker.on("stalled", (jobId) => logger.warn({ jobId }, "job stalled: its worker stopped; it goes back to the queue"));
  worker.on("error", (error) => logger.error({ err: error.message }, "worker error"));

  return {
    worker,
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}

import { createAppDatabase } from "@dtpilot/db";
import { JobQueues, recoverLostExportsJob, startJobWorker, type JobLogger } from "@dtpilot/jobs";
import type { Worker } from "bullmq";
import { documentJobHandlers } from "./modules/documents/document-job-handler";
import type { DocumentHandlers } from "./modules/documents/document-registry";
import { recoverLostExports, recoverLostExportsHandler, type RecoveryDeps } from "./modules/documents/recover-lost-exports";
import type { WorkerConfig } from "./kernel/worker-config";

export interface RunningWorker {
  readonly worker: Worker;
  /** Stops taking jobs, waits for the running ones, then disconnects from Redis and PostgreSQL. */
  close(): Promise<void>;
}

export interface WorkerOptions {
  logger: JobLogger;
  /** The documents it generates, one handler per kind: the registry (`DOCUMENT_HANDLERS`, given by src/worker.ts). */
  documents: DocumentHandlers;
}

/**
 * The background worker: runs the "documents" queue's jobs against PostgreSQL as the restricted app role (each job
 * under the scope of the county that asked for it) and Redis under the environment's key prefix.
 */
export async function startWorker(config: WorkerConfig, options: WorkerOptions): Promise<RunningWorker> {
  const db = createAppDatabase({ url: config.appDatabaseUrl, poolSize: config.concurrency + 2 });
  const jobs = new JobQueues({ redisUrl: config.redisUrl, redisTls: config.redisTls, redisPrefix: config.redisPrefix });
  const recovery: RecoveryDeps = { db, jobs, logger: options.logger, olderThanMs: config.recoverLostAfterMs };
  const running = startJobWorker({
    queue: "documents",
    handlers: [...documentJobHandlers({ db, handlers: options.documents }), recoverLostExportsHandler(recovery)],
    redisUrl: config.redisUrl,
    redisTls: config.redisTls,
    redisPrefix: config.redisPrefix,
    logger: options.logger,
    concurrency: config.concurrency,
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    maxStalledCount: config.maxStalledCount,
  });
  await running.worker.waitUntilReady();

  // Once now, so a restart does not wait an interval for the jobs it lost; then on the queue's own schedule, which
  // stays one schedule however many workers start.
  await recoverLostExports(recovery).catch((error: unknown) => options.logger.error({ err: String(error) }, "looking for lost export jobs failed"));
  await jobs.schedule(recoverLostExportsJob, { every: config.recoveryIntervalMs });

  return {
    worker: running.worker,
    async close() {
      await running.close();
      await jobs.close();
      await db.$disconnect();
    },
  };
}

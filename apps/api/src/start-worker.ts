import { createAppDatabase } from "@dtpilot/db";
import { JobQueues, startJobWorker, type JobLogger } from "@dtpilot/jobs";
import type { Worker } from "bullmq";
import { enterpriseFileDocumentHandler } from "./modules/enterprise-file/enterprise-file-document-handler";
import { planDocumentHandler } from "./modules/plan/plan-document-handler";
import { rosterExportHandler } from "./modules/roster/roster-export-handler";
import { recoverLostExports } from "./modules/documents/recover-lost-exports";
import type { WorkerConfig } from "./kernel/worker-config";

export interface RunningWorker {
  readonly worker: Worker;
  /** Stops taking jobs, waits for the running ones, then disconnects from Redis and PostgreSQL. */
  close(): Promise<void>;
}

/**
 * The background worker: runs the "documents" queue's jobs against PostgreSQL as the restricted app role (each job
 * under the scope of the county that asked for it) and Redis under the environment's key prefix.
 */
export async function startWorker(config: WorkerConfig, options: { logger: JobLogger; databaseUrl?: string }): Promise<RunningWorker> {
  const db = createAppDatabase({ ...(options.databaseUrl ? { url: options.databaseUrl } : {}), poolSize: config.concurrency + 2 });
  const running = startJobWorker({
    queue: "documents",
    handlers: [
      rosterExportHandler({ db, testHooks: config.testHooks }),
      planDocumentHandler({ db, testHooks: config.testHooks }),
      enterpriseFileDocumentHandler({ db, testHooks: config.testHooks }),
    ],
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

  const jobs = new JobQueues({ redisUrl: config.redisUrl, redisTls: config.redisTls, redisPrefix: config.redisPrefix });
  const recover = () =>
    recoverLostExports({ db, jobs, logger: options.logger, olderThanMs: config.recoverLostAfterMs }).catch((error: unknown) =>
      options.logger.error({ err: String(error) }, "looking for lost export jobs failed"),
    );
  await recover();
  const recovery = setInterval(() => void recover(), config.recoveryIntervalMs);
  recovery.unref();

  return {
    worker: running.worker,
    async close() {
      clearInterval(recovery);
      await running.close();
      await jobs.close();
      await db.$disconnect();
    },
  };
}

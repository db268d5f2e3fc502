/**
 * The life of a worker process: start the worker, and on SIGTERM/SIGINT stop taking jobs and let the running ones
 * finish (a job cut short by a hard kill is recovered by another worker once its lock expires). Entries:
 * src/worker.ts (production, with the document registry) and the tests' own entry (src/testing/test-worker.ts), which
 * runs the same worker with documents of its own.
 */
import { createLogger } from "./kernel/logger";
import type { WorkerConfig } from "./kernel/worker-config";
import type { DocumentHandlers } from "./modules/documents/document-registry";
import { startWorker } from "./start-worker";

export async function runWorkerProcess(config: WorkerConfig, documents: DocumentHandlers): Promise<void> {
  const logger = createLogger(config.logLevel);
  const running = await startWorker(config, { logger, documents });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, async () => {
      logger.info({ signal }, "worker stopping: finishing running jobs");
      const timeout = setTimeout(() => {
        logger.error({ timeoutMs: config.shutdownTimeoutMs }, "running jobs did not finish in time; leaving them to be recovered");
        process.exit(1);
      }, config.shutdownTimeoutMs);
      timeout.unref();
      await running.close();
      logger.info({}, "worker stopped");
      process.exit(0);
    });
  }

  logger.info(
    { queue: "documents", redisPrefix: config.redisPrefix, concurrency: config.concurrency, pid: process.pid },
    "worker ready",
  );
}

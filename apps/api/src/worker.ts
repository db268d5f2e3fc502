/**
 * The background worker process: `npx tsx src/worker.ts` (from apps/api). Runs the jobs the API enqueues.
 * SIGTERM/SIGINT: stop taking jobs and let the running ones finish (a job cut short by a hard kill is recovered by
 * another worker once its lock expires).
 */
import { createLogger } from "./kernel/logger";
import { startWorker } from "./start-worker";
import { loadWorkerConfig } from "./kernel/worker-config";

const config = loadWorkerConfig();
const logger = createLogger(config.logLevel);
const running = await startWorker(config, { logger });

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

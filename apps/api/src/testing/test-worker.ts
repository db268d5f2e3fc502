/**
 * The worker process the tests spawn (a test can SIGKILL it mid-job): the production worker with test hooks
 * injected from this process's environment — WORKER_TEST_ROW_DELAY_MS (pause after each roster row) and
 * WORKER_TEST_FAIL_GENERATION=true. The production entry (src/worker.ts) never reads them.
 */
import { integer } from "../kernel/config";
import { loadWorkerConfig } from "../kernel/worker-config";
import { runWorkerProcess } from "../worker-process";

await runWorkerProcess(
  loadWorkerConfig({
    testHooks: { rowDelayMs: integer("WORKER_TEST_ROW_DELAY_MS", 0), failGeneration: process.env.WORKER_TEST_FAIL_GENERATION === "true" },
  }),
);

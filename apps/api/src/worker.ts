/** The background worker process: `npx tsx src/worker.ts` (from apps/api). Runs the jobs the API enqueues. */
import { loadWorkerConfig } from "./kernel/worker-config";
import { runWorkerProcess } from "./worker-process";

await runWorkerProcess(loadWorkerConfig());

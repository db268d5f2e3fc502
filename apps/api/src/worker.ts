/** The background worker process: `npx tsx src/worker.ts` (from apps/api). Runs the jobs the API enqueues. */
import { loadWorkerConfig } from "./kernel/worker-config";
import { DOCUMENT_HANDLERS } from "./modules/documents/document-registry";
import { runWorkerProcess } from "./worker-process";

await runWorkerProcess(loadWorkerConfig(), DOCUMENT_HANDLERS);

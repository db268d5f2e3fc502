/**
 * The worker process the tests spawn (so a test can SIGKILL it mid-job; the e2e run watches its progress bar): the
 * production worker, with a roster whose rows are written WORKER_TEST_ROW_DELAY_MS apart (read here, by this entry
 * only). The production entry is src/worker.ts.
 */
import { integer } from "../kernel/config";
import { loadWorkerConfig } from "../kernel/worker-config";
import { DOCUMENT_HANDLERS } from "../modules/documents/document-registry";
import { runWorkerProcess } from "../worker-process";
import { documentsWith, slowRows } from "./test-documents";

const rowDelayMs = integer("WORKER_TEST_ROW_DELAY_MS", 0);
await runWorkerProcess(loadWorkerConfig(), documentsWith({ ROSTER_XLSX: slowRows(DOCUMENT_HANDLERS.ROSTER_XLSX, rowDelayMs) }));

/**
 * The worker thread's side of `readRosterImportInWorker`: reads one upload and posts back its plain rows (or why it
 * cannot be read). Started through roster-import-worker.mjs, which makes TypeScript loadable in the thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readRosterImport } from "./roster-import-workbook";

const { bytes } = workerData as { bytes: Uint8Array };
parentPort!.postMessage(await readRosterImport(bytes));

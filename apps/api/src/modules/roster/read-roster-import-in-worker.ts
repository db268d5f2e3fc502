/**
 * Reading an upload off the request thread. exceljs parses a workbook synchronously, for seconds when the file is
 * hostile, and would stall every other request of the process; in a worker thread it stalls nobody, its heap is
 * capped (a file that needs more is refused, the API lives on) and it is terminated when it takes too long.
 */
import { Worker } from "node:worker_threads";
import type { RosterImportRead } from "./roster-import-workbook";

export interface RosterImportWorkerLimits {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
  timeoutMs: number;
  concurrency: number;
  /** Uploads that may wait for a turn; one more is refused at once ("busy", 429) instead of queueing for minutes. */
  maxWaiting: number;
}

export const ROSTER_IMPORT_WORKER_LIMITS: RosterImportWorkerLimits = {
  /** Old-generation heap of one worker; a filled 2,000-row template needs about 60 MB. */
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
  /**
   * A filled 2,000-row template reads in about 1 s; the costliest file the gate lets through in 4 s, and in 8–9 s on
   * a machine whose two cores are shared by a dozen busy processes. Reading happens before the request's
   * transaction opens, so the wait holds no database connection.
   */
  timeoutMs: 30_000,
  /** Uploads read at once; more wait their turn, so a burst of uploads cannot take every core and all memory. */
  concurrency: 2,
  maxWaiting: 4,
};

/** Every worker is busy and enough uploads already wait: try again shortly. */
export class RosterImportBusyError extends Error {}

const WORKER_ENTRY = new URL("./roster-import-worker.mjs", import.meta.url);

let running = 0;
const waiting: (() => void)[] = [];

async function turn({ concurrency, maxWaiting }: RosterImportWorkerLimits): Promise<() => void> {
  if (running >= concurrency) {
    if (waiting.length >= maxWaiting) throw new RosterImportBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** `readRosterImport` in a worker thread with bounded heap and time; a worker that fails either is "too complex". */
export async function readRosterImportInWorker(
  bytes: Uint8Array,
  limits: RosterImportWorkerLimits = ROSTER_IMPORT_WORKER_LIMITS,
): Promise<RosterImportRead> {
  const release = await turn(limits);
  try {
    return await new Promise<RosterImportRead>((resolve, reject) => {
      // A copy of its own to hand over: a Buffer may be a view into a pool shared with other requests.
      const copy = new Uint8Array(bytes);
      const worker = new Worker(WORKER_ENTRY, {
        workerData: { bytes: copy },
        transferList: [copy.buffer],
        resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        void worker.terminate();
      };
      const timer = setTimeout(() => settle(() => resolve({ error: "roster.import.tooComplex" })), limits.timeoutMs);
      worker.once("message", (read: RosterImportRead) => settle(() => resolve(read)));
      worker.once("error", (error: Error & { code?: string }) =>
        settle(() => (error.code === "ERR_WORKER_OUT_OF_MEMORY" ? resolve({ error: "roster.import.tooComplex" }) : reject(error))),
      );
      worker.once("exit", (code) => settle(() => reject(new Error(`roster import worker exited with code ${code} before answering`))));
    });
  } finally {
    release();
  }
}

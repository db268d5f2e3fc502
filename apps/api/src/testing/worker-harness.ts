/**
 * Starts the real worker against the test database and the API's Redis prefix: in this process (fast, with the
 * documents a test registers for it, src/testing/test-documents.ts), or as a child process (src/testing/test-worker.ts),
 * so a test can SIGKILL it mid-job. Both are configured as an operator would: the worker's settings, made short.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { inject } from "vitest";
import { createLogger } from "../kernel/logger";
import { startWorker, type RunningWorker } from "../start-worker";
import { loadWorkerConfig, type WorkerConfig } from "../kernel/worker-config";
import { DOCUMENT_HANDLERS, type DocumentHandlers } from "../modules/documents/document-registry";
import type { RunningApi } from "./api-harness";

/** Short locks and stall checks, so a test sees a dead worker's job recovered within seconds. */
export const FAST_RECOVERY = { lockDurationMs: 1_000, stalledIntervalMs: 500 } as const;

/**
 * Other test files leave exports QUEUED whose jobs lived under their own Redis prefix; a worker here must not pick
 * them up as "lost". Only exports older than a day count as lost in tests (the test database is a few minutes old).
 */
export const RECOVER_LOST_AFTER_MS = 24 * 60 * 60 * 1000;

/** The worker in this process, generating `documents` (by default the registry's), with `settings` changed. */
export async function startWorkerInProcess(
  api: RunningApi,
  options: { settings?: Partial<WorkerConfig>; documents?: DocumentHandlers } = {},
): Promise<RunningWorker> {
  const config: WorkerConfig = {
    ...loadWorkerConfig(),
    appDatabaseUrl: inject("appDatabaseUrl"),
    redisUrl: api.services.config.redisUrl,
    redisPrefix: api.services.config.redisPrefix,
    logLevel: "silent",
    recoverLostAfterMs: RECOVER_LOST_AFTER_MS,
    ...FAST_RECOVERY,
    ...options.settings,
  };
  return startWorker(config, { logger: createLogger(config.logLevel), documents: options.documents ?? DOCUMENT_HANDLERS });
}

export interface ChildWorker {
  readonly process: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  /** Everything it wrote, for failure messages. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
}

const API_ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Runs `src/testing/test-worker.ts` as its own Node process (tsx loader, no wrapper process), and waits until it is ready. */
export async function spawnWorker(api: RunningApi, env: Record<string, string> = {}): Promise<ChildWorker> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/testing/test-worker.ts"], {
    cwd: API_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: "info",
      APP_DATABASE_URL: inject("appDatabaseUrl"),
      REDIS_URL: api.services.config.redisUrl,
      REDIS_PREFIX: api.services.config.redisPrefix,
      WORKER_LOCK_DURATION_MS: String(FAST_RECOVERY.lockDurationMs),
      WORKER_STALLED_INTERVAL_MS: String(FAST_RECOVERY.stalledIntervalMs),
      WORKER_RECOVER_LOST_AFTER_MS: String(RECOVER_LOST_AFTER_MS),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"worker ready"')) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
    setTimeout(() => reject(new Error(`worker not ready after 20 s:\n${output}`)), 20_000).unref();
  });
  await ready;
  return {
    process: child,
    exited,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Where the e2e run serves everything: ports apart from `npm start`'s (4000, 4200–4204) so both can run on one
 * machine, a database and Redis key prefix of its own. Override with E2E_* variables.
 */
import os from "node:os";
import path from "node:path";

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const API_PORT = port("E2E_API_PORT", 4100);
export const SHELL_PORT = port("E2E_SHELL_PORT", 4300);
export const REMOTE_PORTS = {
  county: port("E2E_COUNTY_PORT", 4301),
  enterprise: port("E2E_ENTERPRISE_PORT", 4302),
  provider: port("E2E_PROVIDER_PORT", 4303),
  province: port("E2E_PROVINCE_PORT", 4304),
} as const;
export type RemoteName = keyof typeof REMOTE_PORTS;
export const REMOTES = Object.keys(REMOTE_PORTS) as RemoteName[];

export const API_URL = `http://127.0.0.1:${API_PORT}`;
export const SHELL_URL = `http://localhost:${SHELL_PORT}`;
export const remoteUrl = (name: RemoteName) => `http://localhost:${REMOTE_PORTS[name]}`;

export const DATABASE = process.env.E2E_DATABASE ?? "dtpilot_e2e";
// Per run (sessions and lock-out counters start empty; the keys expire on their own).
export const REDIS_PREFIX = process.env.E2E_REDIS_PREFIX ?? `dtpilot-e2e-${API_PORT}-${process.pid}:`;

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..", "..");
/** Logs of the servers, the remotes manifest and the server pids, outside the working tree. */
export const RUN_DIR = path.join(os.tmpdir(), `dtpilot-e2e-${SHELL_PORT}`);
export const METRICS_FILE = path.join(RUN_DIR, "metrics.json");

export const PASSWORD = "Demo@2025";

/** Environment of the API and its worker for the e2e run. */
export function apiEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    API_PORT: String(API_PORT),
    API_HOST: "127.0.0.1",
    DATABASE_URL: `postgresql://dtpilot_owner:dtpilot_owner@127.0.0.1:5432/${DATABASE}`,
    APP_DATABASE_URL: `postgresql://dtpilot_app:dtpilot_app@127.0.0.1:5432/${DATABASE}`,
    REDIS_PREFIX,
    ALLOWED_ORIGINS: `${SHELL_URL},http://127.0.0.1:${SHELL_PORT}`,
    LOG_LEVEL: "warn",
    // The e2e's worker entry (apps/api/src/testing/test-worker.ts) writes the roster's rows this far apart, so its progress bar is seen moving.
    WORKER_TEST_ROW_DELAY_MS: "300",
  };
}

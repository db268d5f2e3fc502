import type { Database } from "@dtpilot/db";
import type { JobQueues } from "@dtpilot/jobs";
import type { Redis } from "ioredis";
import type { SignInThrottle } from "../modules/identity/sign-in-throttle";
import type { TrustedDevices } from "../modules/identity/trusted-devices";
import type { ApiConfig } from "./config";
import type { SessionStore } from "./session-store";

/** Long-lived services the procedures use; built once per process. */
export interface ApiServices {
  config: ApiConfig;
  db: Database;
  redis: Redis;
  sessions: SessionStore;
  throttle: SignInThrottle;
  /** Browsers each account signed in on (their holders are not hit by the account's lock-out). */
  devices: TrustedDevices;
  /** Enqueues background jobs (the worker runs them: src/worker.ts). */
  jobs: JobQueues;
}

import { z } from "zod";
import { KEEP_FINISHED_JOBS } from "../define-job";
import { defineScheduledJob } from "../scheduled-job";

/**
 * Redis here keeps no data across a restart, so a queued document job can vanish while its export still says QUEUED
 * or RUNNING: this run enqueues such exports again. One attempt: the next run is the retry.
 */
export const recoverLostExportsJob = defineScheduledJob({
  name: "recover-lost-exports",
  schedulerId: "recover-lost-exports",
  queue: "documents",
  payload: z.object({}).strict(),
  data: {},
  schedule: { every: 5 * 60_000 },
  options: { attempts: 1, backoff: { type: "exponential", delay: 1_000 }, ...KEEP_FINISHED_JOBS },
});

/** Every scheduled job, each under its own fixed scheduler id. */
export const SCHEDULED_JOBS = [recoverLostExportsJob] as const;

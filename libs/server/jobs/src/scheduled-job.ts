import type { z } from "zod";
import type { DefaultJobOptions, JobDefinition } from "./define-job";
import type { QueueName } from "./queues";

/** When a scheduled job runs: every so many milliseconds, or on a cron pattern in a time zone. */
export type JobSchedule = { every: number } | { pattern: string; tz: string };

/**
 * A job the queue produces by itself on a schedule (deadline reminders, nightly aggregates, the recovery of lost
 * jobs). Its `schedulerId` names its schedule in Redis and is never renamed: scheduling it again — every worker does
 * at start — updates that one schedule instead of adding a second, however many workers run.
 */
export interface ScheduledJobDefinition<Name extends string = string, Schema extends z.ZodType = z.ZodType> extends JobDefinition<Name, Schema> {
  readonly schedulerId: string;
  /** The default schedule; a deployment may pass its own (e.g. an interval from its configuration). */
  readonly schedule: JobSchedule;
  /** The payload every run gets. */
  readonly data: z.input<Schema>;
}

export function defineScheduledJob<const Name extends string, Schema extends z.ZodType>(definition: {
  name: Name;
  schedulerId: string;
  queue: QueueName;
  payload: Schema;
  data: z.input<Schema>;
  schedule: JobSchedule;
  options: DefaultJobOptions;
}): ScheduledJobDefinition<Name, Schema> {
  return Object.freeze({ ...definition });
}

import type { z } from "zod";
import type { QueueName } from "./queues";

/** How a job is retried: a fixed number of attempts, spaced by an exponential backoff (delay, 2×delay, …). */
export interface DefaultJobOptions {
  attempts: number;
  backoff: { type: "exponential"; delay: number };
  /** Finished jobs kept in Redis for the dashboard; the lasting history is the application's own record. */
  removeOnComplete: { age: number; count: number };
  removeOnFail: { age: number; count: number };
}

/**
 * A job definition: its name, the queue it runs on, the zod schema of its payload and its default options. The
 * producer validates payloads against it before enqueueing and the worker validates them again before running the
 * handler, which lives apart from the definition (a producer never loads handler code).
 */
export interface JobDefinition<Name extends string = string, Schema extends z.ZodType = z.ZodType> {
  readonly name: Name;
  readonly queue: QueueName;
  readonly payload: Schema;
  readonly options: DefaultJobOptions;
}

export type PayloadOf<D extends JobDefinition> = z.output<D["payload"]>;
export type PayloadInput<D extends JobDefinition> = z.input<D["payload"]>;

const DAY_SECONDS = 24 * 60 * 60;

/** Keep finished jobs a week (failed ones a month) for the dashboard, at most a thousand of each. */
export const KEEP_FINISHED_JOBS = {
  removeOnComplete: { age: 7 * DAY_SECONDS, count: 1000 },
  removeOnFail: { age: 30 * DAY_SECONDS, count: 1000 },
} as const;

export function defineJob<const Name extends string, Schema extends z.ZodType>(
  definition: JobDefinition<Name, Schema>,
): JobDefinition<Name, Schema> {
  return Object.freeze(definition);
}

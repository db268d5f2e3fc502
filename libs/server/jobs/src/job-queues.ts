import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { JobDefinition, PayloadInput } from "./define-job";
import type { DocumentJobDefinition, DocumentJobPayload } from "./document-job";
import { QUEUE_NAMES, queuePrefix, type QueueName } from "./queues";
import { createProducerConnection, type RedisTlsSettings } from "./redis";
import type { JobSchedule, ScheduledJobDefinition } from "./scheduled-job";

export interface JobQueuesOptions {
  redisUrl: string;
  /** TLS settings for a rediss:// URL (config.redisTls). */
  redisTls?: RedisTlsSettings;
  /** The environment's Redis key prefix (config.redisPrefix). */
  redisPrefix: string;
  /**
   * Connection errors while Redis is unreachable (repeated on every reconnection attempt). Ignored by default: they
   * surface where they matter, as a failed `enqueue` and in the API's health check.
   */
  onError?: (error: Error) => void;
}

/** The producer side: enqueues jobs by definition, validating their payloads first. One per process. */
export class JobQueues {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly prefix: string;

  constructor(options: JobQueuesOptions) {
    this.connection = createProducerConnection(options.redisUrl, options.redisTls);
    this.prefix = queuePrefix(options.redisPrefix);
    this.onError = options.onError ?? (() => {});
    this.connection.on("error", this.onError);
  }

  private readonly onError: (error: Error) => void;

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      queue.on("error", this.onError);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Every queue, for the operators' dashboard. */
  all(): Queue[] {
    return QUEUE_NAMES.map((name) => this.queue(name));
  }

  /**
   * Adds a job with its definition's options. `jobId` makes enqueueing idempotent: while a job with that id exists,
   * adding it again does nothing.
   */
  async enqueue<D extends JobDefinition>(definition: D, payload: PayloadInput<D>, options: { jobId: string }): Promise<string> {
    const data = definition.payload.parse(payload);
    const job = await this.queue(definition.queue).add(definition.name, data, { ...definition.options, jobId: options.jobId });
    return job.id ?? options.jobId;
  }

  /** Enqueues a document job under its export's id: asking twice for one export runs one job. */
  async enqueueDocument(definition: DocumentJobDefinition, payload: DocumentJobPayload): Promise<string> {
    return this.enqueue(definition, payload, { jobId: definition.jobId(definition.payload.parse(payload)) });
  }

  /**
   * Creates the job's schedule, or updates it (its interval, payload, options) when it exists: the scheduler id is
   * the definition's, so any number of calls and processes keep one schedule. The first run is due one interval on.
   */
  async schedule(definition: ScheduledJobDefinition, schedule: JobSchedule = definition.schedule): Promise<void> {
    const data: unknown = definition.payload.parse(definition.data);
    await this.queue(definition.queue).upsertJobScheduler(definition.schedulerId, schedule, {
      name: definition.name,
      data,
      opts: definition.options,
    });
  }

  /** Removes the job's schedule (a run already under way finishes); false when there was none. */
  async unschedule(definition: ScheduledJobDefinition): Promise<boolean> {
    return this.queue(definition.queue).removeJobScheduler(definition.schedulerId);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }
}

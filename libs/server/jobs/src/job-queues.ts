import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { JobDefinition, PayloadInput } from "./define-job";
import { QUEUE_NAMES, queuePrefix, type QueueName } from "./queues";
import { createProducerConnection, type RedisTlsSettings } from "./redis";

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

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }
}

/**
 * The queues, defined once. A queue's name is part of every Redis key of its jobs: never rename one (add a new
 * queue and drain the old one instead).
 */
export const QUEUE_NAMES = ["documents"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Redis key prefix of the queues: the environment's own prefix, so tests and a running system never collide. */
export function queuePrefix(environmentPrefix: string): string {
  return `${environmentPrefix}bull`;
}

import { Redis } from "ioredis";

/**
 * For producers (the API): fail fast when Redis is down instead of holding the HTTP request until it reconnects,
 * so the caller can answer "try again later".
 */
export function createProducerConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
}

/** For workers and queue events: BullMQ's blocking commands need `maxRetriesPerRequest: null` and wait out outages. */
export function createWorkerConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null });
}

import { createAppDatabase } from "@dtpilot/db";
import { Redis } from "ioredis";
import { SessionStore } from "./auth/session-store";
import { SignInThrottle } from "./auth/sign-in-throttle";
import type { ApiConfig } from "./config";
import type { ApiServices } from "./context";

export function createServices(config: ApiConfig, options: { databaseUrl?: string } = {}): ApiServices {
  const db = createAppDatabase(options.databaseUrl ? { url: options.databaseUrl } : {});
  const redis = new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  return {
    config,
    db,
    redis,
    sessions: new SessionStore(redis, { prefix: config.redisPrefix, idleSeconds: config.sessionIdleSeconds, maxSeconds: config.sessionMaxSeconds }),
    throttle: new SignInThrottle(redis, config.redisPrefix, config.lockout),
  };
}

export async function closeServices(services: ApiServices): Promise<void> {
  await Promise.allSettled([services.db.$disconnect(), services.redis.quit()]);
}

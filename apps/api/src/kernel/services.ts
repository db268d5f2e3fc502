import { createAppDatabase } from "@dtpilot/db";
import { createRedisConnection, JobQueues } from "@dtpilot/jobs";
import { SessionStore } from "./session-store";
import { SignInThrottle } from "../modules/identity/sign-in-throttle";
import { TrustedDevices } from "../modules/identity/trusted-devices";
import type { ApiConfig } from "./config";
import type { ApiServices } from "./context";

export function createServices(config: ApiConfig): ApiServices {
  const db = createAppDatabase({ url: config.appDatabaseUrl });
  const redis = createRedisConnection(config.redisUrl, config.redisTls, { lazyConnect: false, maxRetriesPerRequest: 2 });
  // ioredis reconnects by itself; a failing connection shows in /health and in the commands that fail meanwhile.
  let lastReported = 0;
  redis.on("error", (error: Error) => {
    if (Date.now() - lastReported < 60_000) return;
    lastReported = Date.now();
    console.warn(`[redis] ${error.message}`);
  });
  return {
    config,
    db,
    redis,
    sessions: new SessionStore(redis, { prefix: config.redisPrefix, idleSeconds: config.sessionIdleSeconds, maxSeconds: config.sessionMaxSeconds }),
    throttle: new SignInThrottle(redis, config.redisPrefix, config.lockout),
    devices: new TrustedDevices(redis, { prefix: config.redisPrefix, maxSeconds: config.trustedDeviceSeconds }),
    jobs: new JobQueues({ redisUrl: config.redisUrl, redisTls: config.redisTls, redisPrefix: config.redisPrefix }),
  };
}

export async function closeServices(services: ApiServices): Promise<void> {
  await Promise.allSettled([services.db.$disconnect(), services.redis.quit(), services.jobs.close()]);
}

/**
 * Lock-out after repeated sign-in failures, counted per account and per client address in Redis windows.
 * A locked account or address is refused before its password is even checked.
 */
import type { Redis } from "ioredis";
import type { ApiConfig } from "../config";

export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: "account" | "ip"; retryAfterSeconds: number };

export class SignInThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: ApiConfig["lockout"],
  ) {}

  async check(username: string, ip: string): Promise<ThrottleVerdict> {
    const [accountLock, ipLock] = await Promise.all([this.redis.ttl(this.lockKey("account", username)), this.redis.ttl(this.lockKey("ip", ip))]);
    if (accountLock > 0) return { allowed: false, reason: "account", retryAfterSeconds: accountLock };
    if (ipLock > 0) return { allowed: false, reason: "ip", retryAfterSeconds: ipLock };
    return { allowed: true };
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await Promise.all([
      this.count("account", username, this.limits.maxFailuresPerAccount),
      this.count("ip", ip, this.limits.maxFailuresPerIp),
    ]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.redis.del(this.failuresKey("account", username));
  }

  private async count(kind: "account" | "ip", subject: string, limit: number) {
    const key = this.failuresKey(kind, subject);
    const [[, failures]] = (await this.redis.multi().incr(key).expire(key, this.limits.windowSeconds, "NX").exec()) as [[null, number]];
    if (failures >= limit) {
      await this.redis.multi().set(this.lockKey(kind, subject), "1", "EX", this.limits.lockSeconds).del(key).exec();
    }
  }

  private failuresKey(kind: string, subject: string) {
    return `${this.prefix}sign-in-failures:${kind}:${subject.toLowerCase()}`;
  }

  private lockKey(kind: string, subject: string) {
    return `${this.prefix}sign-in-lock:${kind}:${subject.toLowerCase()}`;
  }
}

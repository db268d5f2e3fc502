/**
 * Sign-in lock-out, counted in Redis per account, per known device and per client address.
 *
 * Every attempt is counted *before* its password is checked, in one Lua script: it refuses the attempt if any of its
 * subjects is waiting, otherwise counts a failure on each and starts the wait of a subject that reached its limit. A
 * successful sign-in takes its count back. So parallel attempts (many requests at once) can never try more passwords
 * than the limit: the count they are judged by already includes each other.
 *
 * - account: after `maxFailuresPerAccount` failures each further attempt waits `accountDelaySeconds`, doubling per
 *   failure up to `lockSeconds` (progressive delay). Only attempts from devices the account never signed in on count
 *   here, so a stranger who knows a user name (enterprise user names are public credit codes) cannot lock its owner
 *   out of a browser the owner used before.
 * - device: a known device's attempts are counted for that device and account instead, with the same limits.
 * - address: after `maxFailuresPerIp` failures the address waits `lockSeconds`.
 * Failures are forgotten `windowSeconds` after the last one (plus any wait still running).
 */
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { ApiConfig } from "../../kernel/config";

export type ThrottleSubject = "account" | "device" | "ip";

export interface SignInAttempt {
  username: string;
  ip: string;
  /** The SHA-256 of the device token when the browser is a known device of this account. */
  knownDevice: string | null;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: ThrottleSubject; retryAfterSeconds: number };

/**
 * KEYS: the subjects' counters (hashes: f = failures, u = waiting until, ms). ARGV[1]: window (ms); then per key:
 * limit, first wait (ms), longest wait (ms). Returns {0, 0} when the attempt may go on, else {key index, ms to wait}.
 */
const BEGIN_ATTEMPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local waitUntil = tonumber(redis.call('HGET', key, 'u') or '0')
  if waitUntil > now then return {i, waitUntil - now} end
end
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[i * 3 - 1])
  local firstWait = tonumber(ARGV[i * 3])
  local longestWait = tonumber(ARGV[i * 3 + 1])
  local failures = redis.call('HINCRBY', key, 'f', 1)
  local wait = 0
  if failures >= limit then
    wait = math.floor(math.min(firstWait * 2 ^ (failures - limit), longestWait))
    redis.call('HSET', key, 'u', now + wait)
  end
  redis.call('PEXPIRE', key, window + wait)
end
return {0, 0}
`;

/** KEYS[1]: the address counter; ARGV[1]: its limit. Takes one failure back, and the wait it may have started. */
const FORGIVE_ONE = `
local failures = redis.call('HINCRBY', KEYS[1], 'f', -1)
if failures <= 0 then
  redis.call('DEL', KEYS[1])
elseif failures < tonumber(ARGV[1]) then
  redis.call('HDEL', KEYS[1], 'u')
end
return failures
`;

export class SignInThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: ApiConfig["lockout"],
  ) {}

  /** Counts the attempt as a failure before its password is checked; refuses it while one of its subjects waits. */
  async begin(attempt: SignInAttempt): Promise<ThrottleVerdict> {
    const subjects = this.subjectsOf(attempt);
    const args = [this.limits.windowSeconds * 1000];
    for (const subject of subjects) {
      const accountLike = subject.kind !== "ip";
      const limit = accountLike ? this.limits.maxFailuresPerAccount : this.limits.maxFailuresPerIp;
      const firstWait = (accountLike ? this.limits.accountDelaySeconds : this.limits.lockSeconds) * 1000;
      args.push(limit, firstWait, this.limits.lockSeconds * 1000);
    }
    const keys = subjects.map((subject) => subject.key);
    const [index, waitMs] = (await this.redis.eval(BEGIN_ATTEMPT, keys.length, ...keys, ...args)) as [number, number];
    if (index === 0) return { allowed: true };
    return { allowed: false, reason: subjects[index - 1]!.kind, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** The password was right: the account's (or device's) failures are cleared, the address gets its one back. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    const [own, address] = this.subjectsOf(attempt);
    await Promise.all([this.redis.del(own!.key), this.redis.eval(FORGIVE_ONE, 1, address!.key, this.limits.maxFailuresPerIp)]);
  }

  /** Failures counted for a subject (for tests and operators). */
  async failures(kind: ThrottleSubject, subject: string): Promise<number> {
    return Number((await this.redis.hget(this.key(kind, subject), "f")) ?? 0);
  }

  private subjectsOf(attempt: SignInAttempt): { kind: ThrottleSubject; key: string }[] {
    const username = attempt.username.toLowerCase();
    const own = attempt.knownDevice
      ? { kind: "device" as const, key: this.key("device", `${attempt.knownDevice}:${username}`) }
      : { kind: "account" as const, key: this.key("account", username) };
    return [own, { kind: "ip", key: this.key("ip", attempt.ip) }];
  }

  private key(kind: ThrottleSubject, subject: string) {
    // Hashed: user names and addresses are not kept readable in Redis, and any length makes one short key.
    return `${this.prefix}sign-in:${kind}:${createHash("sha256").update(subject).digest("base64url")}`;
  }
}

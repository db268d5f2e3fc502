/**
 * Known devices: a browser that signed in to an account gets a random token in a long-lived httpOnly cookie, and
 * Redis keeps its SHA-256 in the account's set (newest few, each until it expires). Its holder's sign-in attempts are
 * not judged by the account's lock-out (see sign-in-throttle.ts), so a stranger cannot lock the owner out.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

export const DEVICE_COOKIE = "dtpilot_device";
/** Devices remembered per account; signing in on one more forgets the one unused longest. */
const DEVICES_PER_USER = 10;

export class TrustedDevices {
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; maxSeconds: number },
  ) {}

  static fingerprint(token: string): string {
    return createHash("sha256").update(token).digest("base64url");
  }

  /** The token's fingerprint when it is a live known device of the user, else null. */
  async known(userId: string, token: string | undefined): Promise<string | null> {
    if (!token || token.length > 100) return null;
    const fingerprint = TrustedDevices.fingerprint(token);
    const expires = await this.redis.zscore(this.key(userId), fingerprint);
    return expires !== null && Number(expires) > Date.now() ? fingerprint : null;
  }

  /**
   * Remembers the browser as a known device of the user for another full period; returns its token. Only a token
   * already known for this user is kept: any other gets replaced, so no one can plant a token of their choosing.
   */
  async remember(userId: string, knownToken: string | null): Promise<string> {
    const kept = knownToken ?? randomBytes(32).toString("base64url");
    const key = this.key(userId);
    const now = Date.now();
    await this.redis
      .multi()
      .zadd(key, now + this.options.maxSeconds * 1000, TrustedDevices.fingerprint(kept))
      .zremrangebyscore(key, "-inf", now)
      .zremrangebyrank(key, 0, -(DEVICES_PER_USER + 1))
      .expire(key, this.options.maxSeconds)
      .exec();
    return kept;
  }

  private key(userId: string) {
    return `${this.options.prefix}known-devices:${userId}`;
  }
}

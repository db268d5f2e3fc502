/**
 * Sessions in Redis. The browser holds a random token in an httpOnly cookie; Redis holds only its SHA-256, so a
 * leaked Redis dump cannot be replayed. A session ends on logout, after an idle period, or at an absolute age.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Principal } from "@dtpilot/domain";
import type { Redis } from "ioredis";

export interface Session {
  principal: Principal;
  membershipId: string;
  /** The user's access version at sign-in; every request checks it is still current (see `withScope`). */
  accessVersion: number;
  createdAt: number;
  /** Signed in with an initial password that must be replaced before anything else. */
  mustChangePassword?: boolean;
}

export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; idleSeconds: number; maxSeconds: number },
  ) {}

  async create(session: Omit<Session, "createdAt">): Promise<string> {
    const token = randomBytes(32).toString("base64url");
    const stored: Session = { ...session, createdAt: Date.now() };
    const key = this.key(token);
    await this.redis
      .multi()
      .set(key, JSON.stringify(stored), "EX", this.options.idleSeconds)
      .sadd(this.userKey(session.principal.userId), key)
      .expire(this.userKey(session.principal.userId), this.options.maxSeconds)
      .exec();
    return token;
  }

  /** The live session for a token, sliding its idle expiry; null when unknown, idle too long or too old. */
  async touch(token: string): Promise<Session | null> {
    const key = this.key(token);
    const raw = await this.redis.getex(key, "EX", this.options.idleSeconds);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (Date.now() - session.createdAt > this.options.maxSeconds * 1000) {
      await this.redis.del(key);
      return null;
    }
    return session;
  }

  /**
   * After its own password change: records the user's new access version in this session, which may now do
   * everything its principal allows (no initial password to replace), keeping its expiry.
   */
  async renew(token: string, accessVersion: number): Promise<void> {
    const key = this.key(token);
    const raw = await this.redis.get(key);
    if (!raw) return;
    const session = JSON.parse(raw) as Session;
    delete session.mustChangePassword;
    // XX: a session ended meanwhile stays ended.
    await this.redis.set(key, JSON.stringify({ ...session, accessVersion }), "KEEPTTL", "XX");
  }

  async destroy(token: string): Promise<void> {
    await this.redis.del(this.key(token));
  }

  /** Ends every session of a user (password change, account disabled), optionally keeping one. */
  async destroyAllOf(userId: string, keepToken?: string): Promise<void> {
    const keep = keepToken ? this.key(keepToken) : null;
    const keys = (await this.redis.smembers(this.userKey(userId))).filter((key) => key !== keep);
    if (keys.length > 0) await this.redis.multi().del(...keys).srem(this.userKey(userId), ...keys).exec();
  }

  private key(token: string) {
    return `${this.options.prefix}session:${createHash("sha256").update(token).digest("base64url")}`;
  }

  private userKey(userId: string) {
    return `${this.options.prefix}user-sessions:${userId}`;
  }
}

import { findUserForSignIn, UNUSABLE_PASSWORD_HASH, verifyPassword } from "@dtpilot/db";
import { appError } from "../../kernel/errors";
import { resolvePrincipal } from "../../kernel/principal";
import type { SignInAttempt, ThrottleVerdict } from "./sign-in-throttle";
import { publicProcedure } from "../../kernel/trpc";
import { loginInput, loginOutput } from "./login.types";

/**
 * 登录: username + password; sets the session cookie and remembers the browser as a known device of the account.
 * The attempt is counted before the password is checked (auth/sign-in-throttle.ts); an account, device or address
 * that must wait is refused without checking it.
 */
export const login = publicProcedure.input(loginInput).output(loginOutput).mutation(async ({ ctx, input }) => {
  ctx.audit.signInAttempt({ userId: null, username: input.username });
  const user = await findUserForSignIn(ctx.db, input.username);
  const knownDevice = user ? await ctx.devices.known(user.id, ctx.deviceToken) : null;
  const attempt: SignInAttempt = { username: input.username, ip: ctx.ip, knownDevice };
  const verdict = await ctx.throttle.begin(attempt);
  if (!verdict.allowed) throw refusal(verdict);
  // Verify against a dummy hash for unknown users, so timing does not reveal which usernames exist.
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  const membership = user?.memberships[0];
  const principal = user && passwordMatches && !user.disabled && membership ? await resolvePrincipal(ctx.db, user.id, membership) : null;
  if (!user || !membership || !principal) {
    ctx.audit.signInAttempt({ userId: user?.id ?? null, username: input.username });
    throw appError("UNAUTHORIZED", "auth.invalidCredentials", { field: "password" });
  }
  ctx.audit.signInAttempt({ userId: user.id, username: input.username, principal });
  ctx.audit.target("User", user.id);
  await ctx.throttle.succeeded(attempt);
  if (ctx.sessionToken) await ctx.sessions.destroy(ctx.sessionToken);
  const token = await ctx.sessions.create({
    principal,
    membershipId: membership.id,
    accessVersion: user.accessVersion,
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  });
  ctx.setSessionCookie(token);
  ctx.setDeviceCookie(await ctx.devices.remember(user.id, knownDevice ? ctx.deviceToken! : null));
  return { role: principal.role, scopeKind: principal.scope.kind, mustChangePassword: user.mustChangePassword };
});

function refusal(verdict: Extract<ThrottleVerdict, { allowed: false }>) {
  const seconds = verdict.retryAfterSeconds;
  if (verdict.reason === "ip") return appError("TOO_MANY_REQUESTS", "auth.ipBlocked", { params: { minutes: Math.ceil(seconds / 60) } });
  if (seconds < 60) return appError("TOO_MANY_REQUESTS", "auth.lockedSeconds", { params: { seconds } });
  return appError("TOO_MANY_REQUESTS", "auth.locked", { params: { minutes: Math.ceil(seconds / 60) } });
}

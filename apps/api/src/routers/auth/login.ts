import { findUserForSignIn, UNUSABLE_PASSWORD_HASH, verifyPassword } from "@dtpilot/db";
import { appError } from "../../errors";
import { resolvePrincipal } from "../../auth/principal";
import { publicProcedure } from "../../trpc";
import { loginInput } from "./login.types";

/** 登录: username + password; sets the session cookie. Locked accounts and addresses are refused first. */
export const login = publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
  ctx.audit.signInAttempt({ userId: null, username: input.username });
  const verdict = await ctx.throttle.check(input.username, ctx.ip);
  if (!verdict.allowed) {
    throw appError("TOO_MANY_REQUESTS", verdict.reason === "account" ? "auth.locked" : "auth.ipBlocked", {
      params: { minutes: Math.ceil(verdict.retryAfterSeconds / 60) },
    });
  }
  const user = await findUserForSignIn(ctx.db, input.username);
  // Verify against a dummy hash for unknown users, so timing does not reveal which usernames exist.
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  const membership = user?.memberships[0];
  const principal = user && passwordMatches && !user.disabled && membership ? await resolvePrincipal(ctx.db, user.id, membership) : null;
  if (!user || !membership || !principal) {
    ctx.audit.signInAttempt({ userId: user?.id ?? null, username: input.username });
    await ctx.throttle.recordFailure(input.username, ctx.ip);
    throw appError("UNAUTHORIZED", "auth.invalidCredentials", { field: "password" });
  }
  ctx.audit.signInAttempt({ userId: user.id, username: input.username, principal });
  ctx.audit.target("User", user.id);
  await ctx.throttle.recordSuccess(input.username);
  if (ctx.sessionToken) await ctx.sessions.destroy(ctx.sessionToken);
  const token = await ctx.sessions.create({ principal, membershipId: membership.id, accessVersion: user.accessVersion });
  ctx.setSessionCookie(token);
  return { role: principal.role, scopeKind: principal.scope.kind };
});

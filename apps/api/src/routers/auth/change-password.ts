import { findPasswordHash, hashPassword, updatePasswordHash, verifyPassword } from "@dtpilot/db";
import { assertPasswordAllowed } from "../../auth/password-policy";
import { appError } from "../../errors";
import { authedProcedure } from "../../trpc";
import { changePasswordInput } from "./change-password.types";

/**
 * 修改密码 (also 修改初始密码 at first sign-in): needs the current password and a new one the password rule allows;
 * ends every other session of the user and lifts the "must change the initial password" mark.
 */
export const changePassword = authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
  const userId = ctx.principal.userId;
  const stored = await findPasswordHash(ctx.data, userId);
  if (!stored || !(await verifyPassword(input.currentPassword, stored.passwordHash))) {
    throw appError("BAD_REQUEST", "auth.wrongPassword", { field: "currentPassword" });
  }
  assertPasswordAllowed(input.newPassword, [stored.username, stored.displayName]);
  await updatePasswordHash(ctx.data, userId, await hashPassword(input.newPassword));
  await ctx.sessions.destroyAllOf(userId, ctx.sessionToken);
  await ctx.sessions.markPasswordChanged(ctx.sessionToken);
  return { changed: true };
});

import { findAccessVersion, findPasswordHash, hashPassword, updatePasswordHash, verifyPassword } from "@dtpilot/db";
import { assertPasswordAllowed } from "./password-policy";
import { appError } from "../../kernel/errors";
import { authedProcedure } from "../../kernel/trpc";
import { changePasswordInput, changePasswordOutput } from "./change-password.types";

/**
 * 修改密码 (also 修改初始密码 at first sign-in): needs the current password and a new one the password rule allows;
 * ends every other session of the user, and this one records the new access version and loses the "must change the
 * initial password" mark.
 */
export const changePassword = authedProcedure.input(changePasswordInput)
  .output(changePasswordOutput)
  .mutation(async ({ ctx, input }) => {
    const userId = ctx.principal.userId;
    ctx.audit.target("User", userId);
    const stored = await findPasswordHash(ctx.data, userId);
    if (!stored || !(await verifyPassword(input.currentPassword, stored.passwordHash))) {
      throw appError("BAD_REQUEST", "auth.wrongPassword", { field: "currentPassword" });
    }
    assertPasswordAllowed(input.newPassword, [stored.username, stored.displayName]);
    await updatePasswordHash(ctx.data, userId, await hashPassword(input.newPassword));
    // Recorded as changed; its values are redacted by the audit trail.
    ctx.audit.changes([{ field: "password", before: null, after: null }]);
    const accessVersion = await findAccessVersion(ctx.data, userId);
    const sessionToken = ctx.sessionToken;
    ctx.afterCommit(async () => {
      if (accessVersion !== null) await ctx.sessions.renew(sessionToken, accessVersion);
      await ctx.sessions.destroyAllOf(userId, sessionToken);
    });
    return { changed: true };
  });

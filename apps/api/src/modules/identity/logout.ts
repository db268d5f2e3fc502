import { publicProcedure } from "../../kernel/trpc";
import { noInput } from "../../kernel/no-input";
import { logoutOutput } from "./logout.types";

/** 退出登录: ends this session. Harmless when not signed in. */
export const logout = publicProcedure.input(noInput).output(logoutOutput).mutation(async ({ ctx }) => {
  if (ctx.principal) ctx.audit.target("User", ctx.principal.userId);
  if (ctx.sessionToken) await ctx.sessions.destroy(ctx.sessionToken);
  ctx.clearSessionCookie();
  return { signedOut: true };
});

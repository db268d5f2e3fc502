import { findOwnProfile } from "@dtpilot/db";
import { packAppRules, type AppRule } from "@dtpilot/permissions";
import { appError } from "../../kernel/errors";
import { authedProcedure } from "../../kernel/trpc";
import { noInput } from "../../kernel/no-input";
import { meOutput } from "./me.types";

/** Packed once per rules array: a principal's rules are built once and shared by its requests (rulesFor). */
const packedRules = new WeakMap<AppRule[], ReturnType<typeof packAppRules>>();

function packedRulesOf(rules: AppRule[]) {
  let packed = packedRules.get(rules);
  if (!packed) packedRules.set(rules, (packed = packAppRules(rules)));
  return packed;
}

/** The signed-in user, their role and scope, and the packed CASL rules the UI builds its ability from. */
export const me = authedProcedure.input(noInput).output(meOutput).query(async ({ ctx }) => {
  const user = await findOwnProfile(ctx.data, ctx.principal.userId, ctx.membershipId);
  const membership = user?.memberships[0];
  if (!user || !membership) {
    await ctx.sessions.destroy(ctx.sessionToken);
    throw appError("UNAUTHORIZED", "auth.expired");
  }
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, locale: user.locale },
    role: ctx.principal.role,
    scope: ctx.principal.scope,
    city: membership.city,
    county: membership.county,
    enterprise: membership.enterprise,
    provider: membership.provider,
    rules: packedRulesOf(ctx.rules),
    /** The shell shows 修改初始密码 before anything else while this is set. */
    mustChangePassword: ctx.mustChangePassword,
  };
});

import type { TenantDb } from "@dtpilot/db";
import type { Principal } from "@dtpilot/domain";
import type { z } from "zod";
import { forbidden } from "./errors";
import type { Permission } from "./permission";
import { authedProcedure } from "./trpc";

/** The caller's county, by its division code (a county's id); 403 for a caller who does not act for a county. */
function countyOf(ctx: { principal: Principal; data: TenantDb }, permission: Permission | undefined) {
  const scope = ctx.principal.scope;
  if (scope.kind !== "county") throw forbidden();
  if (permission && !ctx.data.can(permission.action, permission.subject, { countyId: scope.countyId })) throw forbidden();
  return { code: scope.countyId };
}

/**
 * A county team's own procedure: the caller must act for a county (others get 403), and the context is narrowed to
 * `ctx.county`, taken from the session, never from the request. With a permission, the ability must also allow it
 * in that county. The input is parsed first, so a malformed call is answered as such whoever makes it.
 */
export function countyProcedure<TInput extends z.ZodType>(input: TInput, permission?: Permission) {
  return authedProcedure.input(input).use(({ ctx, next }) => next({ ctx: { county: countyOf(ctx, permission) } }));
}

/** As countyProcedure, appended to a builder that parsed its input already (`builder.concat(countyScope(…))`). */
export function countyScope(permission?: Permission) {
  return authedProcedure.use(({ ctx, next }) => next({ ctx: { county: countyOf(ctx, permission) } }));
}

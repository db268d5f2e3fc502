import { loadPlan, planView } from "./plan-view";
import { authedProcedure } from "../../kernel/trpc";
import { getPlanInput } from "./plan.types";

/** A plan at its current version or an earlier one, with history and comments; out of scope reads as not found. */
export const getPlan = authedProcedure.input(getPlanInput).query(async ({ ctx, input }) =>
  planView(ctx.data, ctx.principal, await loadPlan(ctx.data, ctx.principal, input.planId), input.versionNumber),
);

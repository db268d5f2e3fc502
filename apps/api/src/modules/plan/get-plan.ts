import { recordProcedure } from "../../kernel/record-procedure";
import { planView, visiblePlan } from "./plan-view";
import { getPlanInput, getPlanOutput } from "./plan.types";

/** A plan at its current version or an earlier one, with history and comments; out of scope reads as not found. */
export const getPlan = recordProcedure(getPlanInput, visiblePlan)
  .output(getPlanOutput)
  .query(({ ctx, input }) => planView(ctx.data, ctx.record, input.versionNumber));

import { findPlanVersion } from "@dtpilot/db";
import { diffPlanContent } from "@dtpilot/domain";
import { notFound } from "../../kernel/errors";
import { loadPlan, planContentOf } from "./plan-view";
import { authedProcedure } from "../../kernel/trpc";
import { diffPlanVersionsInput } from "./plan.types";

/** What changed between two versions of a plan, field by field, labelled in the guide's words. */
export const diffPlanVersions = authedProcedure.input(diffPlanVersionsInput).query(async ({ ctx, input }) => {
  const plan = await loadPlan(ctx.data, ctx.principal, input.planId);
  const from = await findPlanVersion(ctx.data, plan.id, input.fromVersion);
  const to = await findPlanVersion(ctx.data, plan.id, input.toVersion);
  if (!from || !to) throw notFound();
  return {
    fromVersion: input.fromVersion,
    toVersion: input.toVersion,
    changes: diffPlanContent(planContentOf(plan, from.content), planContentOf(plan, to.content)),
  };
});

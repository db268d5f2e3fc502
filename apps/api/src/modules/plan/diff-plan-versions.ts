import { findPlanVersion } from "@dtpilot/db";
import { diffPlanContent } from "@dtpilot/domain";
import { notFound } from "../../kernel/errors";
import { recordProcedure } from "../../kernel/record-procedure";
import { planContentOf, visiblePlan } from "./plan-view";
import { diffPlanVersionsInput, diffPlanVersionsOutput } from "./plan.types";

/** What changed between two versions of a plan, field by field, labelled in the guide's words. */
export const diffPlanVersions = recordProcedure(diffPlanVersionsInput, visiblePlan)
  .output(diffPlanVersionsOutput)
  .query(async ({ ctx, input }) => {
    const plan = ctx.record;
    const from = await findPlanVersion(ctx.data, plan.id, input.fromVersion);
    const to = await findPlanVersion(ctx.data, plan.id, input.toVersion);
    if (!from || !to) throw notFound();
    return {
      fromVersion: input.fromVersion,
      toVersion: input.toVersion,
      changes: diffPlanContent(planContentOf(plan, from.content), planContentOf(plan, to.content)),
    };
  });

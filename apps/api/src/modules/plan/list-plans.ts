import { listPlans as listPlanSummaries } from "@dtpilot/db";
import { availableEvents, PLAN_WORKFLOW, planStatesVisibleTo } from "@dtpilot/domain";
import { procedureAllowedTo } from "../../kernel/trpc";
import { listPlansInput, listPlansOutput } from "./plan.types";

/**
 * The plans the caller oversees (a city its counties', the province every county's) from their first submission on,
 * or a county's own; optionally in some states only.
 */
export const listPlans = procedureAllowedTo("read", "ImplementationPlan")
  .input(listPlansInput)
  .output(listPlansOutput)
  .query(async ({ ctx, input }) => {
    const visible = planStatesVisibleTo(ctx.principal.scope.kind);
    const states = input?.states ? visible.filter((state) => input.states!.includes(state)) : visible;
    const plans = await listPlanSummaries(ctx.data, { states });
    return plans.map((plan) => ({
      ...plan,
      /** Whether the plan waits for the caller's decision (推荐/批准/退回). */
      awaitsCaller:
        ctx.data.can("review", "ImplementationPlan", { countyId: plan.countyId }) &&
        availableEvents(PLAN_WORKFLOW, plan.state, ctx.principal, { countyId: plan.countyId }).length > 0,
    }));
  });

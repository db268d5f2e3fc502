import { listPlans as listPlanSummaries } from "@dtpilot/db";
import { availablePlanEvents } from "@dtpilot/domain";
import { procedureAllowedTo } from "../../trpc";
import { listPlansInput } from "./plan.types";

/** The plans the caller oversees (a city its counties', the province every county's), optionally in some states. */
export const listPlans = procedureAllowedTo("read", "ImplementationPlan")
  .input(listPlansInput)
  .query(async ({ ctx, input }) => {
    const plans = await listPlanSummaries(ctx.data, { states: input?.states });
    return plans.map((plan) => ({
      ...plan,
      /** Whether the plan waits for the caller's decision (推荐/批准/退回). */
      awaitsCaller:
        ctx.data.can("review", "ImplementationPlan", { countyId: plan.countyId }) &&
        availablePlanEvents(plan.state, ctx.principal.role).length > 0,
    }));
  });

import type { AppTRPCClient } from "@dtpilot/data-access";

export type { PlanComment, PlanView } from "@dtpilot/plan-ui";

/** What plan.getCurrentPlan answers: the county, its region's minimum, the batch and the plan (null before one is started). */
export type CurrentPlan = Awaited<ReturnType<AppTRPCClient["plan"]["getCurrentPlan"]["query"]>>;

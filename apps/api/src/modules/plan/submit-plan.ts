import { findPlanVersion, lockPlan, movePlan } from "@dtpilot/db";
import { PLAN_WORKFLOW } from "@dtpilot/domain";
import { appError, forbidden } from "../../kernel/errors";
import { transitionProcedure } from "../../kernel/workflow-transition";
import { loadPlan, planContentOf, planView } from "./plan-view";
import { submitPlanInput, submitPlanOutput } from "./plan.types";

/**
 * The county submits the version it sees (`revision`) to its city. Refused while the table has a field error or
 * while 拟改造企业合计 (B) is below the region's minimum (the workflow's guards); the message names the minimum and the
 * region. The plan is locked first, so no save lands between the check and the submission, and the submission is
 * recorded only at the revision that was checked.
 */
export const submitPlan = transitionProcedure({
  workflow: PLAN_WORKFLOW,
  input: submitPlanInput,
  event: () => "SUBMIT" as const,
  load: async (ctx, input) => {
    await lockPlan(ctx.data, input.planId);
    const plan = await loadPlan(ctx.data, input.planId);
    const version = await findPlanVersion(ctx.data, plan.id, plan.currentVersion);
    if (!version) throw forbidden();
    return { plan, version, content: planContentOf(plan, version.content) };
  },
  subject: ({ plan }) => ({ id: plan.id, countyId: plan.countyId, state: plan.state, version: plan.currentVersion }),
  auditTarget: "ImplementationPlan",
  ability: { action: "update", subject: "ImplementationPlan" },
  staleness: (_ctx, { version }, input) => (version.revision === input.revision ? null : appError("CONFLICT", "plan.staleRevision")),
  guardContext: (_ctx, { plan, content }) => ({ content, region: plan.county.city.region, comments: [] }),
  apply: async (ctx, { loaded: { plan, version }, from, to }) => {
    const moved = await movePlan(ctx.data, {
      countyId: plan.countyId,
      planId: plan.id,
      from: from!,
      to,
      versionNumber: plan.currentVersion,
      submittedRevision: version.revision,
    });
    return moved ? plan.id : null;
  },
  stale: () => appError("CONFLICT", "plan.staleRevision"),
  audit: ({ loaded: { plan } }) => ({ details: { versionNumber: plan.currentVersion } }),
  outputSchema: submitPlanOutput,
  output: async (ctx, planId) => planView(ctx.data, await loadPlan(ctx.data, planId)),
});

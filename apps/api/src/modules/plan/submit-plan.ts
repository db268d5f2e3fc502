import { findPlanVersion, lockPlan, recordPlanTransition } from "@dtpilot/db";
import { mayEverFire, planPathString, PLAN_STATE_LABELS, submissionBlockers, transition, validatePlanDataTable } from "@dtpilot/domain";
import { appError, forbidden } from "../../kernel/errors";
import { loadPlan, planContentOf, planView } from "./plan-view";
import { authedProcedure } from "../../kernel/trpc";
import { submitPlanInput, submitPlanOutput } from "./plan.types";

/**
 * The county submits the version it sees (`revision`) to its city. Refused while the table has a field error or
 * while 拟改造企业合计 (B) is below the region's minimum; the message names the minimum and the region. The plan is
 * locked first, so no save lands between the check and the submission, and the submission is recorded only at the
 * revision that was checked.
 */
export const submitPlan = authedProcedure.input(submitPlanInput).output(submitPlanOutput).mutation(async ({ ctx, input }) => {
  await lockPlan(ctx.data, input.planId);
  const plan = await loadPlan(ctx.data, input.planId);
  ctx.audit.target("ImplementationPlan", plan.id, { countyId: plan.countyId });
  if (!ctx.data.can("update", "ImplementationPlan", { countyId: plan.countyId })) throw forbidden();
  // A step the caller's role never takes is refused as such; one it takes, but not in this state, says why.
  if (!mayEverFire("SUBMIT", ctx.principal.role)) throw forbidden();
  const step = transition(plan.state, "SUBMIT", ctx.principal.role);
  // Whoever else may take this step now, the caller's role takes it in another state: the plan moved (or has not yet).
  if (!step.ok) throw appError("CONFLICT", "plan.transition.notAllowed", { params: { state: PLAN_STATE_LABELS[plan.state] } });
  const version = await findPlanVersion(ctx.data, plan.id, plan.currentVersion);
  if (!version) throw forbidden();
  if (version.revision !== input.revision) throw appError("CONFLICT", "plan.staleRevision");
  const content = planContentOf(plan, version.content);

  const errors = validatePlanDataTable(content.dataTable);
  if (errors.length > 0) {
    throw appError("BAD_REQUEST", "plan.submission.hasErrors", {
      params: { count: errors.length },
      field: planPathString(["dataTable", ...errors[0]!.path]),
    });
  }
  const [blocker] = submissionBlockers(content.dataTable, plan.county.city.region);
  if (blocker) {
    throw appError("BAD_REQUEST", blocker.key, { params: blocker.params, field: planPathString(["dataTable", ...blocker.path]) });
  }
  const moved = await recordPlanTransition(ctx.data, {
    countyId: plan.countyId,
    planId: plan.id,
    event: "SUBMIT",
    from: plan.state,
    to: step.next,
    versionNumber: plan.currentVersion,
    revision: version.revision,
    actor: { userId: ctx.principal.userId, role: ctx.principal.role },
    comments: [],
  });
  if (!moved) throw appError("CONFLICT", "plan.staleRevision");
  ctx.audit.changes([{ field: "state", before: plan.state, after: step.next }]);
  ctx.audit.details({ versionNumber: plan.currentVersion });
  return planView(ctx.data, await loadPlan(ctx.data, plan.id));
});

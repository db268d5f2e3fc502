import { findPlanVersion, lockPlan, recordPlanTransition } from "@dtpilot/db";
import { isPlanCommentTarget, mayEverFire, PLAN_STATE_LABELS, transition } from "@dtpilot/domain";
import { appError, forbidden } from "../../kernel/errors";
import { loadPlan, planContentOf, planView } from "./plan-view";
import { authedProcedure } from "../../kernel/trpc";
import { reviewPlanInput, reviewPlanOutput } from "./plan.types";

/**
 * A city recommends (推荐) or returns a submitted plan; the province approves (批准) or returns a recommended one.
 * Who may do what in which state is the workflow's table (libs/domain plan-workflow.ts); which counties, the
 * caller's scope. A return needs at least one comment and opens the county's next version. The reviewer names the
 * version it read, so a decision never lands on a version it has not seen. The plan is locked first: of two decisions
 * at once, the second sees the first's result and is refused with its reason.
 */
export const reviewPlan = authedProcedure.input(reviewPlanInput).output(reviewPlanOutput).mutation(async ({ ctx, input }) => {
  await lockPlan(ctx.data, input.planId);
  const plan = await loadPlan(ctx.data, input.planId);
  ctx.audit.target("ImplementationPlan", plan.id, { countyId: plan.countyId });
  if (!ctx.data.can("review", "ImplementationPlan", { countyId: plan.countyId })) throw forbidden();
  // A step the caller's role never takes is refused as such; one it takes, but not in this state, says why.
  if (!mayEverFire(input.decision, ctx.principal.role)) throw forbidden();
  const step = transition(plan.state, input.decision, ctx.principal.role);
  // Whoever else may take this step now, the caller's role takes it in another state: the plan moved (or has not yet).
  if (!step.ok) throw appError("CONFLICT", "plan.transition.notAllowed", { params: { state: PLAN_STATE_LABELS[plan.state] } });
  if (input.versionNumber !== plan.currentVersion) throw appError("CONFLICT", "plan.staleVersion", { field: "versionNumber" });
  if (input.decision === "RETURN" && input.comments.length === 0) {
    throw appError("BAD_REQUEST", "plan.return.commentRequired", { field: "comments" });
  }
  const version = await findPlanVersion(ctx.data, plan.id, plan.currentVersion);
  if (!version) throw forbidden();
  const content = planContentOf(plan, version.content);
  const unknown = input.comments.find((comment) => !isPlanCommentTarget(content, comment.target));
  if (unknown) throw appError("BAD_REQUEST", "plan.comment.unknownTarget", { params: { target: unknown.target }, field: "comments" });

  const moved = await recordPlanTransition(ctx.data, {
    countyId: plan.countyId,
    planId: plan.id,
    event: input.decision,
    from: plan.state,
    to: step.next,
    versionNumber: plan.currentVersion,
    ...(step.newVersion ? { openVersionWith: content } : {}),
    actor: { userId: ctx.principal.userId, role: ctx.principal.role },
    comments: input.comments,
  });
  if (!moved) throw appError("CONFLICT", "plan.staleVersion", { field: "versionNumber" });
  ctx.audit.changes([
    { field: "state", before: plan.state, after: step.next },
    ...(step.newVersion ? [{ field: "currentVersion", before: plan.currentVersion, after: plan.currentVersion + 1 }] : []),
  ]);
  ctx.audit.details({ versionNumber: plan.currentVersion, comments: input.comments.length });
  return planView(ctx.data, await loadPlan(ctx.data, plan.id));
});

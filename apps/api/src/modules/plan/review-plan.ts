import { addPlanComments, findPlanVersion, lockPlan, movePlan } from "@dtpilot/db";
import { PLAN_WORKFLOW } from "@dtpilot/domain";
import { appError, forbidden } from "../../kernel/errors";
import { transitionProcedure } from "../../kernel/workflow-transition";
import { loadPlan, planContentOf, planView } from "./plan-view";
import { reviewPlanInput, reviewPlanOutput } from "./plan.types";

const staleVersion = () => appError("CONFLICT", "plan.staleVersion", { field: "versionNumber" });

/**
 * A city recommends (推荐) or returns a submitted plan; the province approves (批准) or returns a recommended one.
 * Who may do what in which state is the workflow's table (PLAN_WORKFLOW); which counties, the caller's scope. A
 * return needs at least one comment and opens the county's next version. The reviewer names the version it read, so
 * a decision never lands on a version it has not seen. The plan is locked first: of two decisions at once, the
 * second sees the first's result and is refused with its reason.
 */
export const reviewPlan = transitionProcedure({
  workflow: PLAN_WORKFLOW,
  input: reviewPlanInput,
  event: (input) => input.decision,
  load: async (ctx, input) => {
    await lockPlan(ctx.data, input.planId);
    const plan = await loadPlan(ctx.data, input.planId);
    const version = await findPlanVersion(ctx.data, plan.id, plan.currentVersion);
    if (!version) throw forbidden();
    return { plan, content: planContentOf(plan, version.content) };
  },
  subject: ({ plan }) => ({ id: plan.id, countyId: plan.countyId, state: plan.state, version: plan.currentVersion }),
  auditTarget: "ImplementationPlan",
  ability: { action: "review", subject: "ImplementationPlan" },
  staleness: (_ctx, { plan }, input) => (input.versionNumber === plan.currentVersion ? null : staleVersion()),
  guardContext: (_ctx, { plan, content }, input) => ({ content, region: plan.county.city.region, comments: input.comments }),
  apply: async (ctx, { loaded: { plan, content }, from, to, opensVersion }) => {
    const moved = await movePlan(ctx.data, {
      countyId: plan.countyId,
      planId: plan.id,
      from: from!,
      to,
      versionNumber: plan.currentVersion,
      ...(opensVersion ? { openVersionWith: { content, actorId: ctx.principal.userId } } : {}),
    });
    return moved ? plan.id : null;
  },
  stale: staleVersion,
  attach: (ctx, { loaded: { plan }, input }, eventId) =>
    addPlanComments(ctx.data, {
      countyId: plan.countyId,
      planId: plan.id,
      eventId,
      versionNumber: plan.currentVersion,
      authorId: ctx.principal.userId,
      comments: input.comments,
    }),
  audit: ({ loaded: { plan }, input, opensVersion }) => ({
    changes: opensVersion ? [{ field: "currentVersion", before: plan.currentVersion, after: plan.currentVersion + 1 }] : [],
    details: { versionNumber: plan.currentVersion, comments: input.comments.length },
  }),
  outputSchema: reviewPlanOutput,
  output: async (ctx, planId) => planView(ctx.data, await loadPlan(ctx.data, planId)),
});

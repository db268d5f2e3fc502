import { findPlanVersion, savePlanContent } from "@dtpilot/db";
import { computePlan, diffPlanContent, isEditableBy, PLAN_STATE_LABELS, submissionBlockers, validatePlanDataTable } from "@dtpilot/domain";
import { appError, forbidden } from "../../errors";
import { loadPlan, parseStoredContent } from "../../plans/plan-view";
import { authedProcedure } from "../../trpc";
import { savePlanInput } from "./plan.types";

/**
 * Saves the county's draft (the form autosaves through this). A draft with field errors is saved as typed, so nothing
 * is lost, and the errors come back to be shown on their fields; only submission requires a clean table. A save
 * names the revision it started from: if another tab or colleague saved since, it is refused and nothing is
 * overwritten.
 */
export const savePlan = authedProcedure.input(savePlanInput).mutation(async ({ ctx, input }) => {
  const plan = await loadPlan(ctx.data, ctx.principal, input.planId);
  ctx.audit.target("ImplementationPlan", plan.id, { countyId: plan.countyId });
  if (!ctx.data.can("update", "ImplementationPlan", { countyId: plan.countyId })) throw forbidden();
  if (!isEditableBy(plan.state, ctx.principal.role)) {
    throw appError("CONFLICT", "plan.notEditable", { params: { state: PLAN_STATE_LABELS[plan.state] } });
  }
  const current = await findPlanVersion(ctx.data, plan.id, plan.currentVersion);
  if (!current) throw forbidden();
  // The table's county is the plan's own; it is shown, never typed.
  const content = { ...input.content, dataTable: { ...input.content.dataTable, countyName: plan.county.name } };
  const changes = diffPlanContent(parseStoredContent(current.content), content);
  const changedPaths = changes.map((change) => change.path);

  let saved: { revision: number; updatedAt: Date } | null = { revision: current.revision, updatedAt: current.updatedAt };
  if (input.baseRevision !== current.revision) saved = null;
  else if (changedPaths.length > 0) {
    saved = await savePlanContent(ctx.data, {
      countyId: plan.countyId,
      planId: plan.id,
      versionNumber: plan.currentVersion,
      baseRevision: input.baseRevision,
      content,
      editorId: ctx.principal.userId,
    });
  }
  if (!saved) throw appError("CONFLICT", "plan.staleRevision");
  // The plan's edit log: which fields this save changed, by their dotted paths and labels, before → after.
  ctx.audit.changes(changes.map((change) => ({ field: change.path, label: change.label, before: change.before, after: change.after })));
  ctx.audit.details({ versionNumber: plan.currentVersion, revision: saved.revision });
  return {
    ...saved,
    versionNumber: plan.currentVersion,
    changedPaths,
    computed: computePlan(content.dataTable),
    fieldErrors: validatePlanDataTable(content.dataTable),
    submissionBlockers: submissionBlockers(content.dataTable, plan.county.city.region),
  };
});

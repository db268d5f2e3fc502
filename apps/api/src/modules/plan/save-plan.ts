import { findPlanVersion, savePlanContent } from "@dtpilot/db";
import { computePlan, diffPlanContent, isEditableBy, PLAN_WORKFLOW, submissionBlockers, validatePlanDataTable } from "@dtpilot/domain";
import { workflowStateLabel } from "@dtpilot/i18n";
import { appError, forbidden } from "../../kernel/errors";
import { can } from "../../kernel/permission";
import { recordProcedure } from "../../kernel/record-procedure";
import { lockedPlan, planContentOf, withPlanCounty } from "./plan-view";
import { savePlanInput, savePlanOutput } from "./plan.types";

/**
 * Saves the county's draft (the form autosaves through this). A draft with field errors is saved as typed, so nothing
 * is lost, and the errors come back to be shown on their fields; only submission requires a clean table. A save
 * names the revision it started from: if another tab or colleague saved since, it is refused and nothing is
 * overwritten. The plan is locked first, so a submission or a return cannot land between the check and the write.
 */
export const savePlan = recordProcedure(savePlanInput, lockedPlan, can("update", "ImplementationPlan"))
  .output(savePlanOutput)
  .mutation(async ({ ctx, input }) => {
    const plan = ctx.record;
    const notEditable = () => appError("CONFLICT", "plan.notEditable", { params: { state: workflowStateLabel(ctx.locale, PLAN_WORKFLOW.subject, plan.state) } });
    if (!isEditableBy(plan.state, ctx.principal.role)) throw notEditable();
    const current = await findPlanVersion(ctx.data, plan.id, plan.currentVersion);
    if (!current) throw forbidden();
    // The county on the cover and in the table, and the recommending bureau, are the plan's own: shown, never typed.
    const content = withPlanCounty(plan, input.content);
    const changes = diffPlanContent(planContentOf(plan, current.content), content);
    const changedPaths = changes.map((change) => change.path);

    if (input.baseRevision !== current.revision) throw appError("CONFLICT", "plan.staleRevision");
    let saved = { revision: current.revision, updatedAt: current.updatedAt };
    if (changedPaths.length > 0) {
      const result = await savePlanContent(ctx.data, {
        countyId: plan.countyId,
        planId: plan.id,
        state: plan.state,
        versionNumber: plan.currentVersion,
        baseRevision: input.baseRevision,
        content,
        editorId: ctx.principal.userId,
      });
      if (!result.ok) throw result.reason === "STATE_CHANGED" ? notEditable() : appError("CONFLICT", "plan.staleRevision");
      saved = { revision: result.revision, updatedAt: result.updatedAt };
    }
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

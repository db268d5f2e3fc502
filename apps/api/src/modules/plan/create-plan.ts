import { createPlan as insertPlan, findCountyProfile, findPlanIdForCounty } from "@dtpilot/db";
import { currentBatch, emptyPlanContent, recommendingBureauOf } from "@dtpilot/domain";
import { countyProcedure } from "../../kernel/county-procedure";
import { appError, forbidden } from "../../kernel/errors";
import { can } from "../../kernel/permission";
import { loadPlan, planView } from "./plan-view";
import { noInput } from "../../kernel/no-input";
import { createPlanOutput } from "./plan.types";

/**
 * A county team starts its plan for the batch in progress: version 1, the county and its city on the cover. One plan
 * per county per batch: asking again answers the existing plan (a double click creates nothing twice).
 */
export const createPlan = countyProcedure(noInput, can("create", "ImplementationPlan"))
  .output(createPlanOutput)
  .mutation(async ({ ctx }) => {
    const county = await findCountyProfile(ctx.data, ctx.county.code);
    if (!county) throw forbidden();
    const batch = currentBatch(county.batches, new Date());
    if (!batch) throw appError("BAD_REQUEST", "plan.noBatch");
    const existing = await findPlanIdForCounty(ctx.data, county.code, batch.id);
    const planId =
      existing?.id ??
      (
        await insertPlan(ctx.data, {
          countyId: county.code,
          batchId: batch.id,
          content: emptyPlanContent(county.name, recommendingBureauOf(county.city.name)),
          authorId: ctx.principal.userId,
        })
      ).id;
    ctx.audit.target("ImplementationPlan", planId, { countyId: county.code });
    if (!existing) ctx.audit.changes([{ field: "state", before: null, after: "DRAFT" }]);
    return planView(ctx.data, await loadPlan(ctx.data, planId));
  });

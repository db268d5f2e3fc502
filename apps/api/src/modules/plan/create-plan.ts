import { createPlan as insertPlan, findCountyProfile, findPlanIdForCounty } from "@dtpilot/db";
import { currentBatch, emptyPlanContent, recommendingBureauOf } from "@dtpilot/domain";
import { appError, forbidden } from "../../kernel/errors";
import { loadPlan, planView } from "./plan-view";
import { authedProcedure } from "../../kernel/trpc";
import { noInput } from "../../kernel/no-input";

/**
 * A county team starts its plan for the batch in progress: version 1, the county and its city on the cover. One plan
 * per county per batch: asking again answers the existing plan (a double click creates nothing twice).
 */
export const createPlan = authedProcedure.input(noInput).mutation(async ({ ctx }) => {
  const scope = ctx.principal.scope;
  if (scope.kind !== "county" || !ctx.data.can("create", "ImplementationPlan", { countyId: scope.countyId })) throw forbidden();
  const county = await findCountyProfile(ctx.data, scope.countyId);
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
  return planView(ctx.data, ctx.principal, await loadPlan(ctx.data, ctx.principal, planId));
});

import { findCountyProfile, findPlanIdForCounty } from "@dtpilot/db";
import { currentBatch, ROSTER_MINIMUM_BY_REGION, REGION_NAMES } from "@dtpilot/domain";
import { forbidden } from "../../kernel/errors";
import { loadPlan, planView } from "./plan-view";
import { authedProcedure } from "../../kernel/trpc";
import { noInput } from "../../kernel/no-input";

/**
 * A county team's own plan for the batch in progress (null until it starts one), with what the form needs before
 * there is a plan: the county, its region's minimum and whether it may start one.
 */
export const getCurrentPlan = authedProcedure.input(noInput).query(async ({ ctx }) => {
  const scope = ctx.principal.scope;
  if (scope.kind !== "county" || !ctx.data.can("read", "ImplementationPlan", { countyId: scope.countyId })) throw forbidden();
  const county = await findCountyProfile(ctx.data, scope.countyId);
  if (!county) throw forbidden();
  const batch = currentBatch(county.batches, new Date());
  const existing = batch ? await findPlanIdForCounty(ctx.data, county.code, batch.id) : null;
  const plan = existing ? await planView(ctx.data, ctx.principal, await loadPlan(ctx.data, ctx.principal, existing.id)) : null;
  return {
    county: { code: county.code, name: county.name, city: county.city },
    region: { code: county.city.region, name: REGION_NAMES[county.city.region] },
    rosterMinimum: ROSTER_MINIMUM_BY_REGION[county.city.region],
    batch,
    plan,
    canCreate: batch !== null && plan === null && ctx.data.can("create", "ImplementationPlan", { countyId: county.code }),
  };
});

import { findCountyBatches } from "@dtpilot/db";
import { currentBatch, ROSTER_MINIMUM_BY_REGION, REGION_NAMES } from "@dtpilot/domain";
import { countyProcedure } from "../../kernel/county-procedure";
import { forbidden } from "../../kernel/errors";
import { can } from "../../kernel/permission";
import { loadPlanOfCounty, planView } from "./plan-view";
import { noInput } from "../../kernel/no-input";
import { getCurrentPlanOutput } from "./plan.types";

/**
 * A county team's own plan for the batch in progress (null until it starts one), with what the form needs before
 * there is a plan: the county, its region's minimum and whether it may start one.
 */
export const getCurrentPlan = countyProcedure(noInput, can("read", "ImplementationPlan"))
  .output(getCurrentPlanOutput)
  .query(async ({ ctx }) => {
    const county = await findCountyBatches(ctx.data, ctx.county.code);
    if (!county) throw forbidden();
    const batch = currentBatch(county.batches, new Date());
    const existing = batch ? await loadPlanOfCounty(ctx.data, { countyId: county.code, batchId: batch.id }) : null;
    const plan = existing ? await planView(ctx.data, existing) : null;
    return {
      county: { code: county.code, name: county.name, city: county.city },
      region: { code: county.city.region, name: REGION_NAMES[county.city.region] },
      rosterMinimum: ROSTER_MINIMUM_BY_REGION[county.city.region],
      batch,
      plan,
      canCreate: batch !== null && plan === null && ctx.data.can("create", "ImplementationPlan", { countyId: county.code }),
    };
  });

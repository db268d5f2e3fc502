import { addPilotEnterprise as enrol, findPilotEnterprise } from "@dtpilot/db";
import { countyProcedure } from "../../kernel/county-procedure";
import { appError } from "../../kernel/errors";
import { can } from "../../kernel/permission";
import { enrolmentRefused } from "./enrolment-refusal";
import { rosterContext } from "./roster-context";
import { toPilotEnterpriseView } from "./roster-view";
import { addPilotEnterpriseInput, addPilotEnterpriseOutput } from "./roster.types";

/**
 * The county adds one enterprise to its roster. Refused once the plan is approved (a change request is the way then),
 * for a credit code already on the roster, for a code registered in another county, and for a sub-industry the plan
 * does not name.
 */
export const addPilotEnterprise = countyProcedure(addPilotEnterpriseInput, can("create", "PilotEnterprise"))
  .output(addPilotEnterpriseOutput)
  .mutation(async ({ ctx, input }) => {
    const context = await rosterContext(ctx.data, undefined, { forWrite: true });
    if (context.frozen) throw appError("CONFLICT", "roster.frozen");
    if (context.subIndustries.length === 0) throw appError("BAD_REQUEST", "roster.subIndustry.noneInPlan", { field: "entry.subIndustry" });
    if (!context.subIndustries.includes(input.entry.subIndustry)) {
      throw appError("BAD_REQUEST", "roster.subIndustry.unknown", {
        params: { value: input.entry.subIndustry, allowed: context.subIndustries.join("、") },
        field: "entry.subIndustry",
      });
    }
    const added = await enrol(ctx.data, { ...context.where, entry: input.entry, addedById: ctx.principal.userId });
    if (!added.ok) throw enrolmentRefused(added.reason, input.entry.creditCode, "entry.creditCode");
    ctx.audit.target("PilotEnterprise", added.pilotEnterpriseId);
    ctx.audit.changes(Object.entries(input.entry).map(([field, after]) => ({ field: `entry.${field}`, before: null, after })));
    return toPilotEnterpriseView((await findPilotEnterprise(ctx.data, added.pilotEnterpriseId))!);
  });

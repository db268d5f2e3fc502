import { listPilotEnterprises } from "@dtpilot/db";
import { ROSTER_MINIMUM_BY_REGION, planTargetsVersusRoster, rosterCategoryCounts } from "@dtpilot/domain";
import { rosterContext } from "./roster-context";
import { toPilotEnterpriseView } from "./roster-view";
import { procedureAllowedTo } from "../../kernel/trpc";
import { listRosterInput, listRosterOutput } from "./roster.types";

/**
 * A county's roster 试点企业改造名单 for the batch in progress: every entry with its file's completeness, the counts by
 * category against the plan's targets, whether the roster is frozen, and the region's minimum. A county reads its
 * own; overseers name the county; a provider sees the enterprises it is linked to.
 */
export const listRoster = procedureAllowedTo("read", "PilotEnterprise")
  .input(listRosterInput)
  .output(listRosterOutput)
  .query(async ({ ctx, input }) => {
    const context = await rosterContext(ctx.data, input?.countyId);
    const entries = (await listPilotEnterprises(ctx.data, context.where)).map(toPilotEnterpriseView);
    const active = entries.filter((entry) => entry.status === "ACTIVE");
    const counts = rosterCategoryCounts(active);
    return {
      county: context.county,
      batch: context.batch,
      frozen: context.frozen,
      planState: context.planState,
      subIndustries: context.subIndustries,
      rosterMinimum: ROSTER_MINIMUM_BY_REGION[context.county.city.region],
      entries,
      counts: counts.totals,
      targets: context.dataTable ? planTargetsVersusRoster(context.dataTable, counts) : null,
      canAdd: !context.frozen && ctx.data.can("create", "PilotEnterprise", { countyId: context.county.code }),
    };
  });

import { listPilotEnterprisePage, listRosterCategories } from "@dtpilot/db";
import { ROSTER_MINIMUM_BY_REGION, planTargetsVersusRoster, rosterCategoryCounts } from "@dtpilot/domain";
import { rosterContext } from "./roster-context";
import { toPilotEnterpriseView } from "./roster-view";
import { procedureAllowedTo } from "../../kernel/trpc";
import { listRosterInput, listRosterOutput } from "./roster.types";

/**
 * A county's roster 试点企业改造名单 for the batch in progress: one page of entries (filtered and ordered in SQL), each
 * with its file's completeness as stored, how many entries the filter admits, the counts by category of every entry
 * on the roster against the plan's targets, whether the roster is frozen, and the region's minimum. A county reads
 * its own; overseers name the county; a provider sees the enterprises it is linked to, an enterprise its own entry.
 */
export const listRoster = procedureAllowedTo("read", "PilotEnterprise")
  .input(listRosterInput)
  .output(listRosterOutput)
  .query(async ({ ctx, input }) => {
    const context = await rosterContext(ctx.data, input.countyId);
    const { page, pageSize } = input;
    const listed = await listPilotEnterprisePage(ctx.data, context.where, { filter: input.filter, sort: input.sort, page, pageSize });
    // The counts are of every entry the caller sees on the roster, whatever the page: a few columns each.
    const categories = await listRosterCategories(ctx.data, context.where);
    const counts = rosterCategoryCounts(categories.filter((entry) => entry.status === "ACTIVE"));
    return {
      county: context.county,
      batch: context.batch,
      frozen: context.frozen,
      planState: context.planState,
      subIndustries: context.subIndustries,
      rosterMinimum: ROSTER_MINIMUM_BY_REGION[context.county.city.region],
      entries: listed.entries.map(toPilotEnterpriseView),
      total: listed.total,
      page,
      pageSize,
      subIndustriesInUse: [...new Set(categories.map((entry) => entry.subIndustry))],
      counts: counts.totals,
      targets: context.dataTable ? planTargetsVersusRoster(context.dataTable, counts) : null,
      canAdd: !context.frozen && ctx.data.can("create", "PilotEnterprise", { countyId: context.county.code }),
    };
  });

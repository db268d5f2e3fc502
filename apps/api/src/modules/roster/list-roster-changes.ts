import { findRosterChangeCounty, listBatches, listRosterChanges as list } from "@dtpilot/db";
import { currentBatch, isPlanVisibleTo, pageWindow, ROSTER_MINIMUM_BY_REGION } from "@dtpilot/domain";
import { toRosterChangeView } from "./change-view";
import { appError, notFound } from "../../kernel/errors";
import { procedureAllowedTo } from "../../kernel/trpc";
import { listRosterChangesInput, listRosterChangesOutput } from "./roster.types";

/**
 * 名单调整备案: a county's change requests for the batch in progress, newest first, one page at a time, filtered,
 * counted and paged in SQL: the county's own, or a county its overseer names (outside the caller's scope: 404).
 * Unlike the roster procedures it reads no plan content: only the plan's state (frozen or not) and the roster's size.
 */
export const listRosterChanges = procedureAllowedTo("read", "RosterChangeRequest")
  .input(listRosterChangesInput)
  .output(listRosterChangesOutput)
  .query(async ({ ctx, input }) => {
    const scope = ctx.data.scope;
    const countyId = input.countyId ?? (scope.kind === "county" ? scope.countyId : undefined);
    const county = countyId ? await findRosterChangeCounty(ctx.data, countyId) : null;
    if (!county || !ctx.data.can("read", "RosterChangeRequest", { countyId: county.code })) throw notFound();
    // A county piloting in no batch yet has no requests; its list is the province's batch in progress, empty.
    const batch = currentBatch(county.batches.length > 0 ? county.batches : await listBatches(ctx.data), new Date());
    if (!batch) throw appError("BAD_REQUEST", "plan.noBatch");
    const ownBatch = county.batches.find((candidate) => candidate.id === batch.id);
    const planState = ownBatch?.planState && isPlanVisibleTo(ownBatch.planState, scope.kind) ? ownBatch.planState : null;

    const { items, total, pendingCount } = await list(
      ctx.data,
      { countyId: county.code, batchId: batch.id },
      { ...(input.status ? { status: input.status } : {}), ...(input.kind ? { kind: input.kind } : {}) },
      pageWindow(input),
    );
    return {
      county: { code: county.code, name: county.name, city: county.city },
      batch: { id: batch.id, name: batch.name, startsOn: batch.startsOn, endsOn: batch.endsOn },
      roster: { activeEntries: ownBatch?.activeEntries ?? 0, minimum: ROSTER_MINIMUM_BY_REGION[county.city.region], frozen: planState === "APPROVED" },
      items: items.map(toRosterChangeView),
      total,
      page: input.page,
      pageSize: input.pageSize,
      pendingCount,
    };
  });

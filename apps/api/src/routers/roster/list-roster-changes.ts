import { listRosterChanges as list } from "@dtpilot/db";
import { toRosterChangeView } from "../../roster/change-view";
import { rosterContext } from "../../roster/roster-context";
import { procedureAllowedTo } from "../../trpc";
import { listRosterChangesInput } from "./roster.types";

/** The history of a county's roster changes, newest first: the county's own, or a county its overseer names. */
export const listRosterChanges = procedureAllowedTo("read", "RosterChangeRequest")
  .input(listRosterChangesInput)
  .query(async ({ ctx, input }) => {
    const context = await rosterContext(ctx.data, ctx.principal, input?.countyId);
    return (await list(ctx.data, context.where)).map(toRosterChangeView);
  });

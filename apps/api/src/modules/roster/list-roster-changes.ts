import { listRosterChanges as list } from "@dtpilot/db";
import { toRosterChangeView } from "./change-view";
import { rosterContext } from "./roster-context";
import { procedureAllowedTo } from "../../kernel/trpc";
import { listRosterChangesInput, listRosterChangesOutput } from "./roster.types";

/** The history of a county's roster changes, newest first: the county's own, or a county its overseer names. */
export const listRosterChanges = procedureAllowedTo("read", "RosterChangeRequest")
  .input(listRosterChangesInput)
  .output(listRosterChangesOutput)
  .query(async ({ ctx, input }) => {
    const context = await rosterContext(ctx.data, input?.countyId);
    return (await list(ctx.data, context.where)).map(toRosterChangeView);
  });

import { setTransformationStart as record } from "@dtpilot/db";
import { forbidden } from "../../kernel/errors";
import { loadRosterEntry } from "./load-roster-entry";
import { authedProcedure } from "../../kernel/trpc";
import { setTransformationStartInput } from "./roster.types";

/** The county records when an enterprise's transformation project started (its file's later sections open then). */
export const setTransformationStart = authedProcedure.input(setTransformationStartInput).mutation(async ({ ctx, input }) => {
  const entry = await loadRosterEntry(ctx.data, ctx.principal, input.pilotId);
  ctx.audit.target("PilotEnterprise", entry.id, { countyId: entry.countyId });
  if (!ctx.data.can("update", "PilotEnterprise", { countyId: entry.countyId })) throw forbidden();
  const startedOn = input.startedOn ? new Date(`${input.startedOn}T00:00:00Z`) : null;
  if (!(await record(ctx.data, { countyId: entry.countyId, pilotId: entry.id, startedOn }))) throw forbidden();
  ctx.audit.changes([{ field: "transformationStartedOn", before: null, after: input.startedOn }]);
  return { pilotId: entry.id, startedOn: input.startedOn };
});

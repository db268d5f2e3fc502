import { setTransformationStart as record } from "@dtpilot/db";
import { appError, forbidden } from "../../kernel/errors";
import { can } from "../../kernel/permission";
import { recordProcedure } from "../../kernel/record-procedure";
import { pilotEnterprise } from "./load-pilot-enterprise";
import { setTransformationStartInput, setTransformationStartOutput } from "./roster.types";

/** The county records when an enterprise's transformation project started (its file's later sections open then). */
export const setTransformationStart = recordProcedure(setTransformationStartInput, pilotEnterprise, can("update", "PilotEnterprise"))
  .output(setTransformationStartOutput)
  .mutation(async ({ ctx, input }) => {
    const entry = ctx.record;
    if (entry.status !== "ACTIVE") throw appError("CONFLICT", "roster.change.notOnRoster", { field: "pilotEnterpriseId" });
    const startedOn = input.startedOn ? new Date(`${input.startedOn}T00:00:00Z`) : null;
    if (!(await record(ctx.data, { countyId: entry.countyId, pilotEnterpriseId: entry.id, startedOn }))) throw forbidden();
    ctx.audit.changes([{ field: "transformationStartedOn", before: null, after: input.startedOn }]);
    return { pilotEnterpriseId: entry.id, startedOn: input.startedOn };
  });

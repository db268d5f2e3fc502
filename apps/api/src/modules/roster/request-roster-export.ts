import { createExportFile, findCountyProfile } from "@dtpilot/db";
import { currentBatch } from "@dtpilot/domain";
import { rosterExportJob } from "@dtpilot/jobs";
import { countyProcedure } from "../../kernel/county-procedure";
import { forbidden } from "../../kernel/errors";
import { can } from "../../kernel/permission";
import { enqueueExportAfterCommit } from "../documents/enqueue-export";
import { toExportView } from "../documents/export-view";
import { rosterFileName, type RosterExportParameters } from "./roster-document";
import { requestRosterExportInput, requestRosterExportOutput } from "./request-roster-export.types";

/**
 * A county team asks for its 试点企业改造名单 (the batch in progress) as XLSX, optionally filtered as its roster table
 * is: the filter is kept with the export and applied by the worker. The county is the session's, never the client's.
 * The export is recorded (QUEUED) in the request's transaction and enqueued once that has committed, so the worker
 * always finds it. The input is checked before the permission, so a malformed call is answered as such whoever makes it.
 */
export const requestRosterExport = countyProcedure(requestRosterExportInput, can("create", "ExportFile"))
  .output(requestRosterExportOutput)
  .mutation(async ({ ctx, input }) => {
    const county = await findCountyProfile(ctx.data, ctx.county.code);
    if (!county) throw forbidden();
    const batch = currentBatch(county.batches, new Date());
    const filter = input ?? {};
    const parameters: RosterExportParameters = {
      ...(batch ? { batchId: batch.id, batchName: batch.name } : {}),
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
    };
    const created = await createExportFile(ctx.data, {
      countyId: county.code,
      kind: "ROSTER_XLSX",
      parameters,
      fileName: rosterFileName(county.name, batch?.name, filter),
      requestedById: ctx.principal.userId,
    });

    ctx.audit.target("ExportFile", created.id, { countyId: county.code });
    ctx.audit.changes([{ field: "kind", before: null, after: created.kind }]);
    enqueueExportAfterCommit(ctx, rosterExportJob, { id: created.id, countyId: county.code });
    return toExportView(created, ctx.locale);
  });

import { findCountyProfile } from "@dtpilot/db";
import { currentBatch, isRosterFiltered } from "@dtpilot/domain";
import { countyProcedure } from "../../kernel/county-procedure";
import { forbidden } from "../../kernel/errors";
import { can } from "../../kernel/permission";
import { requestDocument } from "../documents/request-document";
import { rosterFileName, type RosterExportParameters } from "./roster-document";
import { requestRosterExportInput, requestRosterExportOutput } from "./request-roster-export.types";

/**
 * A county team asks for its 试点企业改造名单 (the batch in progress) as XLSX, filtered as its roster table is (the
 * roster list's filter, roster-query.ts): the filter is kept with the export and applied by the worker, in SQL. The county is the session's, never the client's.
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
      ...(isRosterFiltered(filter) ? { filter } : {}),
    };
    return requestDocument(ctx, "ROSTER_XLSX", { countyId: county.code, parameters, fileName: rosterFileName(county.name, batch?.name, filter) });
  });

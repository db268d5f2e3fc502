/** Runs the roster export job (definition: @dtpilot/jobs rosterExportJob). */
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  completeExport,
  failExportAttempt,
  findExportForJob,
  listRosterEntries,
  reportExportProgress,
  startExportAttempt,
  type Database,
} from "@dtpilot/db";
import { withoutIllegalCharacters } from "@dtpilot/domain";
import { defineHandler, rosterExportJob, UnrecoverableError } from "@dtpilot/jobs";
import { buildRosterWorkbook, matchesRosterExportFilter, rosterExportParameters, workbookBytes } from "./roster-document";
import { toRosterEntryView } from "./roster-view";
import { asCounty } from "../../kernel/county-scope";
import type { WorkerTestHooks } from "../../kernel/worker-config";
import { checkedDocument } from "../documents/checked-document";
import { ExportFailure, failureKeyOf } from "../documents/export-failure";


// Progress: 0–5 reading the roster, 5–90 one step per row, 90–100 writing and storing the file.
const ROWS_FROM = 5;
const ROWS_TO = 90;

export function rosterExportHandler(deps: { db: Database; testHooks: WorkerTestHooks }) {
  const { db, testHooks } = deps;
  return defineHandler(rosterExportJob, {
    async process(payload, context) {
      const record = await asCounty(db, payload, (tenant) => findExportForJob(tenant, payload.exportId, payload.countyId));
      if (!record) throw new UnrecoverableError(`export ${payload.exportId} is not an export of county ${payload.countyId}`);
      // A late duplicate of a finished job: the file is there already.
      if (record.status === "SUCCEEDED") return;
      if (!(await asCounty(db, payload, (tenant) => startExportAttempt(tenant, record.id, context.attempt)))) return;

      const parameters = rosterExportParameters.parse(record.parameters ?? {});
      // The batch's roster as the county sees it, filtered as the county asked (by default: the entries 在册).
      const { batchId, filter } = parameters;
      const entries = batchId
        ? await asCounty(db, payload, (tenant) =>
            listRosterEntries(tenant, { countyId: payload.countyId, batchId }),
          )
        : [];
      // Text stored before the character rule would break the XML: stripped here, and the file checked below.
      const shown = withoutIllegalCharacters(entries.map(toRosterEntryView).filter((entry) => matchesRosterExportFilter(entry, filter)));
      await context.reportProgress(ROWS_FROM);

      const workbook = await buildRosterWorkbook({
        countyName: record.county.name,
        batchName: withoutIllegalCharacters(parameters.batchName),
        entries: shown,
        filter,
        generatedAt: new Date(),
        onRow: async (done, total) => {
          if (testHooks.rowDelayMs > 0) await sleep(testHooks.rowDelayMs);
          await context.reportProgress(ROWS_FROM + ((ROWS_TO - ROWS_FROM) * done) / total);
        },
      });
      let content: Uint8Array<ArrayBuffer>;
      try {
        if (testHooks.failGeneration) throw new Error("test hook: generation fails");
        content = await workbookBytes(workbook);
      } catch (error) {
        throw new ExportFailure("export.failed.generation", error instanceof Error ? error.message : String(error));
      }
      content = await checkedDocument(content, "XLSX", testHooks);
      await context.reportProgress(ROWS_TO);

      const sha256 = createHash("sha256").update(content).digest("hex");
      await context.reportProgress(100);
      await asCounty(db, payload, (tenant) => completeExport(tenant, record.id, { content, sha256, rowCount: shown.length }));
    },

    async mirrorProgress(payload, progress) {
      await asCounty(db, payload, (tenant) => reportExportProgress(tenant, payload.exportId, progress));
    },

    async onFailure(payload, { error, final }) {
      await asCounty(db, payload, (tenant) =>
        failExportAttempt(tenant, payload.exportId, { errorKey: failureKeyOf(error), final }),
      );
    },
  });
}

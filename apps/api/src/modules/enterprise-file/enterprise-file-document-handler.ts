/** Runs the enterprise file document job (definition: @dtpilot/jobs enterpriseFileDocumentJob): 改造信息表 as DOCX. */
import { createHash } from "node:crypto";
import {
  completeExport,
  failExportAttempt,
  findExportForJob,
  findRosterEntry,
  reportExportProgress,
  startExportAttempt,
  type Database,
} from "@dtpilot/db";
import { withoutIllegalCharacters } from "@dtpilot/domain";
import { defineHandler, enterpriseFileDocumentJob, UnrecoverableError } from "@dtpilot/jobs";
import { buildEnterpriseFileDocx, enterpriseFileDocumentParameters } from "./enterprise-file-document";
import { fileView } from "./enterprise-file-view";
import { asCounty } from "../../kernel/county-scope";
import type { WorkerTestHooks } from "../../kernel/worker-config";
import { checkedDocument } from "../documents/checked-document";
import { ExportFailure, failureKeyOf } from "../documents/export-failure";

export function enterpriseFileDocumentHandler(deps: { db: Database; testHooks: WorkerTestHooks }) {
  const { db, testHooks } = deps;
  return defineHandler(enterpriseFileDocumentJob, {
    async process(payload, context) {
      const record = await asCounty(db, payload, (tenant) => findExportForJob(tenant, payload.exportId, payload.countyId));
      if (!record) throw new UnrecoverableError(`export ${payload.exportId} is not an export of county ${payload.countyId}`);
      if (record.status === "SUCCEEDED") return;
      if (!(await asCounty(db, payload, (tenant) => startExportAttempt(tenant, record.id, context.attempt)))) return;

      const parameters = enterpriseFileDocumentParameters.parse(record.parameters ?? {});
      // Read as the county team (asCounty's tenant handle): the file as the county sees it.
      const view = await asCounty(db, payload, async (tenant) => {
        const entry = await findRosterEntry(tenant, parameters.pilotId);
        return entry && entry.countyId === payload.countyId ? fileView(tenant, entry) : null;
      });
      if (!view) throw new UnrecoverableError(`pilot ${parameters.pilotId} is not on county ${payload.countyId}'s roster`);
      await context.reportProgress(40);

      let content: Uint8Array<ArrayBuffer>;
      try {
        if (testHooks.failGeneration) throw new Error("test hook: generation fails");
        // Text stored before the character rule would break the XML: stripped here, and the file checked below.
        content = await buildEnterpriseFileDocx(
          withoutIllegalCharacters({
            countyName: record.county.name,
            batchName: parameters.batchName,
            entry: view.entry,
            file: view.file,
            completeness: view.completeness,
            generatedAt: new Date(),
          }),
        );
      } catch (error) {
        throw new ExportFailure("export.failed.generation", error instanceof Error ? error.message : String(error));
      }
      content = await checkedDocument(content, "DOCX", testHooks);
      await context.reportProgress(90);
      const sha256 = createHash("sha256").update(content).digest("hex");
      await context.reportProgress(100);
      await asCounty(db, payload, (tenant) => completeExport(tenant, record.id, { content, sha256, rowCount: 1 }));
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

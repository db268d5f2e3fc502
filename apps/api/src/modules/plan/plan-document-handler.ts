/** Runs the plan document job (definition: @dtpilot/jobs planDocumentJob): 主要数据表 as XLSX or the plan as DOCX. */
import { createHash } from "node:crypto";
import {
  completeExport,
  failExportAttempt,
  findExportForJob,
  findPlan,
  findPlanVersion,
  reportExportProgress,
  startExportAttempt,
  type Database,
} from "@dtpilot/db";
import { PLAN_STATE_LABELS, withoutIllegalCharacters } from "@dtpilot/domain";
import { defineHandler, planDocumentJob, UnrecoverableError } from "@dtpilot/jobs";
import { buildPlanDataTableWorkbook, type PlanDocumentInput } from "./plan-data-table-workbook";
import { buildPlanDocx } from "./plan-document";
import { planDocumentParameters } from "./plan-document-parameters";
import { workbookBytes } from "../roster/roster-document";
import { planContentOf } from "./plan-view";
import { asCounty } from "../../kernel/county-scope";
import type { WorkerTestHooks } from "../../kernel/worker-config";
import { checkedDocument } from "../documents/checked-document";
import { ExportFailure, failureKeyOf } from "../documents/export-failure";

/** A version that a return closed is no longer “submitted”: it says so instead of the plan's current state. */
const SUPERSEDED_VERSION_LABEL = "已退回修改（历史版本）";

export function planDocumentHandler(deps: { db: Database; testHooks: WorkerTestHooks }) {
  const { db, testHooks } = deps;
  return defineHandler(planDocumentJob, {
    async process(payload, context) {
      const record = await asCounty(db, payload, (tenant) => findExportForJob(tenant, payload.exportId, payload.countyId));
      if (!record) throw new UnrecoverableError(`export ${payload.exportId} is not an export of county ${payload.countyId}`);
      if (record.status === "SUCCEEDED") return;
      if (!(await asCounty(db, payload, (tenant) => startExportAttempt(tenant, record.id, context.attempt)))) return;

      const parameters = planDocumentParameters.parse(record.parameters ?? {});
      const found = await asCounty(db, payload, async (tenant) => {
        const plan = await findPlan(tenant, parameters.planId);
        const version = plan ? await findPlanVersion(tenant, plan.id, parameters.versionNumber) : null;
        return plan && version ? { plan, version } : null;
      });
      if (!found) throw new UnrecoverableError(`plan ${parameters.planId} v${parameters.versionNumber} is not in county ${payload.countyId}`);
      await context.reportProgress(20);

      const { plan, version } = found;
      // Text stored before the character rule would break the XML: stripped here, and the file checked below.
      const input: PlanDocumentInput = withoutIllegalCharacters({
        countyName: plan.county.name,
        batchName: plan.batch.name,
        batchYear: plan.batch.startsOn.getUTCFullYear(),
        versionNumber: version.number,
        stateLabel: version.number === plan.currentVersion ? PLAN_STATE_LABELS[plan.state] : SUPERSEDED_VERSION_LABEL,
        content: planContentOf(plan, version.content),
        generatedAt: new Date(),
      });
      let content: Uint8Array<ArrayBuffer>;
      try {
        if (testHooks.failGeneration) throw new Error("test hook: generation fails");
        content = record.kind === "PLAN_DOCX" ? await buildPlanDocx(input) : await workbookBytes(await buildPlanDataTableWorkbook(input));
      } catch (error) {
        throw new ExportFailure("export.failed.generation", error instanceof Error ? error.message : String(error));
      }
      content = await checkedDocument(content, record.kind === "PLAN_DOCX" ? "DOCX" : "XLSX", testHooks);
      await context.reportProgress(90);
      const sha256 = createHash("sha256").update(content).digest("hex");
      const rowCount = input.content.dataTable.clusters.reduce((sum, cluster) => sum + cluster.subIndustries.length, 0);
      await context.reportProgress(100);
      await asCounty(db, payload, (tenant) => completeExport(tenant, record.id, { content, sha256, rowCount }));
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

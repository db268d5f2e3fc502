/** 实施方案主要数据表 (XLSX) and 实施方案 (DOCX): one loader, a generator each, and their registrations. */
import { findPlan, findPlanVersion, type TenantDb } from "@dtpilot/db";
import { withoutIllegalCharacters } from "@dtpilot/domain";
import { zhCN } from "@dtpilot/i18n";
import { defineDocumentHandler, type ExportRecord } from "../documents/document-handler";
import { workbookBytes } from "../roster/roster-document";
import { buildPlanDataTableWorkbook, type PlanDocumentInput } from "./plan-data-table-workbook";
import { buildPlanDocx } from "./plan-document";
import { planDocumentParameters, type PlanDocumentParameters } from "./plan-document-parameters";
import { planContentOf } from "./plan-view";

/** The plan's states as the workflow's labels say them: in Chinese, like the whole document, whoever asks. */
const PLAN_STATE_LABELS = zhCN.workflows.IMPLEMENTATION_PLAN.states;

/** A version that a return closed is no longer “submitted”: it says so instead of the plan's current state. */
const SUPERSEDED_VERSION_LABEL = "已退回修改（历史版本）";

/** The version fixed when the document was asked for, with the plan's state as of now. */
async function loadPlanVersion(tenant: TenantDb, _exportRecord: ExportRecord, parameters: PlanDocumentParameters): Promise<PlanDocumentInput | null> {
  const plan = await findPlan(tenant, parameters.planId);
  const version = plan ? await findPlanVersion(tenant, plan.id, parameters.versionNumber) : null;
  if (!plan || !version) return null;
  // Text stored before the character rule would break the XML: stripped here, and the file checked after.
  return withoutIllegalCharacters({
    countyName: plan.county.name,
    batchName: plan.batch.name,
    batchYear: plan.batch.startsOn.getUTCFullYear(),
    versionNumber: version.number,
    stateLabel: version.number === plan.currentVersion ? PLAN_STATE_LABELS[plan.state] : SUPERSEDED_VERSION_LABEL,
    content: planContentOf(plan, version.content),
    generatedAt: new Date(),
  });
}

/** The file lists one row per sub-industry of every cluster. */
const rowCountOf = (plan: PlanDocumentInput) => plan.content.dataTable.clusters.reduce((sum, cluster) => sum + cluster.subIndustries.length, 0);

export const planDataTableHandler = defineDocumentHandler({
  kind: "PLAN_DATA_TABLE_XLSX",
  parameters: planDocumentParameters,
  loadedProgress: 20,
  load: loadPlanVersion,
  async generate(plan) {
    return { content: await workbookBytes(await buildPlanDataTableWorkbook(plan)), rowCount: rowCountOf(plan) };
  },
});

export const planDocxHandler = defineDocumentHandler({
  kind: "PLAN_DOCX",
  parameters: planDocumentParameters,
  loadedProgress: 20,
  load: loadPlanVersion,
  async generate(plan) {
    return { content: await buildPlanDocx(plan), rowCount: rowCountOf(plan) };
  },
});

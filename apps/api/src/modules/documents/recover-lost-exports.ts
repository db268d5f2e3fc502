import { findUnfinishedExports, withTenant, type Database, type ExportKind } from "@dtpilot/db";
import type { Principal } from "@dtpilot/domain";
import { enterpriseFileDocumentJob, planDocumentJob, rosterExportJob, type JobLogger, type JobQueues } from "@dtpilot/jobs";

/**
 * Reads every county's unfinished exports through the province's read policy (row-level security still applies;
 * the province may read, never write, a county's exports). It only reads: the re-enqueued job then writes as the
 * county, like any other.
 */
const RECOVERY_READER: Principal = { userId: "00000000-0000-0000-0000-000000000000", role: "PROVINCE_ADMIN", scope: { kind: "province" } };

const JOB_OF_KIND: Record<ExportKind, typeof rosterExportJob | typeof planDocumentJob | typeof enterpriseFileDocumentJob> = {
  ROSTER_XLSX: rosterExportJob,
  PLAN_DATA_TABLE_XLSX: planDocumentJob,
  PLAN_DOCX: planDocumentJob,
  ENTERPRISE_FILE_DOCX: enterpriseFileDocumentJob,
};

/**
 * Redis here keeps no data across a restart, so a queued job can vanish while its export still says QUEUED (or
 * RUNNING). Enqueues such exports again, under their own id (a job that still exists is left alone). Exports younger
 * than `olderThanMs` are skipped: the API may be enqueueing them right now.
 */
export async function recoverLostExports(deps: { db: Database; jobs: JobQueues; logger: JobLogger; olderThanMs: number }): Promise<string[]> {
  const unfinished = await withTenant(deps.db, RECOVERY_READER, (tenant) =>
    findUnfinishedExports(tenant, new Date(Date.now() - deps.olderThanMs)),
  );
  const recovered: string[] = [];
  for (const record of unfinished) {
    const definition = JOB_OF_KIND[record.kind];
    if (await deps.jobs.queue(definition.queue).getJob(record.id)) continue;
    await deps.jobs.enqueue(definition, { exportId: record.id, countyId: record.countyId, requestedById: record.requestedById }, { jobId: record.id });
    recovered.push(record.id);
  }
  if (recovered.length > 0) deps.logger.warn({ exports: recovered }, "re-enqueued exports whose jobs were lost");
  return recovered;
}

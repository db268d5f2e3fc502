import { findUnfinishedExports, withTenant, type Database } from "@dtpilot/db";
import type { Principal } from "@dtpilot/domain";
import { defineHandler, documentJobOf, recoverLostExportsJob, type JobLogger, type JobQueues } from "@dtpilot/jobs";

/**
 * Finds every county's unfinished exports as the queues' operator, the province (`recover ExportFile`; row-level
 * security still applies: the province may read, never write, a county's rows). It only reads ids and owners: the
 * re-enqueued job then writes as the county, like any other.
 */
const RECOVERY_READER: Principal = { userId: "00000000-0000-0000-0000-000000000000", role: "PROVINCE_ADMIN", scope: { kind: "province" } };

export interface RecoveryDeps {
  db: Database;
  jobs: JobQueues;
  logger: JobLogger;
  /** Exports younger than this are skipped: the API may be enqueueing them right now. */
  olderThanMs: number;
}

/**
 * Redis here keeps no data across a restart, so a queued job can vanish while its export still says QUEUED (or
 * RUNNING). Enqueues such exports again, under their own id (a job that still exists is left alone).
 */
export async function recoverLostExports(deps: RecoveryDeps): Promise<string[]> {
  const unfinished = await withTenant(deps.db, RECOVERY_READER, (tenant) =>
    findUnfinishedExports(tenant, new Date(Date.now() - deps.olderThanMs)),
  );
  const recovered: string[] = [];
  for (const record of unfinished) {
    const job = documentJobOf(record.kind);
    if (await deps.jobs.queue(job.queue).getJob(record.id)) continue;
    await deps.jobs.enqueueDocument(job, { exportId: record.id, countyId: record.countyId, requestedById: record.requestedById });
    recovered.push(record.id);
  }
  if (recovered.length > 0) deps.logger.warn({ exports: recovered }, "re-enqueued exports whose jobs were lost");
  return recovered;
}

/** The scheduled run (`recoverLostExportsJob`); a failed run is only logged: the next one is its retry. */
export function recoverLostExportsHandler(deps: RecoveryDeps) {
  return defineHandler(recoverLostExportsJob, {
    async process() {
      await recoverLostExports(deps);
    },
  });
}

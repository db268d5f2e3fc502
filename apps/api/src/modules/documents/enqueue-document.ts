import { failExportAttempt } from "@dtpilot/db";
import type { DocumentKind, Principal } from "@dtpilot/domain";
import { documentJobOf, type JobQueues } from "@dtpilot/jobs";
import type { FastifyBaseLogger } from "fastify";
import { appError } from "../../kernel/errors";
import type { Committed } from "../../kernel/trpc";

export interface EnqueueContext {
  afterCommit: (task: (committed: Committed) => Promise<void>) => void;
  principal: Principal;
  jobs: JobQueues;
  log: FastifyBaseLogger;
}

/**
 * Enqueues the job that fills in a just-recorded export, once the request's transaction has committed (so the
 * worker always finds the row; its id is the job id). When Redis is unreachable the export is marked failed at once
 * — in the county's name, whose row it is, whoever asked — rather than left queued for a worker that will never see it.
 */
export function enqueueDocumentAfterCommit(ctx: EnqueueContext, exportFile: { id: string; kind: DocumentKind; countyId: string }) {
  const { principal, jobs, log } = ctx;
  const job = documentJobOf(exportFile.kind);
  ctx.afterCommit(async ({ asCounty }) => {
    try {
      await jobs.enqueueDocument(job, { exportId: exportFile.id, countyId: exportFile.countyId, requestedById: principal.userId });
    } catch (error) {
      log.error({ err: error, exportId: exportFile.id, job: job.name }, "could not enqueue an export");
      await asCounty({ countyId: exportFile.countyId, requestedById: principal.userId }, (tenant) =>
        failExportAttempt(tenant, exportFile.id, { errorKey: "export.queueUnavailable", final: true }),
      );
      throw appError("SERVICE_UNAVAILABLE", "export.queueUnavailable");
    }
  });
}

import { failExportAttempt } from "@dtpilot/db";
import type { Principal } from "@dtpilot/domain";
import type { JobDefinition, JobQueues, PayloadInput } from "@dtpilot/jobs";
import type { FastifyBaseLogger } from "fastify";
import { appError } from "../../kernel/errors";
import type { Committed } from "../../kernel/trpc";

/** An export job: its payload names the export it fills in, the export's county and who asked. */
type ExportPayload = { exportId: string; countyId: string; requestedById: string };

/**
 * Enqueues the job that fills in a just-recorded export, once the request's transaction has committed (so the
 * worker always finds the row; its id is the job id). When Redis is unreachable the export is marked failed at once
 * — in the county's name, whose row it is, whoever asked — rather than left queued for a worker that will never see it.
 */
export function enqueueExportAfterCommit<D extends JobDefinition>(
  ctx: { afterCommit: (task: (committed: Committed) => Promise<void>) => void; principal: Principal; jobs: JobQueues; log: FastifyBaseLogger },
  job: D & (PayloadInput<D> extends ExportPayload ? unknown : never),
  exportFile: { id: string; countyId: string },
) {
  const { principal, jobs, log } = ctx;
  ctx.afterCommit(async ({ asCounty }) => {
    try {
      await jobs.enqueue(job, { exportId: exportFile.id, countyId: exportFile.countyId, requestedById: principal.userId } satisfies ExportPayload as PayloadInput<D>, { jobId: exportFile.id });
    } catch (error) {
      log.error({ err: error, exportId: exportFile.id, job: job.name }, "could not enqueue an export");
      await asCounty({ countyId: exportFile.countyId, requestedById: principal.userId }, (tenant) =>
        failExportAttempt(tenant, exportFile.id, { errorKey: "export.queueUnavailable", final: true }),
      );
      throw appError("SERVICE_UNAVAILABLE", "export.queueUnavailable");
    }
  });
}

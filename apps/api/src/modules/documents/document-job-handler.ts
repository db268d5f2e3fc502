/** The one lifecycle of every document job: load → generate → check → store, with progress, retries and failures. */
import { createHash } from "node:crypto";
import { completeExport, failExportAttempt, findExportForJob, reportExportProgress, startExportAttempt, type Database } from "@dtpilot/db";
import { DOCUMENT_FORMAT_OF_KIND } from "@dtpilot/domain";
import { defineHandler, DOCUMENT_JOBS, isUnrecoverable, UnrecoverableError, type DocumentJobDefinition } from "@dtpilot/jobs";
import { asCounty } from "../../kernel/county-scope";
import { checkedDocument } from "./checked-document";
import type { DocumentHandlers } from "./document-registry";
import type { GeneratedDocument } from "./document-handler";
import { ExportFailure, failureKeyOf } from "./export-failure";

/** Progress once the file is generated and checked; the rest is storing it. */
const GENERATED = 90;

interface Deps {
  db: Database;
  handlers: DocumentHandlers;
}

/**
 * Runs one document job. Every read and write is in the export's county scope. Idempotent: an export already done is
 * left as it is. A failure is recorded after every attempt (waiting for the retry, or FAILED with its reason after the
 * last, per the job's definition); a file that does not open fails at once.
 */
export function documentJobHandler(job: DocumentJobDefinition, deps: Deps) {
  const { db, handlers } = deps;
  return defineHandler(job, {
    async process(payload, context) {
      const found = await asCounty(db, payload, (tenant) => findExportForJob(tenant, payload.exportId, payload.countyId));
      if (!found) throw new UnrecoverableError(`export ${payload.exportId} is not an export of county ${payload.countyId}`);
      // A late duplicate of a finished job: the file is there already.
      if (found.status === "SUCCEEDED") return;
      const record = { ...found, requestedById: payload.requestedById };
      if (!job.kinds.includes(record.kind)) throw new UnrecoverableError(`export ${record.id} is ${record.kind}, which job "${job.name}" does not make`);
      if (!(await asCounty(db, payload, (tenant) => startExportAttempt(tenant, record.id, context.attempt)))) return;

      const handler = handlers[record.kind];
      const loaded = await asCounty(db, payload, (tenant) => handler.load(tenant, record));
      if (!loaded) throw new UnrecoverableError(`what export ${record.id} names is not in county ${payload.countyId}`);
      const from = handler.loadedProgress;
      await context.reportProgress(from);

      // A progress report that fails is the database's fault, not the document's: it keeps its own reason.
      let progressFailure: unknown;
      const step = async (done: number, total: number) => {
        try {
          await context.reportProgress(from + ((GENERATED - from) * done) / Math.max(total, 1));
        } catch (error) {
          progressFailure = error;
          throw error;
        }
      };
      let generated: GeneratedDocument;
      try {
        generated = await loaded.generate({ step });
      } catch (error) {
        if (error === progressFailure || isUnrecoverable(error)) throw error;
        throw new ExportFailure("export.failed.generation", error instanceof Error ? error.message : String(error));
      }
      const content = await checkedDocument(generated.content, DOCUMENT_FORMAT_OF_KIND[record.kind]);
      await context.reportProgress(GENERATED);
      const sha256 = createHash("sha256").update(content).digest("hex");
      await context.reportProgress(100);
      await asCounty(db, payload, (tenant) => completeExport(tenant, record.id, { content, sha256, rowCount: generated.rowCount }));
    },

    async mirrorProgress(payload, progress) {
      await asCounty(db, payload, (tenant) => reportExportProgress(tenant, payload.exportId, progress));
    },

    async onFailure(payload, { error, final }) {
      await asCounty(db, payload, (tenant) => failExportAttempt(tenant, payload.exportId, { errorKey: failureKeyOf(error), final }));
    },
  });
}

/** The worker's handlers of every document job, each running the documents registered for its kinds. */
export function documentJobHandlers(deps: Deps) {
  return DOCUMENT_JOBS.map((job) => documentJobHandler(job, deps));
}

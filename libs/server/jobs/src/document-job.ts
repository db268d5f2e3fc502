import { countyCodeSchema, type DocumentKind } from "@dtpilot/domain";
import { z } from "zod";
import { KEEP_FINISHED_JOBS, type DefaultJobOptions, type JobDefinition } from "./define-job";

/**
 * What every document job carries, and nothing more: the export record the API wrote (which holds the document's
 * parameters, fixed when it was asked for), the county whose scope the worker reads and writes in, and who asked.
 * The county comes from the requester's session or the record, never from a client.
 */
export const documentJobPayload = z
  .object({
    exportId: z.uuid(),
    countyId: countyCodeSchema,
    requestedById: z.uuid(),
  })
  .strict();

export type DocumentJobPayload = z.output<typeof documentJobPayload>;

/** Three attempts spaced 2 s, 4 s: a passing fault (a lost connection) heals; a broken document fails for good. */
export const DOCUMENT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2_000 },
  ...KEEP_FINISHED_JOBS,
};

/** A job that fills in one export record with a generated document, for the kinds it names. */
export interface DocumentJobDefinition<Name extends string = string> extends JobDefinition<Name, typeof documentJobPayload> {
  readonly kinds: readonly DocumentKind[];
  /**
   * The job's id is the export's: while a job for that export exists, enqueueing it again adds nothing, so one
   * record never has two jobs (a retried request, the recovery of a lost job).
   */
  jobId(payload: DocumentJobPayload): string;
}

/**
 * Registers a document job on the documents queue. Its name is part of every queued job in Redis: never rename one.
 * A long-running document (a province-wide report) may set its own `options`.
 */
export function defineDocumentJob<const Name extends string>(definition: {
  name: Name;
  kinds: readonly DocumentKind[];
  options?: Partial<DefaultJobOptions>;
}): DocumentJobDefinition<Name> {
  return Object.freeze({
    name: definition.name,
    queue: "documents",
    payload: documentJobPayload,
    options: { ...DOCUMENT_JOB_OPTIONS, ...definition.options },
    kinds: Object.freeze([...definition.kinds]),
    jobId: (payload: DocumentJobPayload) => payload.exportId,
  });
}

import { z } from "zod";
import { defineJob, KEEP_FINISHED_JOBS } from "../define-job";

/**
 * A county's implementation plan as a document: 实施方案主要数据表 (XLSX) or the whole plan (DOCX). The export record
 * the API created says which, and which plan version; its id is the job id. The county is the plan's own, read
 * from the plan in the requester's scope, never from a client.
 */
export const planDocumentJob = defineJob({
  name: "plan-document",
  queue: "documents",
  payload: z
    .object({
      exportId: z.uuid(),
      countyId: z.string().regex(/^32\d{4}$/),
      requestedById: z.uuid(),
    })
    .strict(),
  options: { attempts: 3, backoff: { type: "exponential", delay: 2_000 }, ...KEEP_FINISHED_JOBS },
});

export type PlanDocumentPayload = z.output<typeof planDocumentJob.payload>;

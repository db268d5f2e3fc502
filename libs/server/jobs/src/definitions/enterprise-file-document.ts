import { z } from "zod";
import { defineJob, KEEP_FINISHED_JOBS } from "../define-job";

/**
 * One pilot enterprise's file 改造信息表 (附2) as a DOCX. The export record the API created names the enterprise (its
 * place on the roster); its id is the job id. The county is the requesting county team's own, from its session.
 */
export const enterpriseFileDocumentJob = defineJob({
  name: "enterprise-file-document",
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

export type EnterpriseFileDocumentPayload = z.output<typeof enterpriseFileDocumentJob.payload>;

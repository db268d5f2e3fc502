import { z } from "zod";
import { defineJob, KEEP_FINISHED_JOBS } from "../define-job";

/**
 * 试点企业名单 as XLSX for one county. The payload names the export record the API created (its id is also the
 * job id, so one record never has two jobs) and the county whose scope the worker reads and writes under. The
 * county comes from the requester's session, never from a client.
 */
export const rosterExportJob = defineJob({
  name: "roster-export",
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

export type RosterExportPayload = z.output<typeof rosterExportJob.payload>;

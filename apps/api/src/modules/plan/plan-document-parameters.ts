import { z } from "zod";

/** Fixed when a plan document is requested: which plan, which version, and the batch named in the title. */
export const planDocumentParameters = z
  .object({ planId: z.uuid(), versionNumber: z.number().int().min(1), batchName: z.string() })
  .strict();
export type PlanDocumentParameters = z.infer<typeof planDocumentParameters>;

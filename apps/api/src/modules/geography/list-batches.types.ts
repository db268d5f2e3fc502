import { z } from "zod";

/** A 试点批次 and its period. */
export const batchOutput = z.object({ id: z.string(), name: z.string(), startsOn: z.date(), endsOn: z.date() });

export const listBatchesOutput = z.array(batchOutput);

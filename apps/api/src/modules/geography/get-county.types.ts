import { CountyKind } from "@dtpilot/db";
import { z } from "zod";
import { batchOutput } from "./list-batches.types";
import { cityOutput } from "./list-counties.types";

export const countyIdSchema = z.string().regex(/^32\d{4}$/);

/** Without a county id, a county user gets their own county. */
export const getCountyInput = z.object({ countyId: countyIdSchema.optional() }).strict().optional();

/** A county's profile: its city and region, the batches it pilots in, its enterprise count. */
export const getCountyOutput = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(CountyKind),
  city: cityOutput,
  batches: z.array(batchOutput),
  enterpriseCount: z.number(),
});

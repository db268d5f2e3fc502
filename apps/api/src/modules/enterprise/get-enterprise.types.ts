import { z } from "zod";

export const getEnterpriseInput = z.object({ enterpriseId: z.uuid() }).strict();

export const enterpriseOutput = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  countyId: z.string(),
  county: z.object({ name: z.string(), city: z.object({ name: z.string() }) }),
});

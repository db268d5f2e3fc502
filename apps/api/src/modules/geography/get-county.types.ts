import { z } from "zod";

export const countyIdSchema = z.string().regex(/^32\d{4}$/);

/** Without a county id, a county user gets their own county. */
export const getCountyInput = z.object({ countyId: countyIdSchema.optional() }).strict().optional();

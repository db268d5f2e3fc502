import { z } from "zod";
import { countyIdSchema } from "../geography/get-county.types";

export const listEnterprisesInput = z.object({ countyId: countyIdSchema.optional() }).strict().optional();

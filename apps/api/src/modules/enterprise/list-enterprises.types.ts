import { z } from "zod";
import { countyIdSchema } from "../geography/get-county.types";
import { enterpriseOutput } from "./get-enterprise.types";

export const listEnterprisesInput = z.object({ countyId: countyIdSchema.optional() }).strict().optional();

export const listEnterprisesOutput = z.array(enterpriseOutput);

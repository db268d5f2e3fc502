import { z } from "zod";
import { providerKindFields } from "./get-provider.types";

export const listProvidersInput = z.object({ countyId: z.string().regex(/^32\d{4}$/).optional() }).strict().optional();

export const listProvidersOutput = z.array(z.object({ id: z.string(), name: z.string(), ...providerKindFields }));

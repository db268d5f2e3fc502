import { z } from "zod";

/** Without a provider id, a provider user gets their own organisation. */
export const getProviderInput = z.object({ providerId: z.uuid().optional() }).strict().optional();

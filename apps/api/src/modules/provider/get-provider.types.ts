import { ProviderCapability, ProviderIndustry, ProviderOrigin, Region } from "@dtpilot/db";
import { z } from "zod";

/** Without a provider id, a provider user gets their own organisation. */
export const getProviderInput = z.object({ providerId: z.uuid().optional() }).strict().optional();

/** What a provider is (能力, 行业, 来源): its profile and the lists of providers show it. */
export const providerKindFields = {
  capability: z.enum(ProviderCapability),
  industry: z.enum(ProviderIndustry),
  origin: z.enum(ProviderOrigin),
};

export const getProviderOutput = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  ...providerKindFields,
  counties: z.array(z.object({ code: z.string(), name: z.string(), city: z.object({ name: z.string(), region: z.enum(Region) }) })),
});

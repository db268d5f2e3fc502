import { Region, Role } from "@dtpilot/db";
import type { Scope } from "@dtpilot/domain";
import type { packAppRules } from "@dtpilot/permissions";
import { z } from "zod";
import { computed } from "../../kernel/output";

const named = { id: z.string(), name: z.string() };

/** The signed-in user, what their membership reaches (by name), and the packed rules the UI's ability is built from. */
export const meOutput = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), locale: z.string() }),
  role: z.enum(Role),
  scope: computed<Scope>(),
  city: z.object({ code: z.string(), name: z.string() }).nullable(),
  county: z.object({ code: z.string(), name: z.string(), city: z.object({ name: z.string(), region: z.enum(Region) }) }).nullable(),
  enterprise: z.object({ ...named, countyId: z.string() }).nullable(),
  provider: z.object(named).nullable(),
  rules: computed<ReturnType<typeof packAppRules>>(),
  mustChangePassword: z.boolean(),
});

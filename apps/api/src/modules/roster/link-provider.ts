import { linkProvider as link, providerServesCounty } from "@dtpilot/db";
import { appError, forbidden } from "../../kernel/errors";
import { loadRosterEntry } from "./load-roster-entry";
import { authedProcedure } from "../../kernel/trpc";
import { linkProviderInput } from "./roster.types";

/** The county names the provider working with one of its pilot enterprises; the provider must serve the county. */
export const linkProvider = authedProcedure.input(linkProviderInput).mutation(async ({ ctx, input }) => {
  const entry = await loadRosterEntry(ctx.data, ctx.principal, input.pilotId);
  ctx.audit.target("PilotEnterprise", entry.id, { countyId: entry.countyId });
  if (!ctx.data.can("create", "EnterpriseProviderLink", { countyId: entry.countyId })) throw forbidden();
  if (!(await providerServesCounty(ctx.data, input.providerId, entry.countyId))) {
    throw appError("BAD_REQUEST", "roster.provider.notServingCounty", { field: "providerId" });
  }
  await link(ctx.data, { countyId: entry.countyId, pilotId: entry.id, providerId: input.providerId, linkedById: ctx.principal.userId });
  ctx.audit.changes([{ field: "providerId", before: null, after: input.providerId }]);
  return { pilotId: entry.id, providerId: input.providerId };
});

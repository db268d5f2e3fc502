import { linkProvider as link, providerServesCounty } from "@dtpilot/db";
import { appError, forbidden } from "../../errors";
import { loadPilot } from "../../roster/file-view";
import { authedProcedure } from "../../trpc";
import { linkProviderInput } from "../file/file.types";

/** The county names the provider working with one of its pilot enterprises; the provider must serve the county. */
export const linkProvider = authedProcedure.input(linkProviderInput).mutation(async ({ ctx, input }) => {
  const entry = await loadPilot(ctx.data, ctx.principal, input.pilotId);
  ctx.audit.target("PilotEnterprise", entry.id, { countyId: entry.countyId });
  if (!ctx.data.can("create", "EnterpriseProviderLink", { countyId: entry.countyId })) throw forbidden();
  if (!(await providerServesCounty(ctx.data, input.providerId, entry.countyId))) {
    throw appError("BAD_REQUEST", "roster.provider.notServingCounty", { field: "providerId" });
  }
  await link(ctx.data, { countyId: entry.countyId, pilotId: entry.id, providerId: input.providerId, linkedById: ctx.principal.userId });
  ctx.audit.changes([{ field: "providerId", before: null, after: input.providerId }]);
  return { pilotId: entry.id, providerId: input.providerId };
});

import { linkProvider as link, providerServesCounty } from "@dtpilot/db";
import { appError } from "../../kernel/errors";
import { can } from "../../kernel/permission";
import { recordProcedure } from "../../kernel/record-procedure";
import { pilotEnterprise } from "./load-pilot-enterprise";
import { linkProviderInput, linkProviderOutput } from "./roster.types";

/** The county names the provider working with one of its pilot enterprises; the provider must serve the county. */
export const linkProvider = recordProcedure(linkProviderInput, pilotEnterprise, can("create", "EnterpriseProviderLink"))
  .output(linkProviderOutput)
  .mutation(async ({ ctx, input }) => {
    const entry = ctx.record;
    // A removed enterprise keeps its file for the record, but no provider starts working on it.
    if (entry.status !== "ACTIVE") throw appError("CONFLICT", "roster.change.notOnRoster", { field: "pilotEnterpriseId" });
    if (!(await providerServesCounty(ctx.data, input.providerId, entry.countyId))) {
      throw appError("BAD_REQUEST", "roster.provider.notServingCounty", { field: "providerId" });
    }
    await link(ctx.data, { countyId: entry.countyId, pilotEnterpriseId: entry.id, providerId: input.providerId, linkedById: ctx.principal.userId });
    ctx.audit.changes([{ field: "providerId", before: null, after: input.providerId }]);
    return { pilotEnterpriseId: entry.id, providerId: input.providerId };
  });

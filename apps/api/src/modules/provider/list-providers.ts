import { listProvidersServing } from "@dtpilot/db";
import { notFound } from "../../kernel/errors";
import { procedureAllowedTo } from "../../kernel/trpc";
import { listProvidersInput, listProvidersOutput } from "./list-providers.types";

/** The providers serving a county: the county's own by default, or one its overseer names. */
export const listProviders = procedureAllowedTo("read", "ProviderCounty")
  .input(listProvidersInput)
  .output(listProvidersOutput)
  .query(async ({ ctx, input }) => {
    const scope = ctx.principal.scope;
    const countyId = input?.countyId ?? (scope.kind === "county" ? scope.countyId : undefined);
    // Those who read the county itself: a county team its own, its overseers theirs; providers list no rivals.
    if (!countyId || !ctx.data.can("read", "County", { code: countyId })) throw notFound();
    return listProvidersServing(ctx.data, countyId);
  });

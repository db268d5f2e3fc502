import { findProvider } from "@dtpilot/db";
import { notFound } from "../../kernel/errors";
import { authedProcedure } from "../../kernel/trpc";
import { getProviderInput, getProviderOutput } from "./get-provider.types";

/** A provider's profile and the counties it serves (those the reader may see). */
export const getProvider = authedProcedure.input(getProviderInput)
  .output(getProviderOutput)
  .query(async ({ ctx, input }) => {
    const scope = ctx.principal.scope;
    const providerId = input?.providerId ?? (scope.kind === "provider" ? scope.providerId : undefined);
    const provider = providerId ? await findProvider(ctx.data, providerId) : null;
    if (!provider) throw notFound();
    return { ...provider, counties: provider.counties.map((link) => link.county) };
  });

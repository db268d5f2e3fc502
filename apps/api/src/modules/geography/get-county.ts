import { findCountyProfile } from "@dtpilot/db";
import { notFound } from "../../kernel/errors";
import { authedProcedure } from "../../kernel/trpc";
import { getCountyInput, getCountyOutput } from "./get-county.types";

/** A county's profile with the batches it pilots in and its enterprise count; out of scope reads as not found. */
export const getCounty = authedProcedure.input(getCountyInput).output(getCountyOutput).query(async ({ ctx, input }) => {
  const scope = ctx.principal.scope;
  const countyId = input?.countyId ?? (scope.kind === "county" || scope.kind === "enterprise" ? scope.countyId : undefined);
  const county = countyId ? await findCountyProfile(ctx.data, countyId) : null;
  if (!county) throw notFound();
  return county;
});

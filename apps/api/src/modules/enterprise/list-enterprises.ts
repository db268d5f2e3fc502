import { listEnterprises as listVisibleEnterprises } from "@dtpilot/db";
import { notFound } from "../../kernel/errors";
import { procedureAllowedTo } from "../../kernel/trpc";
import { listEnterprisesInput, listEnterprisesOutput } from "./list-enterprises.types";

/** Enterprises the user may read, optionally within one county; a county outside the scope reads as not found. */
export const listEnterprises = procedureAllowedTo("read", "Enterprise")
  .input(listEnterprisesInput)
  .output(listEnterprisesOutput)
  .query(({ ctx, input }) => {
    const countyId = input?.countyId;
    if (countyId && !ctx.data.can("read", "Enterprise", { countyId })) throw notFound();
    return listVisibleEnterprises(ctx.data, { countyId });
  });

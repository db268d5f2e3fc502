import { listEnterprises as listVisibleEnterprises } from "@dtpilot/db";
import { procedureAllowedTo } from "../../trpc";
import { listEnterprisesInput } from "./list-enterprises.types";

/** Enterprises the user may read, optionally within one county; a county outside the scope yields none. */
export const listEnterprises = procedureAllowedTo("read", "Enterprise")
  .input(listEnterprisesInput)
  .query(({ ctx, input }) => listVisibleEnterprises(ctx.data, { countyId: input?.countyId }));
